import {
  openNote,
  type ReceiptFile,
  type StoredReceipt,
  verifyReceiptFile,
  type Witness,
  WitnessesList,
} from "@assent/core";
import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SUBJECT_HEADER } from "../receipts";
import { createTestApp } from "../test-support/test-app";
import { integrate } from "../transparency";
import { submitToWitnesses } from "./witness-submit";

/** Two in-process apps on their own databases: `log` is witnessed by `witness`. */
let log: Awaited<ReturnType<typeof createTestApp>>;
let witness: Awaited<ReturnType<typeof createTestApp>>;
const LOG_ORIGIN = "https://consent.a.example";
const WITNESS_URL = "https://consent.b.example/v1/witness";
let witnessUp = true;
const lines: string[] = [];

/** Reaches the witness app as the network would, or fails as a witness that is down. */
const toWitness = async (url: string, init: RequestInit) => {
  if (!witnessUp) throw new TypeError("fetch failed: connect ECONNREFUSED");
  return witness.app.request(url.replace("https://consent.b.example", ""), init);
};
const submit = () =>
  submitToWitnesses(log.db, { fetch: toWitness, retryAfterMs: 0, log: (l) => lines.push(l) });
const integrateNow = () => integrate(log.db, { publicOrigin: () => LOG_ORIGIN });

beforeEach(async () => {
  witnessUp = true;
  lines.length = 0;
  log = await createTestApp({ publicOrigin: LOG_ORIGIN });
  witness = await createTestApp({ publicOrigin: "https://consent.b.example" });
  const vkey = (await (await log.app.request("/v1/sites/demo/log/vkey")).text()).trim();
  const b = await witness.admin();
  const added = await b.request("POST", "/v1/admin/sites/demo/witnessed-logs", {
    origin: vkey.split("+")[0],
    vkey,
  });
  expect(added.status).toBe(201);
  const a = await log.admin();
  const listed = await a.request("POST", "/v1/admin/sites/demo/witnesses", {
    name: "B",
    url: `${WITNESS_URL}/`,
    vkey: (await (await witness.app.request("/v1/witness/vkey")).text()).trim(),
  });
  expect(listed.status).toBe(201);
});
afterEach(async () => {
  await Promise.all([log.close(), witness.close()]);
});

async function post(n: number): Promise<StoredReceipt[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const res = await log.post("/v1/receipts", log.receipt());
    expect(res.status).toBe(201);
    out.push((await res.json()) as StoredReceipt);
  }
  return out;
}

/** The site's witnesses, as the admin API answers them (checked against the contract). */
async function witnesses(): Promise<Witness[]> {
  const a = await log.admin();
  const body = await (await a.get("/v1/admin/sites/demo/witnesses")).json();
  return v.parse(WitnessesList.response, body).witnesses;
}

const witnessVkey = async () =>
  (await (await witness.app.request("/v1/witness/vkey")).text()).trim();

