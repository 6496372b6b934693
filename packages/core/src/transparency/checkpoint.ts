// C2SP tlog-checkpoint: the note text `<origin>\n<size>\n<base64 root>\n[extension lines]`.
import { fromBase64, toBase64 } from "./bytes";
import { HASH_SIZE, type Hash } from "./hash";
import {
  NoteError,
  type NoteSigner,
  type OpenedNote,
  openNote,
  parseVerifierKey,
  SIGNATURE_TYPE,
  signNote,
  type VerifierKey,
} from "./note";

/** A tree head: which log, how many entries, and the root hash. */
export interface Checkpoint {
  /** The log's identity, e.g. `consent.example.org/v1/sites/demo/log`. */
  origin: string;
  size: number;
  root: Hash;
  /** Optional extension lines (non-empty); not recommended by the spec. */
  extensions?: string[];
}

const SIZE = /^(0|[1-9][0-9]*)$/;

function checkLine(line: string, what: string): void {
  if (line === "" || line.includes("\n")) throw new TypeError(`${what} must be one non-empty line`);
}

/**
 * The checkpoint's note text (ends with a newline), ready for {@link signNote}.
 * @example formatCheckpoint({ origin, size: 8, root }); // "origin\n8\nXcnaeacGWa...=\n"
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions = [] } = checkpoint;
  checkLine(origin, "origin");
  if (!Number.isSafeInteger(size) || size < 0) throw new TypeError("size must be a tree size");
  if (root.length !== HASH_SIZE) throw new TypeError("root must be 32 bytes");
  for (const line of extensions) checkLine(line, "an extension line");
  return [origin, String(size), toBase64(root), ...extensions].map((l) => `${l}\n`).join("");
}

/**
 * Reads a checkpoint's note text (signatures already removed, e.g. `openNote(...).text`).
 * Throws {@link NoteError} `MALFORMED_NOTE` when it is not a checkpoint.
 * @example const cp = parseCheckpoint((await openNote(note, [vkey])).text);
 */
export function parseCheckpoint(text: string): Checkpoint {
  const bad = (why: string) => new NoteError("MALFORMED_NOTE", `not a checkpoint: ${why}`);
  if (!text.endsWith("\n")) throw bad("text must end with a newline");
  const lines = text.slice(0, -1).split("\n");
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!origin || sizeText === undefined || rootText === undefined) throw bad("fewer than 3 lines");
  if (extensions.some((l) => l === "")) throw bad("empty extension line");
  if (!SIZE.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw bad("bad tree size");
  const root = fromBase64(rootText);
  if (!root || root.length !== HASH_SIZE) throw bad("root is not a base64 SHA-256 hash");
  return { origin, size: Number(sizeText), root, extensions };
}

/**
 * Formats and signs a checkpoint as a signed note.
 * @example const note = await signCheckpoint({ origin, size, root }, siteSigner);
 */
export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): Promise<string> {
  return signNote(formatCheckpoint(checkpoint), signer);
}

/**
 * Opens a signed checkpoint with the log's verifier key (and any witness keys) and parses it.
 * Throws {@link NoteError} as {@link openNote} does, `BAD_KEY` when the log's key is not an
 * Ed25519 note key (type 0x01: a witness's cosignature key never stands for the log, as in Go's
 * `note.NewVerifier`), or when the log's own key did not sign it.
 * @example const { checkpoint } = await openCheckpoint(note, vkey);
 */
export async function openCheckpoint(
  note: string,
  logKey: string | VerifierKey,
  witnessKeys: readonly (string | VerifierKey)[] = [],
): Promise<{ checkpoint: Checkpoint; note: OpenedNote }> {
  const log = typeof logKey === "string" ? parseVerifierKey(logKey) : logKey;
  if (log.type !== SIGNATURE_TYPE.ed25519) {
    throw new NoteError("BAD_KEY", "the log's key must be an Ed25519 note key (type 0x01)");
  }
  const opened = await openNote(note, [log, ...witnessKeys]);
  if (!opened.verified.some((s) => s.name === log.name && s.keyHash === log.keyHash))
    throw new NoteError("NO_VERIFIED_SIGNATURE", "the log's key did not sign this checkpoint");
  return { checkpoint: parseCheckpoint(opened.text), note: opened };
}
