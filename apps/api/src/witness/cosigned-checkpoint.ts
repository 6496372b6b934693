import { appendSignatures, splitNote, verifyCosignature } from "@assent/core";
import { type Database, logCheckpoints, witnessCosignatures, witnessPeers } from "@assent/db";
import { and, asc, desc, eq, gte } from "drizzle-orm";

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

/** How long a witnessed checkpoint is published in preference to a newer unwitnessed one. */
export const WITNESSED_FRESHNESS_MS = 60_000;

/**
 * The checkpoint a site publishes: the newest one its witnesses cosigned, when it holds at least
 * `atLeast` leaves and was signed within `WITNESSED_FRESHNESS_MS`; otherwise `latest`, with the
 * cosignatures it has. The log integrates every 250 ms and witnesses cosign about once a second,
 * so under traffic the latest checkpoint is seldom cosigned yet: publishing the witnessed one,
 * a second or so behind, is what gives readers its cosignatures (as C2SP logs publish only
 * witnessed checkpoints). A receipt newer than it is proved against `latest` (`atLeast`), and
 * witnesses that stopped answering never freeze what is published for longer than a minute.
 */
export async function publishedCheckpoint(
  db: Database,
  siteId: number,
  latest: { size: number; note: string },
  options: { now: number; atLeast?: number },
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
        gte(logCheckpoints.size, options.atLeast ?? 0),
        gte(logCheckpoints.createdAt, options.now - WITNESSED_FRESHNESS_MS),
      ),
    )
    .orderBy(desc(logCheckpoints.size))
    .limit(1);
  if (witnessed && witnessed.size < latest.size) {
    const cosigned = await cosignedCheckpoint(db, siteId, witnessed);
    if (cosigned.witnesses.length > 0) return { ...cosigned, size: witnessed.size };
  }
  return { ...(await cosignedCheckpoint(db, siteId, latest)), size: latest.size };
}
