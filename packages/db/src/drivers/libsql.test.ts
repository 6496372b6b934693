import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { sites } from "../schema";
import { openLibsql } from "./libsql";

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
});
