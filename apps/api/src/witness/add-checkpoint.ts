import {
  type Checkpoint,
  cosignCheckpoint,
  emptyRoot,
  fromBase64,
  type Hash,
  NoteError,
  openCheckpoint,
  parseCheckpoint,
  splitNote,
  toBase64,
  verifyConsistency,
} from "@assent/core";
import { type Database, witnessedLogs } from "@assent/db";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { ApiError } from "../errors";
import type { WitnessKey } from "./witness-key";

/** An `add-checkpoint` body, read (C2SP tlog-witness). */
export interface CheckpointSubmission {
  oldSize: number;
  proof: Hash[];
  /** The signed checkpoint note, as sent (it may carry several signatures). */
  note: string;
}

/** What the witness answers: its cosignature, or (409) the size it last cosigned. */
export type AddCheckpointResult =
  | { kind: "cosigned"; lines: string; checkpoint: Checkpoint }
  | { kind: "conflict"; size: number };

/** At most 63 proof lines (the spec's limit). */
export const MAX_PROOF_LINES = 63;
const OLD_LINE = /^old (0|[1-9][0-9]{0,15})$/;

const malformed = (why: string) =>
  new ApiError("INVALID_CHECKPOINT_SUBMISSION", `Not an add-checkpoint body: ${why}`);
const inconsistent = (why: string) => new ApiError("INCONSISTENT_CHECKPOINT", why);

/**
 * Reads an `add-checkpoint` body: `old <size>\n`, up to 63 base64 hash lines, a blank line, then
 * the signed checkpoint. Throws `INVALID_CHECKPOINT_SUBMISSION` (400) when it is not one.
 */
export function parseSubmission(body: string): CheckpointSubmission {
  const split = body.indexOf("\n\n");
  if (split < 0) throw malformed("no blank line before the checkpoint");
  const [oldLine = "", ...proofLines] = body.slice(0, split).split("\n");
  const old = OLD_LINE.exec(oldLine);
  if (!old || !Number.isSafeInteger(Number(old[1])))
    throw malformed("the first line is not `old <size>`");
  if (proofLines.length > MAX_PROOF_LINES) throw malformed("more than 63 proof lines");
  const proof = proofLines.map((line, i) => {
    const hash = fromBase64(line);
    if (hash?.length !== 32) throw malformed(`proof line ${i + 1} is not a base64 hash`);
    return hash;
  });
  return { oldSize: Number(old[1]), proof, note: body.slice(split + 2) };
}

function readCheckpoint(note: string): Checkpoint {
  try {
    return parseCheckpoint(splitNote(note).text);
  } catch (err) {
    if (err instanceof NoteError) throw malformed(err.message);
    throw err;
  }
}

/**
 * Checks the log's signature (403 when its known key did not sign, or its signature fails);
 * returns the checkpoint's text and its line of the log's verified signature.
 */
async function checkSigned(note: string, vkey: string): Promise<{ text: string; signed: string }> {
  try {
    const opened = (await openCheckpoint(note, vkey)).note;
    const signed = opened.verified.map((s) => `— ${s.name} ${s.signature}\n`).join("");
    return { text: opened.text, signed };
  } catch (err) {
    if (!(err instanceof NoteError)) throw err;
    if (err.code === "MALFORMED_NOTE") throw malformed(err.message);
    throw new ApiError("CHECKPOINT_NOT_SIGNED", `${err.message} (the log's key is ${vkey})`);
  }
}

/** The checks of tlog-witness between the stored checkpoint and the submitted one (422). */
async function checkConsistent(
  stored: { size: number; root: Hash | null },
  submitted: CheckpointSubmission,
  checkpoint: Checkpoint,
): Promise<void> {
  const { oldSize, proof } = submitted;
  if (checkpoint.size === 0 && toBase64(checkpoint.root) !== toBase64(await emptyRoot())) {
    throw inconsistent("A checkpoint of size 0 must have the empty tree's root");
  }
  if (oldSize === 0) {
    if (proof.length > 0) throw inconsistent("From size 0 the consistency proof must be empty");
    return;
  }
  const oldRoot = stored.root as Hash;
  if (oldSize === checkpoint.size) {
    if (toBase64(oldRoot) !== toBase64(checkpoint.root) || proof.length > 0) {
      throw inconsistent(
        `This witness cosigned another root for size ${oldSize}: the log has rewritten its history`,
      );
    }
    return;
  }
  if (!(await verifyConsistency(oldSize, checkpoint.size, oldRoot, checkpoint.root, proof))) {
    throw inconsistent(
      `The consistency proof from size ${oldSize} (the tree this witness cosigned) to ${checkpoint.size} does not verify: the log is not an extension of what it showed before`,
    );
  }
}

/**
 * The witness's side of `add-checkpoint` (C2SP tlog-witness): reads the body (400), finds the
 * log by origin (404 `UNKNOWN_LOG`), checks its signature (403 `CHECKPOINT_NOT_SIGNED`), that
 * `old` is at most the new size (400) and is the size last cosigned (else `conflict`, answered
 * 409 with that size), and the consistency (422 `INCONSISTENT_CHECKPOINT`); then cosigns and
 * stores the new size and root, guarded by the size and root it read: of two submissions at
 * once, one moves the log forward and the other gets `conflict`, so the witness never cosigns
 * two roots for one size nor a smaller tree.
 */
export async function addCheckpoint(
  db: Database,
  key: WitnessKey,
  body: string,
  now: number,
): Promise<AddCheckpointResult> {
  const submitted = parseSubmission(body);
  const checkpoint = readCheckpoint(submitted.note);
  const [log] = await db
    .select()
    .from(witnessedLogs)
    .where(eq(witnessedLogs.origin, checkpoint.origin))
    .limit(1);
  if (!log) {
    throw new ApiError("UNKNOWN_LOG", `This witness does not witness "${checkpoint.origin}"`);
  }
  const { text, signed } = await checkSigned(submitted.note, log.vkey);
  if (submitted.oldSize > checkpoint.size) {
    throw malformed(
      `old size ${submitted.oldSize} is larger than the checkpoint's ${checkpoint.size}`,
    );
  }
  if (submitted.oldSize !== log.size) return { kind: "conflict", size: log.size };
  const storedRoot = log.root === null ? null : fromBase64(log.root);
  await checkConsistent({ size: log.size, root: storedRoot }, submitted, checkpoint).catch(
    (err: unknown) => {
      if (err instanceof ApiError)
        throw new ApiError(err.code, `${checkpoint.origin}: ${err.message}`);
      throw err;
    },
  );
  const seconds = Math.max(1, Math.floor(now / 1000));
  const line = await cosignCheckpoint(text, key, seconds);
  const guard: SQL | undefined =
    log.root === null ? isNull(witnessedLogs.root) : eq(witnessedLogs.root, log.root);
  const moved = await db
    .update(witnessedLogs)
    .set({
      size: checkpoint.size,
      root: toBase64(checkpoint.root),
      note: `${text}\n${signed}${line}`,
      updatedAt: now,
    })
    .where(and(eq(witnessedLogs.id, log.id), eq(witnessedLogs.size, log.size), guard))
    .returning({ id: witnessedLogs.id });
  if (moved.length === 0) {
    const [latest] = await db
      .select({ size: witnessedLogs.size })
      .from(witnessedLogs)
      .where(eq(witnessedLogs.id, log.id));
    return { kind: "conflict", size: latest?.size ?? 0 };
  }
  return { kind: "cosigned", lines: line, checkpoint };
}
