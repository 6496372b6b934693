import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  configEntry,
  ed25519Generate,
  type MemoryLog,
  memoryLog,
  type NoteSigner,
  noteVerifierKey,
  proveConsistency,
  proveInclusion,
  type ReceiptFile,
  receiptEntry,
  signCheckpoint,
  tilePath,
  tilesForSize,
  toBase64,
} from "@assent/core";
import { signedReceipt } from "@assent/core/test-support";

export const ORIGIN = "consent.example.org/v1/sites/demo/log";

/** A sample log: a config entry, filler receipts, the signed receipt at `index`, more filler. */
export interface SampleLog {
  log: MemoryLog;
  signer: NoteSigner;
  vkey: string;
  file: ReceiptFile;
  /** A checkpoint signed before the receipt was logged, with its consistency proof. */
  older: { note: string; consistency: string[] };
  checkpoint: string;
}

export async function sampleLog(size = 300, index = 260): Promise<SampleLog> {
  const signer: NoteSigner = { name: ORIGIN, ...(await ed25519Generate()) };
  const vkey = noteVerifierKey(signer.name, signer.publicKey);
  const { receipt, jwks } = await signedReceipt();
  const filler = (i: number) => receiptEntry(i.toString(16).padStart(64, "0"));
  const log = memoryLog();
  await log.append([configEntry("a".repeat(64))]);
  await log.append(Array.from({ length: index - 1 }, (_, i) => filler(i)));
  const olderNote = await signCheckpoint(
    { origin: ORIGIN, size: log.size, root: await log.root() },
    signer,
  );
  const oldSize = log.size;
  await log.append([receiptEntry(receipt.proof?.digest as string)]);
  await log.append(Array.from({ length: size - index - 1 }, (_, i) => filler(index + i)));
  const checkpoint = await signCheckpoint({ origin: ORIGIN, size, root: await log.root() }, signer);
  const inclusion = (await proveInclusion(size, index, log.readTile)).map(toBase64);
  const consistency = (await proveConsistency(oldSize, size, log.readTile)).map(toBase64);
  return {
    log,
    signer,
    vkey,
    checkpoint,
    older: { note: olderNote, consistency },
    file: { receipt, jwks, log: { index, checkpoint, inclusion, vkey } },
  };
}

/** Writes the log as a mirror would hold it: `checkpoint`, `vkey` and every tile and bundle. */
export async function writeLogDir(dir: string, sample: SampleLog): Promise<void> {
  const write = async (path: string, data: Uint8Array | string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), data);
  };
  await write("checkpoint", sample.checkpoint);
  await write("vkey", `${sample.vkey}\n`);
  for (const tile of tilesForSize(sample.log.size)) {
    await write(tilePath(tile), await sample.log.readTile(tile));
  }
}
