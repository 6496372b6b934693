import {
  type AdminReceipt,
  configEntry,
  cosignCheckpoint,
  ed25519Generate,
  formatCheckpoint,
  memoryLog,
  type NoteSigner,
  noteVerifierKey,
  proveInclusion,
  receiptDigest,
  receiptEntry,
  signNote,
  toBase64,
  witnessVerifierKey,
} from "@assent/core";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeReceipt } from "../testing/fake-api";
import { LogVerification } from "./log-verification";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SITE = "example-union";
const ORIGIN = `consent.example.org/v1/sites/${SITE}/log`;

/** A receipt signed as the API signs it, in a log of 3 entries, and what the API would serve. */
async function served(options: { witness?: boolean; otherLogKey?: boolean } = {}) {
  const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const base = fakeReceipt();
  const digest = await receiptDigest(base);
  const signature = new Uint8Array(
    await crypto.subtle.sign("Ed25519", keys.privateKey, new TextEncoder().encode(digest)),
  );
  const b64url = toBase64(signature).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const jwk = await crypto.subtle.exportKey("jwk", keys.publicKey);
  const receipt: AdminReceipt = { ...base, digest, signature: b64url, keyId: "k1" };
  const jwks = { keys: [{ kty: "OKP", crv: "Ed25519", x: jwk.x, kid: "k1" }] };

  const log = memoryLog();
  await log.append([
    configEntry("a".repeat(64)),
    receiptEntry(digest),
    configEntry("b".repeat(64)),
  ]);
  const signer: NoteSigner = { name: ORIGIN, ...(await ed25519Generate()) };
  const text = formatCheckpoint({ origin: ORIGIN, size: log.size, root: await log.root() });
  let checkpoint = await signNote(text, signer);
  const witnesses: string[] = [];
  if (options.witness) {
    const w: NoteSigner = { name: "consent.b.example/witness", ...(await ed25519Generate()) };
    checkpoint += await cosignCheckpoint(text, w, 1_780_000_000);
    witnesses.push(witnessVerifierKey(w.name, w.publicKey));
  }
  const other = { name: ORIGIN, ...(await ed25519Generate()) };
  const vkey = noteVerifierKey(ORIGIN, (options.otherLogKey ? other : signer).publicKey);
  const inclusion = (await proveInclusion(log.size, 1, log.readTile)).map(toBase64);
  const proof = {
    index: 1,
    checkpoint,
    inclusion,
    vkey,
    ...(witnesses.length ? { witnesses } : {}),
  };
  return { receipt, jwks, proof, vkey, checkpoint };
}

/** The API as the browser reaches it: JSON for the proof and keys, text for the log. */
function stubLog(s: Awaited<ReturnType<typeof served>>, proofStatus = 200) {
  const calls: string[] = [];
  vi.stubGlobal("fetch", async (input: string) => {
    const path = new URL(input, "http://admin.test").pathname;
    calls.push(path);
    if (path === `/v1/receipts/${s.receipt.id}/proof`) {
      return proofStatus === 200
        ? Response.json(s.proof)
        : Response.json(
            { error: { code: "NOT_YET_LOGGED", message: "The receipt is not in the log yet" } },
            { status: 409 },
          );
    }
    if (path === `/v1/sites/${SITE}/jwks`) return Response.json(s.jwks);
    if (path === `/v1/sites/${SITE}/log/vkey`) return new Response(`${s.vkey}\n`);
    if (path === `/v1/sites/${SITE}/log/checkpoint`) return new Response(s.checkpoint);
    return Response.json({ error: { code: "NOT_FOUND", message: path } }, { status: 404 });
  });
  return calls;
}

const line = (check: string) =>
  document.querySelector(`.verify-checks [data-check="${check}"]`)?.textContent ?? "";

describe("LogVerification", () => {
  it("passes every check in the browser, a witness's cosignature included", async () => {
    const s = await served({ witness: true });
    const calls = stubLog(s);
    render(<LogVerification receipt={s.receipt} />);
    expect(await screen.findByText("Every check passed")).toBeTruthy();
    for (const [check, label] of [
      ["signature", "Signature: Pass"],
      ["entry", "Log entry: Pass"],
      ["checkpoint", "Checkpoint note: Pass"],
      ["inclusion", "Inclusion: Pass"],
      ["cosignature", "Cosignature: Pass"],
      ["latest", "Latest checkpoint: Pass"],
    ]) {
      expect(line(check as string)).toContain(label);
    }
    expect(line("inclusion")).toContain("entry 1 is in the tree of 3");
    expect(line("cosignature")).toContain("cosigned by consent.b.example/witness");
    expect(calls).toContain(`/v1/sites/${SITE}/log/vkey`);
  });

  it("fails the signature, entry and inclusion of a receipt changed after signing, saying why", async () => {
    const s = await served();
    const decision = { ...s.receipt.decision, categories: { necessary: true, analytics: true } };
    stubLog(s);
    render(<LogVerification receipt={{ ...s.receipt, decision }} />);
    expect(await screen.findByText("A check failed")).toBeTruthy();
    expect(line("signature")).toContain("Signature: Fail");
    expect(line("entry")).toContain("Log entry: Fail");
    expect(line("inclusion")).toContain("Inclusion: Fail");
    expect(line("checkpoint")).toContain("Checkpoint note: Pass");
  });

  it("fails the checkpoint note when the log's published key did not sign it", async () => {
    const s = await served({ otherLogKey: true });
    stubLog(s);
    render(<LogVerification receipt={s.receipt} />);
    expect(await screen.findByText("A check failed")).toBeTruthy();
    expect(line("checkpoint")).toMatch(/Checkpoint note: Fail.*does not verify/);
    expect(line("latest")).toContain("Latest checkpoint: Fail");
  });

  it("says when the receipt is not in the log yet, and checks again on request", async () => {
    const s = await served();
    const calls = stubLog(s, 409);
    render(<LogVerification receipt={s.receipt} />);
    const status = await screen.findByText(/Not in the log yet/);
    const proofCalls = () => calls.filter((c) => c.endsWith("/proof")).length;
    expect(proofCalls()).toBe(1);
    fireEvent.click(within(status).getByRole("button", { name: "Check again" }));
    await screen.findByText(/Not in the log yet/);
    await vi.waitFor(() => expect(proofCalls()).toBe(2));
  });
});
