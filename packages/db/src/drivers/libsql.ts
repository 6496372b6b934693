import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Database, DatabaseHandle } from "../database";
import { applyMigrations } from "../migrate";
import * as schema from "../schema";
import { LOCAL_PRAGMAS, localClient } from "./local-client";

export {
  LOCAL_BUSY_TIMEOUT_MS,
  LOCAL_PRAGMAS,
  localClient,
  truncateWriteAheadLog,
} from "./local-client";

/** Options for a libSQL database. */
export interface LibsqlOptions {
  /** `file:data/assent.db` (default driver), `:memory:`, or `libsql://...` / `http(s)://...`. */
  url: string;
  /** Token for a libSQL server or Turso. */
  authToken?: string;
}

/** The filesystem path of a `file:` URL (`file:data/x.db`, `file:/abs/x.db`, `file:///abs/x.db`). */
export function localFilePath(url: string): string {
  const bare = url.split("?")[0] as string;
  return bare.startsWith("file://") ? fileURLToPath(bare) : bare.slice("file:".length);
}

function ensureDirectory(url: string): void {
  if (!url.startsWith("file:")) return;
  mkdirSync(dirname(localFilePath(url)), { recursive: true });
}

/**
 * Opens a libSQL database (embedded file, in-memory or remote) and applies pending migrations.
 * An embedded file is created on first use, with WAL journaling and full fsync so that a commit
 * survives a crash; its client recovers from lock timeouts (see {@link localClient}).
 * @example const { db, close } = await openLibsql({ url: "file:data/assent.db" });
 */
export async function openLibsql(
  options: LibsqlOptions,
): Promise<DatabaseHandle & { client: Client }> {
  ensureDirectory(options.url);
  const file = options.url.startsWith("file:");
  const local = file || options.url === ":memory:";
  const client = file
    ? localClient(options.url)
    : createClient({ url: options.url, authToken: options.authToken });
  if (options.url === ":memory:") {
    for (const pragma of LOCAL_PRAGMAS) await client.execute(pragma);
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
