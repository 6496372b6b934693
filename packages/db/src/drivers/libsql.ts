import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Database, DatabaseHandle } from "../database";
import { applyMigrations } from "../migrate";
import * as schema from "../schema";

/** Options for a libSQL database. */
export interface LibsqlOptions {
  /** `file:data/assent.db` (default driver), `:memory:`, or `libsql://...` / `http(s)://...`. */
  url: string;
  /** Token for a libSQL server or Turso. */
  authToken?: string;
}

function ensureDirectory(url: string): void {
  if (!url.startsWith("file:")) return;
  const path = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  mkdirSync(dirname(path), { recursive: true });
}

/**
 * Opens a libSQL database (embedded file, in-memory or remote) and applies pending migrations.
 * An embedded file is created on first use, with WAL journaling and full fsync so that a commit
 * survives a crash.
 * @example const { db, close } = await openLibsql({ url: "file:data/assent.db" });
 */
export async function openLibsql(
  options: LibsqlOptions,
): Promise<DatabaseHandle & { client: Client }> {
  ensureDirectory(options.url);
  const client = createClient({ url: options.url, authToken: options.authToken });
  const local = options.url.startsWith("file:") || options.url === ":memory:";
  if (local) {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = FULL");
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute("PRAGMA foreign_keys = ON");
  }
  await applyMigrations({
    async query(sql) {
      const result = await client.execute(sql);
      return result.rows.map((row) => Array.from(row));
    },
    async batch(statements) {
      await client.batch(statements, "write");
    },
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    client,
    driver: local ? "libsql-file" : "libsql-remote",
    close: async () => client.close(),
  };
}
