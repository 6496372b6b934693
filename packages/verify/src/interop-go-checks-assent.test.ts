import { createReadStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  appendSignatures,
  cosignCheckpoint,
  ed25519Generate,
  memoryLog,
  noteVerifierKey,
  proveInclusion,
  receiptEntry,
  signCheckpoint,
  splitNote,
  tilePath,
  tilesForSize,
  toBase64,
  witnessVerifierKey,
} from "@assent/core";
import { beforeAll, expect, it } from "vitest";
import { describeWithGo, runInterop } from "./test-support/go-interop";
import { ORIGIN, type SampleLog, sampleLog, writeLogDir } from "./test-support/sample-log";

// Go's golang.org/x/mod/sumdb/note and sumdb/tlog are the reference implementation of signed
// notes and tiled logs: an Assent log must check out there, and a Go log must check out here.
// CI installs Go (.ci/run); elsewhere, without Go, these tests are skipped with the reason.
describeWithGo("Go checks a log Assent wrote", (go) => {
  let sample: SampleLog;
  let logDir: string;

  beforeAll(async () => {
    sample = await sampleLog(300, 260);
    logDir = join(go.dir, "assent-300");
    await writeLogDir(logDir, sample);
    await writeFile(join(go.dir, "older-300"), sample.older.note);
  });

  it("opens the checkpoint, rebuilds the tree from tiles and gives Assent's proofs", async () => {
    const { code, report } = await runInterop(go.bin, [
      "verify",
      "-log",
      logDir,
      "-vkey",
      sample.vkey,
      "-index",
      "0",
      "-index",
      "260",
      "-index",
      "299",
      "-older",
      join(go.dir, "older-300"),
    ]);
    expect(report).toMatchObject({ ok: true, origin: ORIGIN, size: 300, treeHash: true });
    expect(report.signers).toEqual([ORIGIN]);
    const records = report.records as { index: number; entry: string; inclusion: string[] }[];
    expect(records.map((r) => r.entry)[1]).toBe(`receipt ${sample.file.receipt.proof?.digest}\n`);
    for (const r of records) {
      const ours = await proveInclusion(300, r.index, sample.log.readTile);
      expect(r.inclusion).toEqual(ours.map(toBase64));
    }
    expect(records[1]?.inclusion).toEqual(sample.file.log.inclusion);
    expect(report.consistency).toMatchObject({ ok: true, oldSize: 260 });
    expect((report.consistency as { proof: string[] }).proof).toEqual(sample.older.consistency);
    const published = new Set(tilesForSize(300).map(tilePath));
    for (const path of report.tilesRead as string[]) expect(published).toContain(path);
    expect(code).toBe(0);
  });

  it("checks every record of the log, and records across a three-level log of 70,000", async () => {
    const all = await runInterop(go.bin, ["verify", "-log", logDir, "-vkey", sample.vkey, "-all"]);
    expect(all.report).toMatchObject({ ok: true, checked: 300, records: [] });
    const signer = { name: ORIGIN, ...(await ed25519Generate()) };
    const log = memoryLog();
    const size = 70_000;
    await log.append(
      Array.from({ length: size }, (_, i) => receiptEntry(i.toString(16).padStart(64, "0"))),
    );
    const checkpoint = await signCheckpoint(
      { origin: ORIGIN, size, root: await log.root() },
      signer,
    );
    const vkey = noteVerifierKey(signer.name, signer.publicKey);
    const big = join(go.dir, "assent-70000");
    await writeLogDir(big, { ...sample, log, checkpoint, vkey });
    // Tile and level boundaries, and a spread between them.
    const indexes = [0, 255, 256, 257, 65535, 65536, 65537, 69631, 69632, 69999];
    for (let i = 1; i < 20; i++) indexes.push(i * 3499);
    const args = indexes.flatMap((i) => ["-index", String(i)]);
    const { code, report } = await runInterop(go.bin, [
      "verify",
      "-log",
      big,
      "-vkey",
      vkey,
      ...args,
    ]);
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({ ok: true, size, treeHash: true, checked: indexes.length });
    const records = report.records as { index: number; inclusion: string[]; ok: boolean }[];
    for (const r of records.slice(0, 10)) {
      expect(r.inclusion).toEqual(
        (await proveInclusion(size, r.index, log.readTile)).map(toBase64),
      );
    }
    expect(code).toBe(0);
  }, 120_000);

  it("checks a witness's cosignature Assent made, by the tlog-cosignature spec", async () => {
    const witness = { name: "witness.example.net", ...(await ed25519Generate()) };
    const wkey = witnessVerifierKey(witness.name, witness.publicKey);
    const body = splitNote(sample.checkpoint).text;
    const cosigned = join(go.dir, "assent-cosigned");
    await writeLogDir(cosigned, {
      ...sample,
      checkpoint: appendSignatures(sample.checkpoint, [
        await cosignCheckpoint(body, witness, 1764669600),
      ]),
    });
    const good = await runInterop(go.bin, [
      "verify",
      "-log",
      cosigned,
      "-vkey",
      sample.vkey,
      "-witness",
      wkey,
    ]);
    expect(good.report).toMatchObject({
      ok: true,
      witnesses: [{ name: witness.name, timestamp: 1764669600, ok: true }],
    });
    const stranger = { name: witness.name, ...(await ed25519Generate()) };
    const absent = await runInterop(go.bin, [
      "verify",
      "-log",
      cosigned,
      "-vkey",
      sample.vkey,
      "-witness",
      witnessVerifierKey(stranger.name, stranger.publicKey),
    ]);
    expect(absent.code).toBe(1);
    expect(absent.report.witnesses).toEqual([
      { name: witness.name, ok: false, error: "no cosignature by this witness" },
    ]);
  });

  it("serves Go over HTTP from a URL prefix as the API does", async () => {
    const server: Server = createServer((req, res) => {
      const path = (req.url ?? "/").replace(/^\/v1\/sites\/demo\/log\//, "");
      const stream = createReadStream(join(logDir, path));
      stream.on("error", () => res.writeHead(404).end());
      stream.pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}/v1/sites/demo/log/`;
      const { report } = await runInterop(go.bin, [
        "verify",
        "-log",
        url,
        "-vkey",
        sample.vkey,
        "-index",
        "260",
      ]);
      expect(report).toMatchObject({ ok: true, size: 300, treeHash: true });
    } finally {
      server.close();
    }
  });

  it("fails loudly on a tampered tile, a forged checkpoint and a wrong key", async () => {
    const tampered = join(go.dir, "assent-tampered");
    await writeLogDir(tampered, sample);
    const tile = join(tampered, "tile/0/001.p/44");
    const bytes = await readFile(tile);
    bytes[5] = (bytes[5] as number) ^ 1;
    await writeFile(tile, bytes);
    const broken = await runInterop(go.bin, [
      "verify",
      "-log",
      tampered,
      "-vkey",
      sample.vkey,
      "-index",
      "260",
    ]);
    expect(broken.code).toBe(1);
    expect(broken.report.ok).toBe(false);
    expect(String(broken.report.error)).toMatch(/tree hash|invalid|malformed|tile/);

    const other = { name: ORIGIN, ...(await ed25519Generate()) };
    await writeFile(
      join(tampered, "checkpoint"),
      await signCheckpoint({ origin: ORIGIN, size: 300, root: await sample.log.root() }, other),
    );
    const forged = await runInterop(go.bin, ["verify", "-log", tampered, "-vkey", sample.vkey]);
    expect(forged.code).toBe(1);
    expect(String(forged.report.error)).toMatch(/checkpoint: .*no verifiable signatures/);

    const wrongKey = noteVerifierKey(ORIGIN, other.publicKey);
    const wrong = await runInterop(go.bin, ["verify", "-log", logDir, "-vkey", wrongKey]);
    expect(wrong.code).toBe(1);
    expect(String(wrong.report.error)).toMatch(/checkpoint: .*no verifiable signatures/);
  });
});
