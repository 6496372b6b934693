import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { siteConfigs, sites } from "../schema";
import { isMemoryUrl, localFilePath, openLibsql } from "./libsql";

const dir = mkdtempSync(join(tmpdir(), "assent-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("libSQL driver", () => {
  it("creates an in-memory database with every table", async () => {
    const { client, close } = await openLibsql({ url: ":memory:" });
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    const names = tables.rows.map((r) => r.name);
    for (const t of ["sites", "site_configs", "receipts", "users", "site_members", "sessions"]) {
      expect(names).toContain(t);
    }
    await close();
  });

  it("creates the file and its folder on first open, and keeps data across reopen", async () => {
    const url = `file:${join(dir, "nested", "assent.db")}`;
    const first = await openLibsql({ url });
    await first.db.insert(sites).values({ key: "kept", name: "Kept", createdAt: 1 });
    await first.close();

    const second = await openLibsql({ url });
    const rows = await second.db.select().from(sites).where(eq(sites.key, "kept"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.allowedOrigins).toEqual([]);
    const applied = await second.client.execute("SELECT count(*) AS n FROM __assent_migrations");
    expect(Number(applied.rows[0]?.n)).toBeGreaterThan(0);
    await second.close();
  });

  it("keeps an in-memory database in memory: no file path, its own driver name", async () => {
    for (const url of [":memory:", "file::memory:", "file:x?mode=memory&cache=shared"]) {
      expect(isMemoryUrl(url)).toBe(true);
      expect(() => localFilePath(url)).toThrow(/not a database file/);
    }
    expect(isMemoryUrl("file:data/memory.db")).toBe(false);
    expect(localFilePath("file:data/assent.db")).toBe("data/assent.db");
    const { driver, close } = await openLibsql({ url: ":memory:" });
    expect(driver).toBe("libsql-memory");
    await close();
  });

  it("runs a batch as one transaction: a failing statement undoes the ones before it", async () => {
    const { db, close } = await openLibsql({ url: `file:${join(dir, "batch.db")}` });
    const [[site]] = await db.batch([
      db.insert(sites).values({ key: "one", name: "One", createdAt: 1 }).returning(),
    ]);
    const version = (n: number) =>
      db.insert(siteConfigs).values({
        siteId: site?.id ?? 0,
        version: n,
        hash: "h",
        config: "{}",
        publishedAt: 1,
      });
    const failed = await db
      .batch([version(1), db.run(sql`UPDATE sites SET name = 'Changed'`), version(1)])
      .catch((err: unknown) => err);
    expect(String(failed)).toMatch(/UNIQUE/);
    expect(await db.select().from(siteConfigs)).toEqual([]);
    expect((await db.select().from(sites))[0]?.name).toBe("One");
    await close();
  });
});
