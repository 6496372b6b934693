// The offline check of a receipt file: the receipt's signature, its log entry, its inclusion in a
// signed checkpoint, and optionally consistency with an older checkpoint and witnesses' cosignatures.
import * as v from "valibot";
import { type ReceiptFile, ReceiptFileSchema } from "../contracts";
import type { StoredReceipt } from "../receipt";
import { receiptDigest, verifyReceipt } from "../receipt-proof";
import { fromBase64 } from "./bytes";
import { type Checkpoint, openCheckpoint, parseCheckpoint } from "./checkpoint";
import { verifyCosignature } from "./cosignature";
import { receiptEntry } from "./entries";
import { type Hash, leafHashSync } from "./hash";
import { NoteError, splitNote } from "./note";
import { verifyConsistency, verifyInclusion } from "./verify-proofs";

/** The checks a receipt file goes through, in order. */
export type ReceiptFileCheckName =
  | "file"
  | "signature"
  | "entry"
  | "checkpoint"
  | "inclusion"
  | "consistency"
  | "cosignature";

/** One check's outcome, with a sentence that says what was (or was not) shown. */
export interface ReceiptFileCheck {
  check: ReceiptFileCheckName;
  ok: boolean;
  detail: string;
}

/** The outcome of {@link verifyReceiptFile}: `ok` only when every check passed. */
export interface ReceiptFileReport {
  ok: boolean;
  checks: ReceiptFileCheck[];
}

/** What the verifier trusts beyond the file. */
export interface ReceiptFileOptions {
  /** The log's verifier key, obtained independently; overrides the file's `log.vkey`. */
  vkey?: string;
  /** An older checkpoint of the same log the user kept, and the consistency proof to the file's. */
  olderCheckpoint?: { note: string; consistency: string[] };
  /** Witness verifier keys (type 0x04) whose cosignatures the checkpoint must carry. */
  witnesses?: string[];
}

const decodeHashes = (list: string[]): Hash[] | null => {
  const hashes = list.map(fromBase64);
  return hashes.every((h) => h?.length === 32) ? (hashes as Hash[]) : null;
};

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The checkpoint's text, verified or not, so inclusion can be reported on its own. */
function readCheckpoint(note: string): Checkpoint | null {
  try {
    return parseCheckpoint(splitNote(note).text);
  } catch {
    return null;
  }
}

/**
 * Checks a receipt file offline: (signature) the receipt's Ed25519 signature over its recomputed
 * digest; (entry) the log entry derived from that digest; (checkpoint) the checkpoint's signed
 * note, with the trusted `vkey` when given; (inclusion) the entry's leaf at `log.index` under the
 * checkpoint's root; then (consistency) with an older checkpoint and (cosignature) each witness,
 * when asked. Never throws on bad input: every problem is a failed check, named.
 * @example const report = await verifyReceiptFile(JSON.parse(text), { vkey });
 */
