import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { type DatabaseHandle, openDatabase } from "../database";
import { LOCAL_PRAGMAS, localClient } from "./local-client";

export {
  COMMIT_BUSY_TIMEOUT_MS,
  type CommitThread,
  startCommitThread,
} from "./commit-thread";
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

/**
 * Whether the URL names an in-memory database (`:memory:`, `file::memory:`, `?mode=memory`): one
 * that exists only on the connection that opened it, with no file for another connection to open.
 */
export function isMemoryUrl(url: string): boolean {
  const [bare = "", query = ""] = url.split("?");
  return bare === ":memory:" || bare === "file::memory:" || /(^|&)mode=memory(&|$)/.test(query);
}

/**
 * The filesystem path of a `file:` URL (`file:data/x.db`, `file:/abs/x.db`, `file:///abs/x.db`).
 * Throws for anything else: an in-memory or remote database has no path.
 */
export function localFilePath(url: string): string {
  if (!url.startsWith("file:") || isMemoryUrl(url)) {
    throw new Error(`"${url}" is not a database file (expected file:PATH)`);
  }
  const bare = url.split("?")[0] as string;
  return bare.startsWith("file://") ? fileURLToPath(bare) : bare.slice("file:".length);
}

/** The client for the URL and the driver's name: the embedded file, in memory, or remote. */
function connect(options: LibsqlOptions): { client: Client; driver: string } {
  if (isMemoryUrl(options.url)) {
    return { client: createClient({ url: options.url }), driver: "libsql-memory" };
  }
  if (options.url.startsWith("file:")) {
    mkdirSync(dirname(localFilePath(options.url)), { recursive: true });
    return { client: localClient(options.url), driver: "libsql-file" };
  }
  const client = createClient({ url: options.url, authToken: options.authToken });
  return { client, driver: "libsql-remote" };
}

/**
 * Opens a libSQL database (embedded file, in-memory or remote) and applies pending migrations.
 * An embedded file is created on first use, with WAL journaling and full fsync so that a commit
 * survives a crash; its client recovers from lock timeouts (see {@link localClient}). An
 * in-memory database lives on this client's one connection only (driver `libsql-memory`).
 * @example const { db, close } = await openLibsql({ url: "file:data/assent.db" });
 */
export async function openLibsql(
  options: LibsqlOptions,
): Promise<DatabaseHandle & { client: Client }> {
  const { client, driver } = connect(options);
  if (driver === "libsql-memory") {
    for (const pragma of LOCAL_PRAGMAS) await client.execute(pragma);
  }
  const handle = await openDatabase({
    driver,
    drizzle: (config) => drizzle(client, config),
    migrations: {
      async query(sql) {
        const result = await client.execute(sql);
        return result.rows.map((row) => Array.from(row));
      },
      async batch(statements) {
        await client.batch(statements, "write");
      },
    },
    close: async () => client.close(),
  });
  return { ...handle, client };
}
