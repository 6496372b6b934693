import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { LANGUAGES, type StandardWording, verifyReceipt } from "@assent/core";
import { receipts, sites, wordings } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { outsideWording, standardWording } from "@assent/sdk/wording";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SdkBundle } from "../deps";
import { runDailyRetention } from "../retention";
import { ROOT, readSdkBundle } from "../runtime/node/assets";
import { startNodeServer } from "../runtime/node/server";
import { createTestApp } from "../test-support/test-app";
import { buildWording, recordWording, wordingHash } from "./wordings";

const DAY = 86_400_000;
const SDK_DIST = `${ROOT}packages/sdk/dist/`;

/** The hash in the built SDK's language file names, read from the folder itself. */
function builtLanguageHash(): string {
  const hashes = new Set(
    readdirSync(`${SDK_DIST}lang`).map((file) => /-([\w-]{8})\.js$/.exec(file)?.[1]),
  );
  expect(hashes.size).toBe(1);
  return [...hashes][0] as string;
}

/** What the built SDK's language modules hold, per language, as the UI imports them. */
async function builtTexts(hash: string): Promise<Record<string, Record<string, string>>> {
  const byLanguage: Record<string, Record<string, string>> = {};
  for (const file of readdirSync(`${SDK_DIST}lang`)) {
    const language = file.split("-")[0] as string;
    const module = await import(pathToFileURL(`${SDK_DIST}lang/${file}`).href);
    expect(file.endsWith(`-${hash}.js`)).toBe(true);
    byLanguage[language] = { ...byLanguage[language], ...module.default };
  }
  return byLanguage;
}

/** The same build's files under another language-set hash: another SDK release, same texts. */
function renamed(files: Readonly<Record<string, string>>, hash: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, code]) => [
      path.startsWith("lang/") ? path.replace(/-[\w-]{8}\.js$/, `-${hash}.js`) : path,
      code,
    ]),
  );
}

let sdk: SdkBundle;
let files: Record<string, string>;
beforeAll(() => {
  sdk = readSdkBundle();
  files = { ...sdk.files };
});

describe("the standard wording of a build", () => {
  it("is named by the hash in its language files' names, with the SDK's texts in every language", () => {
    const wording = buildWording(files);
    expect(wording?.hash).toBe(builtLanguageHash());
    expect(wordingHash(files)).toBe(builtLanguageHash());
    expect(Object.keys(wording?.languages ?? {}).sort()).toEqual([...LANGUAGES].sort());
    expect(wording?.languages.de?.rejectAll).toBe("Alle ablehnen");
    expect(wording?.languages.fr?.object).toBe("S'opposer");
    // A choice can be made on an embed's placeholder: its texts are part of the wording.
    expect(wording?.languages.de?.["embed.alwaysAllow"]).toBe("{service} immer erlauben");
    expect(wording?.languages.cy?.floatingButton).toBe("Gosodiadau cwcis");
  });

  it("is refused for a build whose modules do not hold the texts this server has", () => {
    const hash = builtLanguageHash();
    const reworded = { ...files };
    const centre = `lang/de-centre-${hash}.js`;
    reworded[centre] = (reworded[centre] ?? "").replace("Alle ablehnen", "Alles ablehnen");
    expect(() => buildWording(reworded)).toThrow(/de\.rejectAll/);
    const placeholder = Object.keys(files).find((path) => path.startsWith("embed-placeholder-"));
    expect(placeholder).toBeDefined();
    const rewordedButton = {
      ...files,
      [placeholder as string]: (files[placeholder as string] ?? "").replace(
        "Nur dieses Mal laden",
        "Einmal laden",
      ),
    };
    expect(() => buildWording(rewordedButton)).toThrow(/de\.embed\.loadOnce/);
    expect(buildWording({ "ui-Bg5QHU5g.js": "" })).toBeNull();
  });
});

