import { proveConsistency, splitNote, toBase64, verifyCosignature } from "@assent/core";
import { type Database, logCheckpoints, witnessCosignatures, witnessPeers } from "@assent/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { forEachWithin, type QueryMeter } from "../limits";
import { storedTiles } from "../transparency";
import {
  answerText,
  failureOf,
  WitnessAnswerTooLarge,
  type WitnessFailure,
} from "./witness-answer";
import { WitnessAddressNotAllowed, type WitnessNetworkPolicy, witnessUrl } from "./witness-url";

/**
 * How the log side submits its checkpoints to witnesses. A witness's URL is checked before each
 * request (`witnessUrl`, with `privateNetworks`), redirects are never followed, and only the
 * useful part of a refusal is kept (`failureOf`).
 */
export interface SubmitOptions extends WitnessNetworkPolicy {
  /**
   * `fetch` to reach witnesses (the global one when absent). On Node it is
   * `runtime/node/witness-fetch.ts`, which connects only to public addresses (a host name is
   * checked once resolved, so DNS cannot point it at the server's network); Cloudflare's
   * `fetch` on the Worker cannot reach private networks.
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
  /** Time a witness has to answer, ms (5,000). */
  timeoutMs?: number;
  /** A witness that failed is tried again after this long, ms (30,000). */
  retryAfterMs?: number;
  /** Where failures are written (stderr): a witness refusing a checkpoint is news. */
  log?: (line: string) => void;
  /**
   * The invocation's queries (the Worker's Cron Trigger): submissions start, six at a time (a
   * Worker's open connections), while `PEER_QUERIES` fit for each beside `reserve`; the others,
   * the witnesses tried longest ago first, wait for the next run.
   */
  meter?: QueryMeter;
  reserve?: number;
}

/**
 * Queries one witness's submission takes at most: the site's latest checkpoint and the stored
 * cosignature, the tiles of up to three consistency proofs (at most 15 each, for a log of up to
 * 2^40 entries: three per tile level), and the answer stored.
 */
const PEER_QUERIES = 2 + 3 * 15 + 2;

/** What one submission came to. */
export interface SubmissionReport {
  siteId: number;
  witness: string;
  size: number;
  outcome: "cosigned" | "failed";
  /** The failure, as the witness answered it (status 0: not reached). */
  error?: WitnessFailure;
}

type Peer = typeof witnessPeers.$inferSelect;

/** The request body of `add-checkpoint` (C2SP tlog-witness). */
export function submissionBody(oldSize: number, proof: Uint8Array[], note: string): string {
  return `old ${oldSize}\n${proof.map((h) => `${toBase64(h)}\n`).join("")}\n${note}`;
}

/** A request that failed, as stored: refused before it left, too large an answer, or not reached. */
function requestFailure(err: unknown, status: number): WitnessFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof WitnessAddressNotAllowed) return { status: 0, code: err.code, message };
  if (err instanceof WitnessAnswerTooLarge) return { status, code: err.code, message };
  return { status: 0, code: "WITNESS_UNREACHABLE", message };
}

/**
 * Submits the checkpoint `note` of `size` to one witness, with a consistency proof from the size
 * the witness last cosigned; on 409 the witness names the size it holds, and the proof is made
 * again from there (twice at most). Returns the verified cosignature line, or the failure.
 */
async function submitOne(
  db: Database,
  peer: Peer,
  checkpoint: { size: number; note: string },
  options: Required<Pick<SubmitOptions, "fetch" | "timeoutMs" | "privateNetworks">>,
): Promise<{ line: string; old: number } | { failure: WitnessFailure; old: number }> {
  let old = peer.size;
  const text = splitNote(checkpoint.note).text;
  // Rows stored before the check, or under another WITNESS_PRIVATE_NETWORKS, are checked here.
  const url = witnessUrl(peer.url, options);
  if (!url.ok) {
    return { failure: { status: 0, code: "WITNESS_URL_NOT_ALLOWED", message: url.reason }, old };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    if (old > checkpoint.size) {
      const message = `The witness cosigned size ${old}, larger than this log's ${checkpoint.size}: the log lost entries`;
      return { failure: { status: 0, code: "LOG_BEHIND_WITNESS", message }, old };
    }
    const proof = await proveConsistency(old, checkpoint.size, storedTiles(db, peer.siteId));
    let res: Response | undefined;
    let body: string;
    try {
      res = await options.fetch(`${url.prefix}/add-checkpoint`, {
        method: "POST",
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        body: submissionBody(old, proof, checkpoint.note),
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => {});
        const message = `The witness answered HTTP ${res.status}, a redirect, which is not followed: give the URL it names instead`;
        return { failure: { status: res.status, code: "WITNESS_REDIRECTED", message }, old };
      }
      body = await answerText(res);
    } catch (err) {
      return { failure: requestFailure(err, res?.status ?? 0), old };
    }
    const type = res.headers.get("Content-Type") ?? "";
    if (res.status === 409 && type.startsWith("text/x.tlog.size")) {
      const held = body.trim();
      if (!/^(0|[1-9][0-9]{0,15})$/.test(held)) break;
      old = Number(held);
      continue;
    }
    if (res.status !== 200) return { failure: failureOf(res, body), old };
    for (const line of body.split("\n")) {
      if (!line) continue;
      const check = await verifyCosignature(text, `${line}\n`, peer.vkey);
      if (check.valid) return { line: `${line}\n`, old };
    }
    const message = "The witness answered 200 without a cosignature by its key";
    return { failure: { status: 200, code: "BAD_COSIGNATURE", message }, old };
  }
  const message = "The witness kept answering 409 with sizes that did not fit";
  return { failure: { status: 409, code: "SIZE_CONFLICT", message }, old };
}

