import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type StandardWording, verifyReceipt } from "@assent/core";
import { standardWording } from "@assent/sdk/wording";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiptFor, signIn, siteConfig } from "../../test-support/http-client";
import { startWorker, WORKER_OWNER, type WorkerOnWorkerd } from "./worker-on-workerd";

const DAY = 86_400_000;

describe("the Worker's standard wording (workerd, D1)", () => {
  let w: WorkerOnWorkerd;
  let hash: string;
  beforeAll(async () => {
    w = await startWorker();
    // The hash in the language files the Worker was deployed with, as its static assets.
    const names = readdirSync(join(w.assetsDir, "sdk", "lang"));
    const hashes = new Set(names.map((name) => /-([\w-]{8})\.js$/.exec(name)?.[1]));
    expect(hashes.size).toBe(1);
    hash = [...hashes][0] as string;
  }, 60_000);
  afterAll(async () => w?.close());

  const wordingRows = async () =>
    (await w.d1.prepare("SELECT hash, texts FROM wordings ORDER BY hash").all()).results as Array<{
      hash: string;
      texts: string;
    }>;

  it("is recorded in D1 on the isolate's first request, under the hash its SDK's files carry", async () => {
    expect((await w.fetch("/v1/sites/demo/config")).status).toBe(200);
    const rows = await wordingRows();
    expect(rows.map((r) => r.hash)).toEqual([hash]);
    expect(JSON.parse(rows[0]?.texts ?? "{}")).toEqual(standardWording());
  });

  it("is signed into a receipt naming it, served to admins, and kept while a receipt names it", async () => {
    const input = receiptFor("demo", await siteConfig(w, "demo"), { wording: hash });
    const res = await w.fetch("/v1/receipts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    expect(res.status).toBe(201);
    const stored = await res.json();
    expect(stored.wording).toBe(hash);
    const jwks = await (await w.fetch("/v1/sites/demo/jwks")).json();
    expect((await verifyReceipt(stored, jwks)).valid).toBe(true);

    const owner = await signIn(w, WORKER_OWNER);
    const wording = await owner.json<StandardWording>(
      "GET",
      `/v1/admin/sites/demo/wordings/${hash}`,
    );
    expect(wording.languages.de?.rejectAll).toBe("Alle ablehnen");
    expect(wording.languages).toEqual(standardWording());

    // The Cron Trigger's purge, 200 days on: the receipt is kept, so the wording is.
    const purge = async (at: number) => {
      const { outcome } = await w.scheduled(at);
      expect(outcome).toBe("ok");
    };
    await purge(Date.now() + 200 * DAY);
    expect((await wordingRows()).map((r) => r.hash)).toEqual([hash]);
    // Past the site's retention the receipt goes, and the wording no receipt names with it.
    await purge(Date.now() + 7 * 365 * DAY);
    expect(await wordingRows()).toEqual([]);
    const gone = await owner.request("GET", `/v1/admin/sites/demo/wordings/${hash}`);
    expect(gone.status).toBe(404);
  }, 60_000);
});