describe("the Node entry", () => {
  const dir = mkdtempSync(join(tmpdir(), "assent-wording-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("records at start the wording the SDK build's receipts name: the API and the SDK agree", async () => {
    const url = `file:${join(dir, "node.db")}`;
    const server = await startNodeServer({
      port: 0,
      hostname: "127.0.0.1",
      databaseUrl: url,
      publicUrl: "https://consent.example.org",
      sdk,
      ownerEmail: "owner@example.org",
      ownerPassword: "correct horse battery staple",
      rateLimits: false,
    });
    await server.close();
    const handle = await openLibsql({ url });
    try {
      const rows = await handle.db.select().from(wordings);
      expect(rows.map((r) => r.hash)).toEqual([builtLanguageHash()]);
      // Exactly what the built language modules say, and what the SDK's sources say.
      const texts = JSON.parse(rows[0]?.texts ?? "{}");
      // The language modules' texts, and those shown outside the banner from their own modules.
      const outside = outsideWording();
      const built = await builtTexts(builtLanguageHash());
      expect(texts).toEqual(
        Object.fromEntries(
          Object.entries(built).map(([language, own]) => [
            language,
            { ...own, ...outside[language] },
          ]),
        ),
      );
      expect(texts).toEqual(standardWording());
      // A second start the same day reads one row and writes nothing.
      expect(await recordWording(handle.db, sdk, Date.now())).toBeNull();
      expect(await recordWording(handle.db, sdk, Date.now() + DAY)).toBe(builtLanguageHash());
    } finally {
      handle.close();
    }
  }, 30_000);
});

describe("GET /v1/admin/sites/:site/wordings/:hash", () => {
  it("answers the texts a receipt's wording names, to the site's admins", async () => {
    const t = await createTestApp();
    try {
      const hash = await recordWording(t.db, sdk, Date.now());
      const admin = await t.admin();
      const res = await admin.get(`/v1/admin/sites/demo/wordings/${hash}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as StandardWording;
      expect(body.hash).toBe(hash);
      expect(body.languages).toEqual(standardWording());
      expect(Date.now() - Date.parse(body.recordedAt)).toBeLessThan(60_000);

      const unknown = await admin.get("/v1/admin/sites/demo/wordings/0therHsh");
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error.code).toBe("WORDING_NOT_FOUND");
      const malformed = await admin.get("/v1/admin/sites/demo/wordings/not-a-hash");
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error).toMatchObject({
        code: "INVALID_PARAMS",
        message: "hash: must be the 8-character hash a receipt's wording names",
      });
      expect((await t.app.request(`/v1/admin/sites/demo/wordings/${hash}`)).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe("the retention purge", () => {
  it("keeps a wording while a receipt names it, and deletes it once none does", async () => {
    let now = Date.UTC(2026, 0, 1);
    const t = await createTestApp({ now: () => now });
    try {
      await t.db.update(sites).set({ retentionDays: 400 }).where(eq(sites.key, "demo"));
      const named = await recordWording(t.db, sdk, now);
      if (!named) throw new Error("wording not recorded");
      const receipt = t.receipt({ wording: named });
      expect((await t.post("/v1/receipts", receipt)).status).toBe(201);
      // Another release's wording, recorded by an instance but named by no receipt.
      const unnamed = await recordWording(t.db, { files: renamed(files, "0therHsh") }, now);
      const hashes = async () =>
        (await t.db.select({ hash: wordings.hash }).from(wordings)).map((r) => r.hash).sort();
      const lines: string[] = [];
      const purge = () =>
        runDailyRetention(t.db, now, { runner: "test", log: (l) => lines.push(l) });

      // Within the days its build's chunks stay served, even one no receipt names is kept.
      now += 30 * DAY;
      await purge();
      expect(await hashes()).toEqual([unnamed, named].sort());
      // Past them, the one no receipt names goes; the one the kept receipt names stays.
      now += 90 * DAY;
      await purge();
      expect(await hashes()).toEqual([named]);
      expect(lines).toEqual([
        `[assent] retention: deleted the standard wording ${unnamed}, which no receipt names`,
      ]);
      const jwks = await (await t.app.request("/v1/sites/demo/jwks")).json();
      const listed = await (await t.admin()).get(`/v1/admin/receipts?site=demo&id=${receipt.id}`);
      const [row] = (await listed.json()).items;
      expect(row.wording).toBe(named);
      expect((await verifyReceipt(row, jwks)).valid).toBe(true);

      // The last receipt naming it is purged: the wording goes with it.
      now += 300 * DAY;
      await purge();
      expect(await t.db.select().from(receipts)).toEqual([]);
      expect(await hashes()).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("finds the receipts naming a wording by their index", async () => {
    const t = await createTestApp();
    try {
      const plan = await t.client.execute(
        "EXPLAIN QUERY PLAN DELETE FROM wordings WHERE recorded_at < 1 AND NOT EXISTS (SELECT 1 FROM receipts WHERE receipts.wording = wordings.hash)",
      );
      expect(plan.rows.map((r) => String(r.detail)).join("\n")).toMatch(
        /SEARCH receipts USING COVERING INDEX receipts_wording/,
      );
    } finally {
      await t.close();
    }
  });
});