/**
 * Submits each site's latest checkpoint to each of its witnesses that has not cosigned it yet,
 * and stores the cosignatures they give (served with the checkpoint). A witness that is down or
 * refuses is recorded on its row (`lastError`), logged, and tried again after `retryAfterMs`;
 * it never holds up anything else.
 */
export async function submitToWitnesses(
  db: Database,
  options: SubmitOptions = {},
): Promise<SubmissionReport[]> {
  const now = (options.now ?? Date.now)();
  const retryAfter = options.retryAfterMs ?? 30_000;
  const log = options.log ?? ((line: string) => console.error(line));
  const send = {
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 5000,
    privateNetworks: options.privateNetworks ?? false,
  };
  const { meter, reserve } = options;
  if (meter && !meter.allows(1 + PEER_QUERIES, reserve)) return [];
  const peers = await db
    .select()
    .from(witnessPeers)
    .orderBy(asc(witnessPeers.lastAttemptAt), asc(witnessPeers.id));
  const reports: SubmissionReport[] = [];
  await forEachWithin(
    peers,
    { meter, reserve, perItem: PEER_QUERIES, concurrency: 6 },
    async (peer) => {
      if (peer.lastError !== null && (peer.lastAttemptAt ?? 0) > now - retryAfter) return;
      const [checkpoint] = await db
        .select({ size: logCheckpoints.size, note: logCheckpoints.note })
        .from(logCheckpoints)
        .where(eq(logCheckpoints.siteId, peer.siteId))
        .orderBy(desc(logCheckpoints.size))
        .limit(1);
      if (!checkpoint) return;
      const [done] = await db
        .select({ line: witnessCosignatures.line })
        .from(witnessCosignatures)
        .where(
          and(
            eq(witnessCosignatures.siteId, peer.siteId),
            eq(witnessCosignatures.size, checkpoint.size),
            eq(witnessCosignatures.peerId, peer.id),
          ),
        );
      // A line for another tree of this size (the log rebuilt) does not count: submit again.
      const text = splitNote(checkpoint.note).text;
      if (done && (await verifyCosignature(text, done.line, peer.vkey)).valid) return;
      const result = await submitOne(db, peer, checkpoint, send);
      const report: SubmissionReport = {
        siteId: peer.siteId,
        witness: peer.name,
        size: checkpoint.size,
        outcome: "line" in result ? "cosigned" : "failed",
      };
      const thisPeer = eq(witnessPeers.id, peer.id);
      if ("line" in result) {
        await db.batch([
          db
            .insert(witnessCosignatures)
            .values({
              siteId: peer.siteId,
              size: checkpoint.size,
              peerId: peer.id,
              line: result.line,
              createdAt: now,
            })
            .onConflictDoUpdate({
              target: [
                witnessCosignatures.siteId,
                witnessCosignatures.size,
                witnessCosignatures.peerId,
              ],
              set: { line: result.line, createdAt: now },
            }),
          db
            .update(witnessPeers)
            .set({
              size: sql`max(${witnessPeers.size}, ${checkpoint.size})`,
              lastAttemptAt: now,
              lastSuccessAt: now,
              lastError: null,
            })
            .where(thisPeer),
        ]);
      } else {
        report.error = result.failure;
        const { status, code, message } = result.failure;
        log(
          `[assent] witness ${peer.name} (${peer.url}) refused checkpoint ${checkpoint.size} of site ${peer.siteId}: ${status} ${code}: ${message}`,
        );
        await db
          .update(witnessPeers)
          .set({ size: result.old, lastAttemptAt: now, lastError: JSON.stringify(result.failure) })
          .where(thisPeer);
      }
      reports.push(report);
    },
  );
  return reports;
}
