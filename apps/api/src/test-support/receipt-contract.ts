import {
  decide,
  newSubjectId,
  type ReceiptInput,
  type ReceiptJwks,
  type SiteConfig,
  type StoredReceipt,
  uuidv7,
  verifyReceipt,
} from "@assent/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

/** A running build of the API (Node server, Worker on workerd, ...) the contract is checked on. */
export interface ContractTarget {
  /** Base URL requests go to, e.g. `http://127.0.0.1:8811`. */
  origin: string;
  /** Sends a request to the running app. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** First column of the first row of a read query on the target's database. */
  scalar(sql: string): Promise<number>;
  /** The IP stored for a request carrying `CF-Connecting-IP: 198.51.100.9` from loopback. */
  expectedIp: string | null;
  /**
   * The jurisdiction stored for a request carrying `CF-IPCountry: de`: `null` where no proxy is
   * trusted to say it (a client may send any header), `"DE"` where the platform sets it.
   */
  expectedJurisdiction: string | null;
  close(): Promise<void>;
}

const TABLES = ["receipts", "receipt_categories", "daily_method_stats", "daily_category_stats"];

/**
 * The public ingestion contract, run against every runtime: receipts, proof and JWKS, the
 * subject-only read, the loader and config. Each test file calls this with its own target.
 */
