import {
  openCheckpoint,
  parseCheckpoint,
  proveConsistency,
  type ReceiptFileCheck,
  splitNote,
  verifyConsistency,
} from "@assent/core";
import type { LogSource } from "./tile-source";

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Whether the log as it stands now (its latest signed checkpoint and tiles, from a mirror or the
 * API) still extends the checkpoint in the receipt file: a log rewritten without the receipt, or
 * with it changed, fails here even though the file's own proof still holds.
 */
export async function latestExtends(
  fileCheckpoint: string,
  vkey: string,
  source: LogSource,
): Promise<ReceiptFileCheck> {
  const fail = (detail: string): ReceiptFileCheck => ({ check: "consistency", ok: false, detail });
  let mine: ReturnType<typeof parseCheckpoint>;
  try {
    mine = parseCheckpoint(splitNote(fileCheckpoint).text);
  } catch (e) {
    return fail(`the file's checkpoint is unreadable: ${why(e)}`);
  }
  let latest: ReturnType<typeof parseCheckpoint>;
  try {
    const note = new TextDecoder().decode(await source.read("checkpoint"));
    latest = (await openCheckpoint(note, vkey)).checkpoint;
  } catch (e) {
    return fail(`the log's latest checkpoint does not verify: ${why(e)}`);
  }
  if (latest.origin !== mine.origin) return fail(`the log is ${latest.origin}, not ${mine.origin}`);
  if (latest.size < mine.size) {
    return fail(
      `the log shrank: its latest tree has ${latest.size} entries, the file's ${mine.size}`,
    );
  }
  let proof: Uint8Array[];
  try {
    proof = await proveConsistency(mine.size, latest.size, source.readTile);
  } catch (e) {
    return fail(`the log's tiles cannot prove consistency: ${why(e)}`);
  }
  const ok = await verifyConsistency(mine.size, latest.size, mine.root, latest.root, proof);
  return ok
    ? {
        check: "consistency",
        ok,
        detail: `the log's latest tree of ${latest.size} extends the file's tree of ${mine.size}`,
      }
    : fail(
        `the log's latest tree of ${latest.size} does not extend the file's tree of ${mine.size}: entries were changed or removed`,
      );
}
