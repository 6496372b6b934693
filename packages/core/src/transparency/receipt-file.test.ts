import { beforeAll, describe, expect, it } from "vitest";
import type { ReceiptFile } from "../contracts";
import { signedReceipt } from "../test-support";
import { toBase64 } from "./bytes";
import { signCheckpoint } from "./checkpoint";
import { cosignCheckpoint } from "./cosignature";
import { ed25519Generate } from "./ed25519";
import { configEntry, receiptEntry } from "./entries";
import { memoryLog } from "./memory-log";
import { appendSignatures, type NoteSigner, noteVerifierKey, witnessVerifierKey } from "./note";
import { type ReceiptFileCheckName, verifyReceiptFile } from "./receipt-file";
import { proveConsistency, proveInclusion } from "./tile-proofs";

const ORIGIN = "consent.example.org/v1/sites/demo/log";
let logSigner: NoteSigner;
let witness: NoteSigner;
let file: ReceiptFile;
let older: { note: string; consistency: string[] };

beforeAll(async () => {
  logSigner = { name: ORIGIN, ...(await ed25519Generate()) };
  witness = { name: "witness.example.net", ...(await ed25519Generate()) };
  const { receipt, jwks } = await signedReceipt();
  const log = memoryLog();
  await log.append([configEntry("a".repeat(64)), receiptEntry("b".repeat(64))]);
  const oldNote = await signCheckpoint(
    { origin: ORIGIN, size: 2, root: await log.root() },
    logSigner,
  );
  await log.append([receiptEntry((receipt.proof as { digest: string }).digest)]);
  await log.append(Array.from({ length: 9 }, (_, i) => receiptEntry(String(i).repeat(64))));
  const size = log.size;
  const body = `${ORIGIN}\n${size}\n${toBase64(await log.root())}\n`;
  const note = appendSignatures(
    await signCheckpoint({ origin: ORIGIN, size, root: await log.root() }, logSigner),
    [await cosignCheckpoint(body, witness, 1764669600)],
  );
  file = {
    receipt,
    jwks,
    log: {
      index: 2,
      checkpoint: note,
      inclusion: (await proveInclusion(size, 2, log.readTile)).map(toBase64),
      vkey: noteVerifierKey(logSigner.name, logSigner.publicKey),
    },
  };
  older = {
    note: oldNote,
    consistency: (await proveConsistency(2, size, log.readTile)).map(toBase64),
  };
});

const copy = (): ReceiptFile => JSON.parse(JSON.stringify(file)) as ReceiptFile;
const failed = (report: { checks: { check: ReceiptFileCheckName; ok: boolean }[] }) =>
  report.checks.filter((c) => !c.ok).map((c) => c.check);

describe("verifyReceiptFile", () => {
  it("passes every check of a good file, with an older checkpoint and a witness", async () => {
    const report = await verifyReceiptFile(copy(), {
      vkey: file.log.vkey,
      olderCheckpoint: older,
      witnesses: [witnessVerifierKey(witness.name, witness.publicKey)],
    });
    expect(report.checks.map((c) => [c.check, c.ok])).toEqual([
      ["signature", true],
      ["entry", true],
      ["checkpoint", true],
      ["inclusion", true],
      ["consistency", true],
      ["cosignature", true],
    ]);
    expect(report.ok).toBe(true);
  });

  it("fails an altered receipt field at its signature, entry and inclusion", async () => {
    const tampered = copy();
    tampered.receipt.decision.categories.analytics = true;
    const report = await verifyReceiptFile(tampered);
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(["signature", "entry", "inclusion"]);
    expect(report.checks[0]?.detail).toMatch(/DIGEST_MISMATCH/);
  });

  it("verifies a receipt that names its standard wording, as it does one from before the field", async () => {
    const { receipt, jwks } = await signedReceipt({ wording: "1mpp9dnI" });
    const log = memoryLog();
    await log.append([configEntry("a".repeat(64)), receiptEntry(receipt.proof?.digest ?? "")]);
    const root = await log.root();
    const named: ReceiptFile = {
      receipt,
      jwks,
      log: {
        index: 1,
        checkpoint: await signCheckpoint({ origin: ORIGIN, size: 2, root }, logSigner),
        inclusion: (await proveInclusion(2, 1, log.readTile)).map(toBase64),
        vkey: file.log.vkey,
      },
    };
    const again = () => JSON.parse(JSON.stringify(named)) as ReceiptFile;
    expect((await verifyReceiptFile(again(), { vkey: file.log.vkey })).ok).toBe(true);
    expect("wording" in file.receipt).toBe(false);
    expect((await verifyReceiptFile(copy(), { vkey: file.log.vkey })).ok).toBe(true);
    const reworded = again();
    reworded.receipt.wording = "0therHsh";
    expect(failed(await verifyReceiptFile(reworded))).toEqual(["signature", "entry", "inclusion"]);
  });

  it("fails a wrong index at inclusion only", async () => {
    const tampered = copy();
    tampered.log.index = 3;
    expect(failed(await verifyReceiptFile(tampered))).toEqual(["inclusion"]);
  });

  it("fails a checkpoint forged by another key, even with its own vkey in the file", async () => {
    const forger = { name: ORIGIN, ...(await ed25519Generate()) };
    const tampered = copy();
    const body = file.log.checkpoint.slice(0, file.log.checkpoint.indexOf("\n\n") + 1);
    tampered.log.checkpoint = await signCheckpoint(
      { origin: ORIGIN, size: 12, root: new Uint8Array(32) },
      forger,
    );
    tampered.log.vkey = noteVerifierKey(forger.name, forger.publicKey);
    const report = await verifyReceiptFile(tampered, { vkey: file.log.vkey });
    expect(failed(report)).toEqual(["checkpoint", "inclusion"]);
    expect(report.checks[2]?.detail).toMatch(/NO_VERIFIED_SIGNATURE/);
    expect(body).toMatch(/^consent/);
  });

  it("fails a checkpoint whose root was changed under its signature", async () => {
    const tampered = copy();
    const lines = file.log.checkpoint.split("\n");
    lines[2] = toBase64(new Uint8Array(32).fill(7));
    tampered.log.checkpoint = lines.join("\n");
    const report = await verifyReceiptFile(tampered);
    expect(failed(report)).toEqual(["checkpoint", "inclusion"]);
    expect(report.checks[2]?.detail).toMatch(/BAD_SIGNATURE/);
  });

  it("fails with a wrong trusted vkey, and names a missing or bad cosignature", async () => {
    const other = await ed25519Generate();
    const wrong = noteVerifierKey(ORIGIN, other.publicKey);
    expect(failed(await verifyReceiptFile(copy(), { vkey: wrong }))).toEqual(["checkpoint"]);
    const stranger = witnessVerifierKey("witness.example.net", other.publicKey);
    const report = await verifyReceiptFile(copy(), { witnesses: [stranger] });
    expect(failed(report)).toEqual(["cosignature"]);
    expect(report.checks.at(-1)?.detail).toMatch(/no cosignature/);
  });

  it("fails an older checkpoint that the new one does not extend", async () => {
    const bad = { ...older, consistency: older.consistency.slice(1) };
    expect(failed(await verifyReceiptFile(copy(), { olderCheckpoint: bad }))).toEqual([
      "consistency",
    ]);
  });

  it("names a file that is not a receipt file", async () => {
    const report = await verifyReceiptFile({ receipt: {} });
    expect(report).toMatchObject({ ok: false, checks: [{ check: "file", ok: false }] });
  });
});
