import { uuidv7 } from "@assent/core";
import { type DatabaseHandle, MAX_BOUND_PARAMS } from "@assent/db";
import { type D1Like, openD1 } from "@assent/db/d1";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessLog, ReceiptWriter } from "../../receipts";
import { seed } from "../../seed";
import { signingKeyFor } from "../../signing";
import { sampleReceiptRow } from "../../test-support/sample-receipt";

/**
 * The Worker commits each receipt alone; a writer that groups them (as on Node) must still bind
 * at most 100 parameters a statement when it meets D1. Run on workerd's D1 from Node.
 */
describe("the grouped receipt writer on workerd's D1", () => {
  let mf: Miniflare;
  let handle: DatabaseHandle;
  /** Most `?` placeholders in one statement prepared so far. */
  let widest = 0;
  beforeAll(async () => {
    mf = new Miniflare({
      modules: true,
      script: "export default { fetch: () => new Response(null, { status: 404 }) }",
      compatibilityDate: "2026-04-15",
      d1Databases: { DB: "writer" },
    });
    const d1 = (await mf.getD1Database("DB")) as unknown as D1Like;
    const counted = new Proxy(d1, {
      get(target, prop) {
        if (prop === "prepare") {
          return (sql: string) => {
            widest = Math.max(widest, sql.split("?").length - 1);
            return target.prepare(sql);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    handle = await openD1(counted);
    await seed(handle.db, { origin: "http://x", ownerEmail: "o@x.org", now: 1 });
  }, 60_000);
  afterAll(async () => mf?.dispose());

  it("looks up more stored ids than a statement may bind in chunks when a batch is retried", async () => {
    const categories = { necessary: true };
    const key = await signingKeyFor(handle.db, { id: 1, key: "demo" }, 1);
    const writes = Array.from({ length: MAX_BOUND_PARAMS + 50 }, () => ({
      categories,
      row: sampleReceiptRow({ id: uuidv7(), categories }),
      key,
      siteKey: "demo",
    }));
    const writer = new ReceiptWriter(handle.db, inProcessLog(handle.db), {
      groupCommit: true,
      maxBatch: 256,
    });
    const first = await Promise.all(writes.map((w) => writer.write(w)));
    expect(first.every((r) => r.created)).toBe(true);
    // The same 150 again, as clients retrying: one batch whose every id is stored.
    const again = await Promise.all(writes.map((w) => writer.write(w)));
    expect(again.map((r) => r.created)).toEqual(writes.map(() => false));
    expect(again.map((r) => r.row.id)).toEqual(writes.map((w) => w.row.id));
    expect(widest).toBeLessThanOrEqual(MAX_BOUND_PARAMS);
  }, 60_000);
});