describe("submitting a site's checkpoints to its witnesses", () => {
  it("keeps the cosignature, serves it with the checkpoint and in receipt files", async () => {
    const [receipt] = await post(2);
    await integrateNow();
    expect(await submit()).toMatchObject([{ outcome: "cosigned", size: 3 }]);
    const note = await (await log.app.request("/v1/sites/demo/log/checkpoint")).text();
    const vkey = (await (await log.app.request("/v1/sites/demo/log/vkey")).text()).trim();
    const opened = await openNote(note, [vkey, await witnessVkey()]);
    expect(opened.verified.map((s) => s.name)).toEqual([
      "consent.a.example/v1/sites/demo/log",
      "consent.b.example/witness",
    ]);
    // Nothing more to submit until the log grows.
    expect(await submit()).toEqual([]);

    if (!receipt) throw new Error("no receipt");
    const headers = { [SUBJECT_HEADER]: receipt.subjectId };
    const file = {
      receipt: await (await log.app.request(`/v1/receipts/${receipt.id}`, { headers })).json(),
      jwks: await (await log.app.request("/v1/sites/demo/jwks")).json(),
      log: await (await log.app.request(`/v1/receipts/${receipt.id}/proof`, { headers })).json(),
    } as ReceiptFile;
    expect(file.log.witnesses).toEqual([await witnessVkey()]);
    const report = await verifyReceiptFile(file, { vkey, witnesses: [await witnessVkey()] });
    expect(report.checks.find((c) => c.check === "cosignature")).toMatchObject({ ok: true });
    expect(report.ok).toBe(true);
  });

  it("publishes the latest checkpoint, cosigned or not: never a tree smaller than a receipt file's", async () => {
    const [older] = await post(2);
    await integrateNow();
    expect(await submit()).toMatchObject([{ outcome: "cosigned", size: 3 }]);
    const [, newest] = await post(2);
    await integrateNow();
    if (!older || !newest) throw new Error("no receipt");
    const vkey = (await (await log.app.request("/v1/sites/demo/log/vkey")).text()).trim();
    const witnesses = [await witnessVkey()];
    const published = async () =>
      (await (await log.app.request("/v1/sites/demo/log/checkpoint")).text()).split("\n")[1];

    const fileOf = async (receipt: StoredReceipt) => {
      const headers = { [SUBJECT_HEADER]: receipt.subjectId };
      return {
        receipt: await (await log.app.request(`/v1/receipts/${receipt.id}`, { headers })).json(),
        jwks: await (await log.app.request("/v1/sites/demo/jwks")).json(),
        log: await (await log.app.request(`/v1/receipts/${receipt.id}/proof`, { headers })).json(),
      } as ReceiptFile;
    };
    // A receipt the witnessed tree holds is proved against it, cosignature included...
    const witnessed = await fileOf(older);
    expect(witnessed.log.checkpoint.split("\n")[1]).toBe("3");
    expect(witnessed.log.witnesses).toEqual(witnesses);
    expect((await verifyReceiptFile(witnessed, { vkey, witnesses })).ok).toBe(true);
    // ...a newer one against the latest checkpoint, which its witnesses have yet to see...
    const fresh = await fileOf(newest);
    expect(fresh.log.checkpoint.split("\n")[1]).toBe("5");
    expect(fresh.log.witnesses).toBeUndefined();
    expect((await verifyReceiptFile(fresh, { vkey })).ok).toBe(true);
    // ...and the published checkpoint is that latest one: a verifier checking the file against
    // it must not see the log shrink from 5 to the witnessed 3.
    expect(await published()).toBe("5");

    // Once the witness has seen it, the latest carries its cosignature.
    expect(await submit()).toMatchObject([{ outcome: "cosigned", size: 5 }]);
    const note = await (await log.app.request("/v1/sites/demo/log/checkpoint")).text();
    expect(note.split("\n")[1]).toBe("5");
    expect((await openNote(note, [vkey, ...witnesses])).verified).toHaveLength(2);
  });

  it("never goes back to an older size when a witness's cosignature of it comes late", async () => {
    await post(1);
    await integrateNow();
    // The witness answers for size 2 only after the log has grown and published size 4.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    let received = () => {};
    const asked = new Promise<void>((resolve) => {
      received = resolve;
    });
    const late = submitToWitnesses(log.db, {
      fetch: async (url, init) => {
        received();
        await answered;
        return toWitness(url, init);
      },
      retryAfterMs: 0,
    });
    await asked;
    await post(2);
    await integrateNow();
    const published = async () =>
      (await (await log.app.request("/v1/sites/demo/log/checkpoint")).text()).split("\n")[1];
    expect(await published()).toBe("4");
    answer();
    expect(await late).toMatchObject([{ outcome: "cosigned", size: 2 }]);
    expect(await published()).toBe("4");
  });

  it("a witness that is down blocks nothing, says why, and cosigns once it is back", async () => {
    witnessUp = false;
    await post(1);
    await integrateNow();
    expect(await submit()).toMatchObject([{ outcome: "failed" }]);
    expect(lines.join("\n")).toMatch(/witness B .* refused checkpoint 2 .*WITNESS_UNREACHABLE/);
    expect((await witnesses())[0]?.lastError).toMatchObject({
      status: 0,
      code: "WITNESS_UNREACHABLE",
    });
    // The log goes on without it.
    await post(2);
    await integrateNow();
    const note = await (await log.app.request("/v1/sites/demo/log/checkpoint")).text();
    expect(note.split("\n")[1]).toBe("4");
    witnessUp = true;
    expect(await submit()).toMatchObject([{ outcome: "cosigned", size: 4 }]);
    expect((await witnesses())[0]).toMatchObject({ size: 4, lastError: null });
  });

  it("on 409 starts again from the size the witness holds", async () => {
    await post(1);
    await integrateNow();
    await submit();
    await post(3);
    await integrateNow();
    // The log forgot what the witness cosigned (e.g. the row was restored from a backup).
    const a = await log.admin();
    expect((await witnesses())[0]?.size).toBe(2);
    await log.client.execute("UPDATE witness_peers SET size = 0");
    expect(await submit()).toMatchObject([{ outcome: "cosigned", size: 5 }]);
    expect(
      (await (await a.get("/v1/admin/sites/demo/witnesses")).json()).witnesses[0],
    ).toMatchObject({ size: 5 });
  });
});

