import { existsSync } from "node:fs";
import { join } from "node:path";
import { localClient } from "@assent/db/libsql";

/**
 * Runs once every spec has: the libSQL file both instances shared all along must still be
 * sound. A malformed page (a checkpoint that overlapped a commit, see `@assent/db`'s README)
 * can pass every request that does not read it; `PRAGMA integrity_check` reads them all, and the
 * run fails on anything but `ok`.
 */
export default async function globalTeardown(): Promise<void> {
  const file = join(process.env.E2E_DIR as string, "assent.db");
  if (!existsSync(file)) return;
  const client = localClient(`file:${file}`);
  try {
    const result = await client.execute("PRAGMA integrity_check");
    const found = result.rows.map((row) => String(row[0]));
    if (found.join() !== "ok")
      throw new Error(`the instances' database is damaged: ${found.slice(0, 10).join("; ")}`);
  } finally {
    client.close();
  }
}