export async function verifyReceiptFile(
  input: unknown,
  options: ReceiptFileOptions = {},
): Promise<ReceiptFileReport> {
  const parsed = v.safeParse(ReceiptFileSchema, input);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join(".");
    const detail = `not a receipt file: ${path ? `${path}: ` : ""}${issue.message}`;
    return { ok: false, checks: [{ check: "file", ok: false, detail }] };
  }
  const file = parsed.output as unknown as ReceiptFile;
  const checks: ReceiptFileCheck[] = [];
  const add = (check: ReceiptFileCheckName, ok: boolean, detail: string) => {
    checks.push({ check, ok, detail });
  };

  const receipt = file.receipt as StoredReceipt;
  const signed = await verifyReceipt(receipt, file.jwks);
  add(
    "signature",
    signed.valid,
    signed.valid
      ? `receipt ${receipt.id} signed by key ${signed.kid}`
      : `receipt ${receipt.id} signature fails: ${signed.reason}`,
  );

  const digest = await receiptDigest(receipt);
  const claimed = receipt.proof?.digest;
  add(
    "entry",
    claimed === digest,
    claimed === digest
      ? `log entry "receipt ${digest}"`
      : `the receipt's fields hash to ${digest}, not to its signed digest ${claimed ?? "(none)"}`,
  );

  const trusted = options.vkey !== undefined;
  const vkey = options.vkey ?? file.log.vkey;
  let checkpoint = readCheckpoint(file.log.checkpoint);
  let opened: string | null = null;
  try {
    const result = await openCheckpoint(file.log.checkpoint, vkey);
    checkpoint = result.checkpoint;
    opened = result.note.text;
    const source = trusted
      ? "the trusted key"
      : "the key in the file (pass a trusted key to be sure)";
    add("checkpoint", true, `${checkpoint.origin} size ${checkpoint.size}, signed by ${source}`);
  } catch (e) {
    const code = e instanceof NoteError ? `${e.code}: ` : "";
    add("checkpoint", false, `checkpoint does not verify with ${vkey}: ${code}${why(e)}`);
  }

  const proof = decodeHashes(file.log.inclusion);
  if (!checkpoint || !proof) {
    add("inclusion", false, checkpoint ? "inclusion proof is not base64 hashes" : "no checkpoint");
  } else {
    const leaf = leafHashSync(receiptEntry(digest));
    const included = await verifyInclusion(
      leaf,
      file.log.index,
      checkpoint.size,
      proof,
      checkpoint.root,
    );
    add(
      "inclusion",
      included,
      included
        ? `entry ${file.log.index} is in the tree of ${checkpoint.size}`
        : `entry ${file.log.index} is not proven in the tree of ${checkpoint.size}`,
    );
  }

  if (options.olderCheckpoint) {
    add("consistency", ...(await consistency(options.olderCheckpoint, vkey, checkpoint)));
  }

  const witnesses = options.witnesses ?? file.log.witnesses ?? [];
  for (const witness of witnesses) {
    add("cosignature", ...(await cosigned(file.log.checkpoint, opened, witness, options)));
  }

  return { ok: checks.every((c) => c.ok), checks };
}

async function consistency(
  older: { note: string; consistency: string[] },
  vkey: string,
  current: Checkpoint | null,
): Promise<[boolean, string]> {
  let old: Checkpoint;
  try {
    old = (await openCheckpoint(older.note, vkey)).checkpoint;
  } catch (e) {
    return [false, `the older checkpoint does not verify: ${why(e)}`];
  }
  const proof = decodeHashes(older.consistency);
  if (!current || !proof) return [false, "no checkpoint or consistency proof to check"];
  if (old.origin !== current.origin) return [false, `the older checkpoint is of ${old.origin}`];
  const ok = await verifyConsistency(old.size, current.size, old.root, current.root, proof);
  return ok
    ? [true, `the tree of ${old.size} is a prefix of the tree of ${current.size}`]
    : [false, `the tree of ${old.size} is not proven a prefix of the tree of ${current.size}`];
}

async function cosigned(
  note: string,
  body: string | null,
  witness: string,
  options: ReceiptFileOptions,
): Promise<[boolean, string]> {
  const source = options.witnesses ? "" : " (key from the file)";
  let lines: string[] = [];
  try {
    lines = splitNote(note).signatures.map((sig) => `— ${sig.name} ${sig.signature}\n`);
  } catch {
    // A malformed note has no cosignatures; the checkpoint check already says why.
  }
  if (!body) return [false, `no verified checkpoint for witness ${witness}`];
  try {
    for (const line of lines) {
      const result = await verifyCosignature(body, line, witness);
      if (result.valid) {
        const at = new Date(result.timestamp * 1000).toISOString();
        return [true, `cosigned by ${result.name} at ${at}${source}`];
      }
      if (result.reason === "BAD_SIGNATURE") return [false, `bad cosignature by ${witness}`];
    }
  } catch (e) {
    return [false, `witness key ${witness}: ${why(e)}`];
  }
  return [false, `no cosignature by ${witness}${source}`];
}
