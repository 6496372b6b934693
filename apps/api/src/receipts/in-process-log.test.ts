import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLibsql } from "@assent/db/libsql";
import { seed } from "../seed";
import { appendLogContract } from "./append-log.contract";
import { inProcessLog } from "./in-process-log";

/** A seeded libSQL database at `url`, its in-process log, and reads through the same client. */
async function target(url: string, maxParams?: number) {
  const handle = await openLibsql({ url });
  await seed(handle.db, { origin: "http://x", ownerEmail: "o@x.org", now: 1 });
  return {
    log: inProcessLog(handle.db, { maxParams }),
    scalar: async (sql: string) => Number((await handle.client.execute(sql)).rows[0]?.[0] ?? 0),
    close: () => handle.close(),
  };
}

appendLogContract("in process, libSQL in memory, D1's 100 parameters a statement", () =>
  target(":memory:"),
);

appendLogContract("in process, libSQL file, 30,000 parameters a statement", async () => {
  const dir = mkdtempSync(join(tmpdir(), "assent-log-"));
  const t = await target(`file:${join(dir, "assent.db")}`, 30_000);
  return {
    ...t,
    close: async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
