import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decide, newSubjectId, uuidv7 } from "@assent/core";
import { openLibsql } from "@assent/db/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../test-support/free-port";

/** Loopback port of this test's server process: a free one, chosen before it starts. */
let PORT = 0;
let BASE = "";
const API_DIR = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "assent-durability-"));
const DB_URL = `file:${join(dir, "assent.db")}`;
let child: ChildProcess | undefined;
/** Categories of the demo's configuration: each receipt stores one row per category. */
let categoriesShown = 0;

beforeAll(async () => {
  PORT = await freePort();
  BASE = `http://127.0.0.1:${PORT}`;
});
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the real Node entry (`src/runtime/node/main.ts`) as its own process. */
async function startServer(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", "src/runtime/node/main.ts"], {
    cwd: API_DIR,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: DB_URL,
      ASSENT_ADMIN_PASSWORD: "correct horse battery staple",
      RATE_LIMIT_IP: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return proc;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill("SIGKILL");
  throw new Error("server did not start within 15 s");
}

describe("durability", () => {
  it("keeps every receipt acknowledged with 201 across a kill -9 mid-load, each once", async () => {
    child = await startServer();
    const config = await (await fetch(`${BASE}/v1/sites/demo/config`)).json();
    categoriesShown = config.config.categories.length;
    const acknowledged: string[] = [];
    /** Bodies sent whose answer never came (the kill cut them off): their fate is unknown. */
    const unanswered = new Map<string, string>();
    const bodies = new Map<string, string>();
    let stop = false;

    const send = (body: string) =>
      fetch(`${BASE}/v1/receipts`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
    const worker = async () => {
      while (!stop) {
        const id = uuidv7();
        const body = JSON.stringify({
          id,
          siteKey: "demo",
          subjectId: newSubjectId(),
          policyVersion: config.config.policyVersion,
          configHash: config.hash,
          language: "en",
          method: "reject-all",
          decision: decide(config.config, {}),
          gpc: false,
        });
        bodies.set(id, body);
        try {
          const res = await send(body);
          if (res.status === 201) acknowledged.push(id);
          else await res.body?.cancel();
        } catch {
          unanswered.set(id, body);
          return; // the server is gone
        }
      }
    };
    // Sustained load: 32 concurrent senders for at least 3 s, then kill -9 mid-stream.
    const load = Array.from({ length: 32 }, worker);
    const started = Date.now();
    while (Date.now() - started < 3000 || acknowledged.length < 500) {
      if (Date.now() - started > 10_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    await Promise.all(load);
    stop = true;
    expect(acknowledged.length).toBeGreaterThan(100);
    expect(unanswered.size).toBeGreaterThan(0);

    // After the restart the clients retry: what was acknowledged is found (200), never stored
    // again; what was cut off is stored now (201) or was already (200).
    child = await startServer();
    const retried = [...acknowledged.slice(0, 200), ...unanswered.keys()];
    const answers = await Promise.all(
      retried.map(async (id) => [id, (await send(bodies.get(id) ?? "")).status] as const),
    );
    const acked = new Set(acknowledged);
    for (const [id, status] of answers) {
      if (acked.has(id)) expect(status).toBe(200);
      else expect([200, 201]).toContain(status);
    }
    child.kill("SIGKILL");
    await new Promise((r) => child?.once("exit", r));

    const { client, close } = await openLibsql({ url: DB_URL });
    const stored = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 500) {
      const part = acknowledged.slice(i, i + 500);
      const rows = await client.execute({
        sql: `SELECT id FROM receipts WHERE id IN (${part.map(() => "?").join(",")})`,
        args: part,
      });
      for (const row of rows.rows) stored.add(String(row.id));
    }
    const scalar = async (sql: string) => Number((await client.execute(sql)).rows[0]?.[0]);
    const total = await scalar("SELECT count(*) FROM receipts");
    const distinct = await scalar("SELECT count(DISTINCT id) FROM receipts");
    // Every body carried its own subject: the same receipt stored twice would repeat one.
    const subjects = await scalar("SELECT count(DISTINCT subject_id) FROM receipts");
    const categories = await scalar("SELECT count(*) FROM receipt_categories");
    const rolledUp = await scalar("SELECT coalesce(sum(count), 0) FROM daily_method_stats");
    await close();

    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(distinct).toBe(total);
    expect(subjects).toBe(total);
    expect(total).toBeGreaterThanOrEqual(acknowledged.length + unanswered.size);
    expect(total).toBeLessThanOrEqual(bodies.size);
    // Receipt, category rows and rollups commit together or not at all.
    expect(categories).toBe(total * categoriesShown);
    expect(rolledUp).toBe(total);
  }, 45_000);
});
