import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { openLibsql } from "./drivers/libsql";
import { applyMigrations } from "./migrate";
import { migrations } from "./migrations.gen";

describe("migrations", () => {
  it("bundle every committed drizzle-kit migration (run `pnpm generate` if this fails)", () => {
    const folder = new URL("../drizzle/", import.meta.url);
    const files = readdirSync(folder).filter((f) => f.endsWith(".sql"));
    expect(migrations.map((m) => `${m.tag}.sql`)).toEqual(files.sort());
    for (const m of migrations) {
      const text = readFileSync(new URL(`${m.tag}.sql`, folder), "utf8");
      for (const statement of m.statements) expect(text).toContain(statement);
    }
  });

  it("apply once, then nothing on the next start", async () => {
    const executed: string[][] = [];
    const applied = new Set<string>();
    const executor = {
      query: async () => [...applied].map((t) => [t]),
      batch: async (statements: string[]) => {
        executed.push(statements);
        for (const s of statements) {
          const tag = /VALUES \('([^']+)'/.exec(s)?.[1];
          if (tag) applied.add(tag);
        }
      },
    };
    expect(await applyMigrations(executor)).toEqual(migrations.map((m) => m.tag));
    const batches = executed.length;
    expect(await applyMigrations(executor)).toEqual([]);
    expect(executed.length).toBe(batches + 1); // only the CREATE TABLE IF NOT EXISTS
  });

  it("apply once when several starts run them at once on one fresh database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assent-migrate-"));
    const url = `file:${join(dir, "race.db")}`;
    try {
      for (let round = 0; round < 3; round++) {
        const fresh = `${url}-${round}`;
        const starts = await Promise.allSettled(
          Array.from({ length: 4 }, () => openLibsql({ url: fresh })),
        );
        expect(starts.map((s) => s.status)).toEqual(Array(4).fill("fulfilled"));
        for (const s of starts) if (s.status === "fulfilled") s.value.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("still throws a failure that is not another start's migration", async () => {
    const executor = {
      query: async () => [],
      batch: async (statements: string[]) => {
        if (statements.length > 1) throw new Error("disk full");
      },
    };
    await expect(applyMigrations(executor)).rejects.toThrow("disk full");
  });

  it("queue the stored receipts not yet logged when 0010 runs on an existing database", async () => {
    const client = createClient({ url: ":memory:" });
    const run = async (statements: readonly string[]) => {
      await client.batch([...statements], "write");
    };
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.tag === "0010_log_pending"),
    );
    await run([
      "CREATE TABLE __assent_migrations (tag TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)",
    ]);
    for (const m of before) {
      await run([...m.statements, `INSERT INTO __assent_migrations VALUES ('${m.tag}', 0)`]);
    }
    const receipt = (id: string, digest: string | null) =>
      `INSERT INTO receipts (id, site_id, server_time, policy_version, config_hash, language, method, decision, gpc, gpc_header, digest) VALUES ('${id}', 1, 0, '1', 'h', 'en', 'banner', '{}', 0, 0, ${digest ? `'${digest}'` : "NULL"})`;
    await run([
      "INSERT INTO sites (key, name, created_at) VALUES ('s', 'S', 0)",
      receipt("logged", "d1"),
      receipt("skipped", "d2"),
      receipt("unsigned", null),
      "INSERT INTO log_leaves (site_id, idx, entry, receipt_id) VALUES (1, 0, x'00', 'logged')",
      "INSERT INTO log_state (site_id, size, edge, receipt_cursor, config_cursor, updated_at) VALUES (1, 1, '', 3, 0, 0)",
    ]);
    await applyMigrations({
      query: async (sql) => (await client.execute(sql)).rows.map((r) => Array.from(r)),
      batch: run,
    });
    const queued = async () =>
      (await client.execute("SELECT receipt_id FROM log_pending ORDER BY rowid")).rows.map(
        (r) => r[0],
      );
    expect(await queued()).toEqual(["skipped"]);
    // From now on, the statement that stores a signed receipt queues it.
    await run([receipt("new", "d3"), receipt("old-style", null)]);
    expect(await queued()).toEqual(["skipped", "new"]);
    client.close();
  });

  it("unlink the receipts erased before 0011 from their previous ones, and no others", async () => {
    const client = createClient({ url: ":memory:" });
    const run = async (statements: readonly string[]) => {
      await client.batch([...statements], "write");
    };
    const upTo = migrations.findIndex((m) => m.tag === "0011_erased_receipt_links");
    await run([
      "CREATE TABLE __assent_migrations (tag TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)",
    ]);
    for (const m of migrations.slice(0, upTo)) {
      await run([...m.statements, `INSERT INTO __assent_migrations VALUES ('${m.tag}', 0)`]);
    }
    const receipt = (id: string, subject: string | null, previous: string | null) =>
      `INSERT INTO receipts (id, site_id, subject_id, server_time, policy_version, config_hash, language, method, decision, gpc, gpc_header, previous_id, erased_at) VALUES ('${id}', 1, ${subject ? `'${subject}'` : "NULL"}, 0, '1', 'h', 'en', 'custom', '{}', 0, 0, ${previous ? `'${previous}'` : "NULL"}, ${subject ? "NULL" : "5"})`;
    await run([
      "INSERT INTO sites (key, name, created_at) VALUES ('s', 'S', 0)",
      receipt("erased-1", null, null),
      receipt("erased-2", null, "erased-1"),
      receipt("kept-1", "subject", null),
      receipt("kept-2", "subject", "kept-1"),
    ]);
    await applyMigrations({
      query: async (sql) => (await client.execute(sql)).rows.map((r) => Array.from(r)),
      batch: run,
    });
    const links = await client.execute("SELECT id, previous_id FROM receipts ORDER BY id");
    expect(links.rows.map((r) => [r[0], r[1]])).toEqual([
      ["erased-1", null],
      ["erased-2", null],
      ["kept-1", null],
      ["kept-2", "kept-1"],
    ]);
    client.close();
  });
});
