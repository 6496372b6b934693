import { appendSignatures, splitNote, verifyCosignature } from "@assent/core";
import { type Database, logCheckpoints, witnessCosignatures, witnessPeers } from "@assent/db";
import { and, asc, desc, eq, gte, lte } from "drizzle-orm";

/** A checkpoint with the cosignatures its site's witnesses gave it. */
export interface CosignedCheckpoint {
  /** The signed note: the log's signature line, then one line per witness that cosigned it. */
  note: string;
  /** The cosignature verifier keys of those witnesses. */
  witnesses: string[];
}

/**
 * The site's checkpoint of `checkpoint.size` with the cosignatures stored for it that verify
 * appended (C2SP signed-note: the witnesses' lines after the log's).
 */
export async function cosignedCheckpoint(
  db: Database,
  siteId: number,
  checkpoint: { size: number; note: string },
): Promise<CosignedCheckpoint> {
  const rows = await db
    .select({ line: witnessCosignatures.line, vkey: witnessPeers.vkey })
    .from(witnessCosignatures)
    .innerJoin(witnessPeers, eq(witnessPeers.id, witnessCosignatures.peerId))
    .where(
      and(eq(witnessCosignatures.siteId, siteId), eq(witnessCosignatures.size, checkpoint.size)),
    )
    .orderBy(asc(witnessCosignatures.peerId));
  if (rows.length === 0) return { note: checkpoint.note, witnesses: [] };
  // Only lines that verify for this very checkpoint: a log rebuilt under the same size (its
  // history rewritten) does not get the cosignatures of the tree it replaced.
  const { text } = splitNote(checkpoint.note);
  const valid = [];
  for (const row of rows) {
    if ((await verifyCosignature(text, row.line, row.vkey)).valid) valid.push(row);
  }
  return {
    note: appendSignatures(
      checkpoint.note,
      valid.map((r) => r.line),
    ),
    witnesses: valid.map((r) => r.vkey),
  };
}

/**
 * The checkpoint a site publishes (`/log/checkpoint`): its latest, with the cosignatures its
 * witnesses have given it so far (none yet, under traffic, for a second or so: C2SP witnesses
 * cosign asynchronously, and a checkpoint with fewer cosignatures is still the log's signed
 * checkpoint). Never an older, witnessed one: the published tree must never be smaller than one
 * already handed out, by an earlier answer or in a receipt file (`checkpointForProof`), or a
 * verifier comparing them sees the log shrink.
 */
export async function publishedCheckpoint(
  db: Database,
  siteId: number,
  latest: { size: number; note: string },
): Promise<CosignedCheckpoint & { size: number }> {
  return { ...(await cosignedCheckpoint(db, siteId, latest)), size: latest.size };
}

/** How long a witnessed checkpoint is preferred for a proof over a newer unwitnessed one. */
export const WITNESSED_FRESHNESS_MS = 60_000;

/**
 * The checkpoint a receipt's inclusion proof is made against: the newest one its witnesses
 * cosigned that holds the receipt (`atLeast` leaves), signed within `WITNESSED_FRESHNESS_MS`, so
 * the receipt file carries cosignatures; otherwise `latest`, with the cosignatures it has. Both
 * are at most `latest`, which is what `publishedCheckpoint` serves from then on (the latest
 * stored size never goes down): a file's checkpoint is never ahead of the published one.
 */
export async function checkpointForProof(
  db: Database,
  siteId: number,
  latest: { size: number; note: string },
  options: { now: number; atLeast: number },
): Promise<CosignedCheckpoint & { size: number }> {
  const [witnessed] = await db
    .select({ size: logCheckpoints.size, note: logCheckpoints.note })
    .from(logCheckpoints)
    .innerJoin(
      witnessCosignatures,
      and(
        eq(witnessCosignatures.siteId, logCheckpoints.siteId),
        eq(witnessCosignatures.size, logCheckpoints.size),
      ),
    )
    .where(
      and(
        eq(logCheckpoints.siteId, siteId),
        gte(logCheckpoints.size, options.atLeast),
        lte(logCheckpoints.size, latest.size),
        gte(logCheckpoints.createdAt, options.now - WITNESSED_FRESHNESS_MS),
      ),
    )
    .orderBy(desc(logCheckpoints.size))
    .limit(1);
  if (witnessed && witnessed.size < latest.size) {
    const cosigned = await cosignedCheckpoint(db, siteId, witnessed);
    if (cosigned.witnesses.length > 0) return { ...cosigned, size: witnessed.size };
  }
  return publishedCheckpoint(db, siteId, latest);
}
