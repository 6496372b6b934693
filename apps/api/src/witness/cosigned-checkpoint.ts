import { appendSignatures, splitNote, verifyCosignature } from "@assent/core";
import { type Database, witnessCosignatures, witnessPeers } from "@assent/db";
import { and, asc, eq } from "drizzle-orm";

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
