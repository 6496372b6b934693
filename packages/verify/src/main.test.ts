import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  cosignCheckpoint,
  ed25519Generate,
  memoryLog,
  noteVerifierKey,
  receiptEntry,
  signCheckpoint,
  witnessVerifierKey,
} from "@assent/core";
import { signedReceipt } from "@assent/core/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type SampleLog, sampleLog, writeLogDir } from "./test-support/sample-log";

const BIN = fileURLToPath(new URL("../bin/assent-verify.mjs", import.meta.url));
const run = promisify(execFile);

let dir: string;
let sample: SampleLog;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "assent-verify-"));
  sample = await sampleLog();
  await writeLogDir(join(dir, "log"), sample);
  await writeFile(join(dir, "older.checkpoint"), sample.older.note);
  await writeFile(join(dir, "jwks.json"), JSON.stringify(sample.file.jwks));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the command as a user would; resolves with its exit code and output. */
async function verify(file: object, ...args: string[]) {
  const path = join(dir, `receipt-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(file));
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, path, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failure = e as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** The sample's entries, rewritten by `change`, signed by the same key and written as a mirror. */
async function rebuilt(change: (entries: Uint8Array[]) => Uint8Array[]): Promise<string> {
  const entries = change(Array.from({ length: sample.log.size }, (_, i) => sample.log.entry(i)));
  const log = memoryLog();
  await log.append(entries);
  const checkpoint = await signCheckpoint(
    { origin: ORIGIN, size: log.size, root: await log.root() },
    sample.signer,
  );
  const at = join(dir, `log-${Math.random().toString(36).slice(2)}`);
  await writeLogDir(at, { ...sample, log, checkpoint });
  return at;
}

const copy = () => JSON.parse(JSON.stringify(sample.file)) as SampleLog["file"];

/** The site's keys, as a user would fetch them from the API rather than read them in the file. */
const trusted = () => ["--vkey", sample.vkey, "--jwks", join(dir, "jwks.json")];

/** A receipt file made up from scratch: its own receipt key, its own one-entry log and key. */
async function madeUp(origin = ORIGIN) {
  const { receipt, jwks } = await signedReceipt({ method: "accept-all" });
  const log = memoryLog();
  await log.append([receiptEntry(receipt.proof?.digest as string)]);
  const signer = { name: origin, ...(await ed25519Generate()) };
  const checkpoint = await signCheckpoint({ origin, size: 1, root: await log.root() }, signer);
  const vkey = noteVerifierKey(origin, signer.publicKey);
  const jwksPath = join(dir, `jwks-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(jwksPath, JSON.stringify(jwks));
  const file = { receipt, jwks, log: { index: 0, checkpoint, inclusion: [], vkey } };
  return { file, vkey, jwksPath };
}

describe("assent-verify", () => {
  it("passes a good receipt file with the trusted key, proving consistency from the tiles", async () => {
    const result = await verify(
      sample.file,
      ...trusted(),
      "--older",
      join(dir, "older.checkpoint"),
      "--log",
      join(dir, "log"),
    );
    expect(result.stdout).toMatch(/^ok {3}signature/m);
    expect(result.stdout).toMatch(
      /^ok {3}consistency .*tree of 260 is a prefix of the tree of 300/m,
    );
    expect(result.stdout).toMatch(/all checks passed/);
    expect(result.code).toBe(0);
  });

  it("checks the log as it is now still extends the file's checkpoint", async () => {
    const grown = await rebuilt((entries) => [...entries, ...entries.slice(0, 40)]);
    const ok = await verify(sample.file, ...trusted(), "--log", grown);
    expect(ok.stdout).toMatch(
      /^ok {3}consistency .*latest tree of 340 extends the file's tree of 300/m,
    );
    expect(ok.code).toBe(0);
  });

  it("reads the log as it is now from the API's URL prefix", async () => {
    const grown = await rebuilt((entries) => [...entries, ...entries.slice(0, 3)]);
    const server = createServer((req, res) => {
      if (req.url === "/v1/sites/demo/jwks") return res.end(JSON.stringify(sample.file.jwks));
      const path = (req.url ?? "/").replace(/^\/v1\/sites\/demo\/log\//, "");
      const stream = createReadStream(join(grown, path));
      stream.on("error", () => res.writeHead(404).end());
      stream.pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/v1/sites/demo/log/`;
      const jwks = `http://127.0.0.1:${port}/v1/sites/demo/jwks`;
      const result = await verify(sample.file, "--vkey", sample.vkey, "--jwks", jwks, "--log", url);
      expect(result.stdout).toMatch(/^ok {3}signature/m);
      expect(result.stdout).toMatch(/^ok {3}consistency .*latest tree of 303 extends/m);
      expect(result.code).toBe(0);
    } finally {
      server.close();
    }
  });

  it("exits 1 naming consistency when the log was rewritten without the receipt", async () => {
    const forked = await rebuilt((entries) => [
      ...entries.slice(0, 260),
      ...entries.slice(261),
      ...entries.slice(0, 5),
    ]);
    const result = await verify(sample.file, ...trusted(), "--log", forked);
    expect(result.stdout).toMatch(/^FAIL consistency .*changed or removed/m);
    expect(result.stdout).toMatch(/FAILED: consistency$/m);
    expect(result.code).toBe(1);
  });

  it("exits 1 naming signature, entry and inclusion for an altered receipt", async () => {
    const tampered = copy();
    tampered.receipt.method = "accept-all";
    const result = await verify(tampered, "--vkey", sample.vkey);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL signature .*DIGEST_MISMATCH/m);
    expect(result.stdout).toMatch(/FAILED: signature, entry, inclusion/);
  });

  it("exits 1 naming inclusion for a wrong index", async () => {
    const tampered = copy();
    tampered.log.index = 259;
    const result = await verify(tampered);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAILED: inclusion$/m);
  });

  it("exits 1 naming the checkpoint for a wrong vkey or a forged checkpoint", async () => {
    const other = await ed25519Generate();
    const jwks = ["--jwks", join(dir, "jwks.json")];
    const wrong = await verify(
      sample.file,
      "--vkey",
      noteVerifierKey(ORIGIN, other.publicKey),
      ...jwks,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/FAILED: checkpoint, inclusion$/m);
    const forged = copy();
    forged.log.checkpoint = sample.checkpoint.replace("\n300\n", "\n301\n");
    const result = await verify(forged, ...trusted());
    expect(result.stdout).toMatch(/^FAIL checkpoint .*BAD_SIGNATURE/m);
    expect(result.code).toBe(1);
  });

  it("exits 1 when a required witness did not cosign, and 2 on a usage error", async () => {
    const witness = await ed25519Generate();
    const { witnessVerifierKey } = await import("@assent/core");
    const wkey = witnessVerifierKey("witness.example.net", witness.publicKey);
    const result = await verify(sample.file, ...trusted(), "--witness", wkey, "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { checks: { check: string; ok: boolean }[] };
    expect(report.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(["cosignature"]);
    const usage = await verify(sample.file, "--older");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--older needs a value/);
  });

  it("exits 3, not passing, when only the file's own keys vouch for it", async () => {
    const { file, vkey, jwksPath } = await madeUp();
    const alone = await verify(file);
    expect(alone.stdout).toMatch(/^UNTRUSTED signature /m);
    expect(alone.stdout).toMatch(/^UNTRUSTED checkpoint /m);
    expect(alone.stdout).toMatch(/^UNTRUSTED inclusion /m);
    expect(alone.stdout).toMatch(/^UNTRUSTED: signature, checkpoint, inclusion /m);
    expect(alone.stdout).not.toMatch(/all checks passed/);
    expect(alone.code).toBe(3);
    // Against the site's real keys it fails, and nothing is shown against the unverified tree.
    const real = await verify(file, ...trusted());
    expect(real.stdout).toMatch(/^FAIL signature .*BAD_SIGNATURE/m);
    expect(real.stdout).toMatch(/^FAIL checkpoint /m);
    expect(real.stdout).toMatch(/^FAIL inclusion {3}not checked/m);
    expect(real.code).toBe(1);
    // Only the user's choice makes its own keys enough; the report still says so.
    const optedIn = await verify(file, "--trust-file-keys", "--json");
    expect(JSON.parse(optedIn.stdout)).toMatchObject({
      ok: true,
      untrusted: ["signature", "checkpoint", "inclusion"],
    });
    expect(optedIn.code).toBe(0);
    expect((await verify(file, "--vkey", vkey, "--jwks", jwksPath)).code).toBe(0);
    // The trusted log key alone is enough: its checkpoint includes the receipt's signed digest.
    expect((await verify(file, "--vkey", vkey)).code).toBe(0);
  });

  it("exits 1 when the checkpoint is of another site's log than the receipt's", async () => {
    const { file, vkey, jwksPath } = await madeUp("consent.example.org/v1/sites/other/log");
    const result = await verify(file, "--vkey", vkey, "--jwks", jwksPath);
    expect(result.stdout).toMatch(/^FAIL checkpoint .*not of the receipt's site's log/m);
    expect(result.stdout).toMatch(/^FAIL inclusion {3}not checked/m);
    expect(result.code).toBe(1);
  });

  it("refuses a witness's cosignature key as the log's key", async () => {
    const witness = { name: ORIGIN, ...(await ed25519Generate()) };
    const { file } = await madeUp();
    const body = file.log.checkpoint.split("\n\n")[0] as string;
    file.log.checkpoint = `${body}\n\n${await cosignCheckpoint(`${body}\n`, witness, 1700000000)}`;
    const wkey = witnessVerifierKey(witness.name, witness.publicKey);
    const result = await verify(file, "--vkey", wkey);
    expect(result.stdout).toMatch(/^FAIL +checkpoint .*BAD_KEY/m);
    expect(result.code).toBe(1);
  });

  it("warns of receipt fields the signature does not cover", async () => {
    const padded = { ...copy(), receipt: { ...copy().receipt, withdrawn: true, note: "by phone" } };
    const result = await verify(padded, ...trusted());
    expect(result.stdout).toMatch(
      /^warn receipt {5}not covered by the signature.*: withdrawn, note$/m,
    );
    expect(result.code).toBe(0);
    const json = JSON.parse((await verify(padded, ...trusted(), "--json")).stdout);
    expect(json.warnings).toEqual([
      "not covered by the signature, so not part of the receipt: withdrawn, note",
    ]);
    expect((await verify(sample.file, ...trusted())).stdout).not.toMatch(/^warn/m);
  });
});