describe("what a witness answers, as the owners see it", () => {
  /** Submits once to a witness answering `res`, and returns the stored failure. */
  async function refusedWith(res: () => Response) {
    await post(1);
    await integrateNow();
    const fetch = async () => res();
    const reports = await submitToWitnesses(log.db, { fetch, log: (l) => lines.push(l) });
    expect(reports).toMatchObject([{ outcome: "failed" }]);
    return (await witnesses())[0]?.lastError;
  }
  const html = "<!doctype html><title>Admin</title><p>internal-secret-token 4f9a</p>";

  it("keeps the witness's JSON error, a code and one line", async () => {
    const body = { error: { code: "UNKNOWN_LOG", message: "no such\nlog" } };
    expect(await refusedWith(() => Response.json(body, { status: 404 }))).toEqual({
      status: 404,
      code: "UNKNOWN_LOG",
      message: "no such log",
    });
  });

  it("keeps nothing of an HTML body, only the status", async () => {
    const lastError = await refusedWith(
      () => new Response(html, { status: 500, headers: { "Content-Type": "text/html" } }),
    );
    expect(lastError).toMatchObject({ status: 500, code: "HTTP_500" });
    expect(lastError?.message).toBe("The witness answered HTTP 500 with text/html, not kept");
    expect(JSON.stringify(await witnesses())).not.toContain("internal-secret");
  });

  it("keeps nothing of a JSON body that is not a witness's error", async () => {
    const secret = { AccessKeyId: "ASIA-internal-secret", error: { code: "bad code!" } };
    const lastError = await refusedWith(() => Response.json(secret, { status: 403 }));
    expect(lastError).toMatchObject({ status: 403, code: "HTTP_403" });
    expect(JSON.stringify(await witnesses())).not.toContain("internal-secret");
  });

  it("keeps a short line of a text/plain refusal", async () => {
    const text = `checkpoint\tnot signed\n${"x".repeat(500)}`;
    const lastError = await refusedWith(() => new Response(text, { status: 403 }));
    expect(lastError?.code).toBe("HTTP_403");
    expect(lastError?.message).toMatch(/^checkpoint not signed x+…$/);
    expect(lastError?.message.length).toBe(100);
  });

  it("reads no more than 64 KiB of an answer", async () => {
    const endless = new ReadableStream({
      pull: (controller) => controller.enqueue(new Uint8Array(16 * 1024)),
    });
    const lastError = await refusedWith(() => new Response(endless, { status: 200 }));
    expect(lastError).toMatchObject({ status: 200, code: "WITNESS_ANSWER_TOO_LARGE" });
  });

  it("never sends to a URL stored before the check, or under another setting", async () => {
    await post(1);
    await integrateNow();
    await log.client.execute("UPDATE witness_peers SET url = 'https://169.254.169.254/latest'");
    let sent = 0;
    const reports = await submitToWitnesses(log.db, {
      fetch: async () => {
        sent++;
        return new Response("", { status: 500 });
      },
      log: (l) => lines.push(l),
    });
    expect(reports).toMatchObject([{ outcome: "failed" }]);
    expect(sent).toBe(0);
    expect((await witnesses())[0]?.lastError).toMatchObject({
      status: 0,
      code: "WITNESS_URL_NOT_ALLOWED",
      message: expect.stringMatching(/169\.254\.169\.254 is not a public address \(link-local/),
    });
  });
});

describe("a site's witnesses, managed by owners", () => {
  it("are listed, refused twice or with a note key, removed, and audited", async () => {
    const a = await log.admin();
    const vkey = await witnessVkey();
    const twice = await a.request("POST", "/v1/admin/sites/demo/witnesses", {
      name: "B again",
      url: WITNESS_URL,
      vkey,
    });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.code).toBe("WITNESS_TAKEN");
    const noteKey = (await (await log.app.request("/v1/sites/demo/log/vkey")).text()).trim();
    const wrongType = await a.request("POST", "/v1/admin/sites/demo/witnesses", {
      name: "C",
      url: WITNESS_URL,
      vkey: noteKey,
    });
    expect(wrongType.status).toBe(400);
    const [listed] = await witnesses();
    expect(listed).toMatchObject({ name: "B", url: WITNESS_URL, vkey, size: 0 });
    const removed = await a.request("DELETE", `/v1/admin/sites/demo/witnesses/${listed?.id}`);
    expect(removed.status).toBe(204);
    expect(await witnesses()).toEqual([]);
    const audit = await (await a.get("/v1/admin/sites/demo/audit")).json();
    const actions = JSON.stringify(audit);
    expect(actions).toContain("witness.add");
    expect(actions).toContain("witness.remove");
  });
});