export function receiptContract(name: string, start: () => Promise<ContractTarget>): void {
  describe(`ingestion contract: ${name}`, () => {
    let t: ContractTarget;
    let config: { hash: string; config: SiteConfig };
    let baseline: Record<string, number>;

    beforeAll(async () => {
      t = await start();
      config = await (await t.fetch("/v1/sites/demo/config")).json();
    }, 60_000);
    afterAll(async () => t?.close());
    beforeEach(async () => {
      baseline = await counts();
    });

    async function counts(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const table of TABLES) out[table] = await t.scalar(`SELECT count(*) FROM ${table}`);
      out.methodTotal = await t.scalar("SELECT coalesce(sum(count), 0) FROM daily_method_stats");
      return out;
    }
    async function added(): Promise<Record<string, number>> {
      const now = await counts();
      return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (baseline[k] ?? 0)]));
    }

    const receipt = (overrides: Partial<ReceiptInput> = {}): ReceiptInput => ({
      id: uuidv7(),
      siteKey: "demo",
      subjectId: newSubjectId(),
      policyVersion: config.config.policyVersion,
      configHash: config.hash,
      language: "en",
      method: "custom",
      decision: decide(config.config, { categories: { analytics: true } }),
      gpc: false,
      pagePath: "/join/",
      previousId: null,
      ...overrides,
    });
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      t.fetch("/v1/receipts", {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body:
          typeof body === "string" || body instanceof Uint8Array
            ? (body as BodyInit)
            : JSON.stringify(body),
      });
    /** A receipt's JSON with one byte that no UTF-8 text has (0xFF) in its page path. */
    const notUtf8 = () => {
      const bytes = new TextEncoder().encode(JSON.stringify(receipt({ pagePath: "/join/~" })));
      bytes[bytes.lastIndexOf(0x7e)] = 0xff;
      return bytes;
    };
    const jwks = async (): Promise<ReceiptJwks> => (await t.fetch("/v1/sites/demo/jwks")).json();

    it("stores a receipt with its categories and rollups, stamped and signed, and answers 201", async () => {
      const input = receipt();
      const res = await post(input, {
        "User-Agent": "ContractBrowser/1.0",
        "Sec-GPC": "1",
        "CF-IPCountry": "de",
        "CF-Connecting-IP": "198.51.100.9",
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as StoredReceipt;
      expect(body).toMatchObject({
        id: input.id,
        subjectId: input.subjectId,
        decision: input.decision,
        ip: t.expectedIp,
        userAgent: "ContractBrowser/1.0",
        gpcHeader: true,
        jurisdiction: t.expectedJurisdiction,
      });
      expect(body.proof?.alg).toBe("EdDSA");
      expect(await verifyReceipt(body, await jwks())).toEqual({
        valid: true,
        kid: body.proof?.kid,
      });
      // One category row and one rollup row per category of the configuration shown.
      const categories = config.config.categories.length;
      expect(await added()).toEqual({
        receipts: 1,
        receipt_categories: categories,
        daily_method_stats: 1,
        daily_category_stats: categories,
        methodTotal: 1,
      });
    });

    it("is idempotent: a retry answers 200 with the stored receipt and counts nothing twice", async () => {
      const input = receipt();
      const first = await (await post(input)).json();
      const retry = await post(input);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(first);
      expect((await added()).receipts).toBe(1);
      expect((await added()).methodTotal).toBe(1);
    });

    it("refuses an id reused by another subject with 409", async () => {
      const input = receipt();
      await post(input);
      const res = await post({ ...input, subjectId: newSubjectId() });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("RECEIPT_ID_CONFLICT");
    });

    it("keeps previousId only when it names the same subject's receipt, signing what it stores", async () => {
      const subjectId = newSubjectId();
      const first = receipt({ subjectId });
      expect((await post(first)).status).toBe(201);
      const links = [
        receipt({ subjectId, previousId: first.id }),
        receipt({ previousId: first.id }), // another subject's
        receipt({ subjectId, previousId: uuidv7() }), // none stored
      ];
      const stored: StoredReceipt[] = [];
      for (const input of links) {
        const res = await post(input);
        expect(res.status).toBe(201);
        stored.push(await res.json());
      }
      expect(stored.map((r) => r.previousId)).toEqual([first.id, null, null]);
      const keys = await jwks();
      for (const r of stored) expect((await verifyReceipt(r, keys)).valid).toBe(true);
      const kept = await t.scalar(
        `SELECT count(*) FROM receipts WHERE previous_id = '${first.id}'`,
      );
      expect(kept).toBe(1);
    });

    it("commits concurrent receipts, each once", async () => {
      const inputs = Array.from({ length: 40 }, () => receipt({ method: "accept-all" }));
      const statuses = await Promise.all(inputs.map(async (r) => (await post(r)).status));
      expect(statuses.every((s) => s === 201)).toBe(true);
      expect(await added()).toMatchObject({
        receipts: 40,
        receipt_categories: 40 * config.config.categories.length,
        methodTotal: 40,
      });
    });

    const bad: Array<[string, () => [unknown, Record<string, string>?], number, string]> = [
      ["malformed JSON", () => ["{not json"], 400, "INVALID_JSON"],
      ["a body that is not UTF-8", () => [notUtf8()], 400, "INVALID_ENCODING"],
      ["a wrong type", () => [{ ...receipt(), gpc: "yes" }], 400, "INVALID_RECEIPT"],
      ["a missing field", () => [{ ...receipt(), decision: undefined }], 400, "INVALID_RECEIPT"],
      ["an unknown field", () => [{ ...receipt(), extra: 1 }], 400, "INVALID_RECEIPT"],
      ["an unknown site", () => [receipt({ siteKey: "nope" })], 404, "SITE_NOT_FOUND"],
      ["an unknown config", () => [receipt({ configHash: "0".repeat(64) })], 422, "UNKNOWN_CONFIG"],
      [
        "a foreign origin",
        () => [receipt(), { Origin: "https://evil.example" }],
        403,
        "ORIGIN_NOT_ALLOWED",
      ],
      [
        "a form body",
        () => ["a=1", { "Content-Type": "application/x-www-form-urlencoded" }],
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      ],
      [
        "an oversize body",
        () => [{ ...receipt(), pagePath: `/${"a".repeat(9000)}` }],
        413,
        "PAYLOAD_TOO_LARGE",
      ],
    ];
    it.each(bad)(
      "answers %s with a 4xx error and stores nothing",
      async (_n, make, status, code) => {
        const [body, headers] = make();
        const res = await post(body, headers);
        expect(res.status).toBe(status);
        const json = await res.json();
        expect(json.error.code).toBe(code);
        expect(json.error.message.length).toBeGreaterThan(5);
        expect(Object.values(await added()).every((n) => n === 0)).toBe(true);
      },
    );

    it("lets the API's own origin post and answers the CORS preflight", async () => {
      const res = await post(receipt(), { Origin: t.origin });
      expect(res.status).toBe(201);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe(t.origin);
      const pre = await t.fetch("/v1/receipts", {
        method: "OPTIONS",
        headers: { Origin: t.origin },
      });
      expect(pre.status).toBe(204);
    });

    it("returns a receipt to its own subject only", async () => {
      const input = receipt();
      const stored = await (await post(input)).json();
      const read = (subject?: string, id = input.id) =>
        t.fetch(`/v1/receipts/${id}`, subject ? { headers: { "X-Assent-Subject": subject } } : {});
      const mine = await read(input.subjectId);
      expect(mine.status).toBe(200);
      expect(mine.headers.get("Cache-Control")).toBe("no-store");
      expect(await mine.json()).toEqual(stored);
      expect((await read(newSubjectId())).status).toBe(404);
      expect((await read(input.subjectId, uuidv7())).status).toBe(404);
      const anonymous = await read();
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.code).toBe("SUBJECT_REQUIRED");
    });

    it("publishes the site's keys as a JWKS and 404s an unknown site", async () => {
      const res = await t.fetch("/v1/sites/demo/jwks");
      expect(res.status).toBe(200);
      const set = (await res.json()) as ReceiptJwks;
      expect(set.keys.length).toBeGreaterThan(0);
      expect(set.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
      expect(JSON.stringify(set)).not.toContain('"d"');
      expect((await t.fetch("/v1/sites/nope/jwks")).status).toBe(404);
    });

    it("serves the loader and config with ETag and Cache-Control, and 304 on a match", async () => {
      for (const path of ["/s/demo.js", "/v1/sites/demo/config"]) {
        const res = await t.fetch(path);
        expect(res.status).toBe(200);
        const etag = res.headers.get("ETag") ?? "";
        // A coded representation has a tag of its own (`"TAG-br"`, where the runtime codes).
        expect(etag).toMatch(/^"[0-9a-f]{32}(?:-(?:br|gzip))?"$/);
        expect(res.headers.get("Cache-Control")).toContain("max-age=");
        const again = await t.fetch(path, { headers: { "If-None-Match": etag } });
        expect(again.status).toBe(304);
      }
      const loader = await (await t.fetch("/s/demo.js")).text();
      expect(loader).toContain(config.hash);
      expect((await t.fetch("/s/nope.js")).status).toBe(404);
    });
  });
}
