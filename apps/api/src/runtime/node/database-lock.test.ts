import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acceptAll, newSubjectId, type SiteConfig, uuidv7 } from "@assent/core";
import { COMMIT_BUSY_TIMEOUT_MS, localClient } from "@assent/db/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NodeServer, startNodeServer } from "./server";

/** This suite's server, on any free loopback port (set once it listens). */
let BASE = "";
const dir = mkdtempSync(join(tmpdir(), "assent-lock-"));
const DB_URL = `file:${join(dir, "assent.db")}`;
let server: NodeServer;
let config: { hash: string; config: SiteConfig };

beforeAll(async () => {
  server = await startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: DB_URL,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    rateLimits: false,
  });
  BASE = `http://127.0.0.1:${server.port}`;
  config = await (await fetch(`${BASE}/v1/sites/demo/config`)).json();
}, 30_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another process that takes the database's write lock and holds it until told to let go. */
async function lockingProcess(): Promise<{ release(): Promise<void>; proc: ChildProcess }> {
  const clientPath = createRequire(import.meta.resolve("@assent/db/libsql")).resolve(
    "@libsql/client",
  );
  const script = `
    const { createClient } = require(${JSON.stringify(clientPath)});
    const client = createClient({ url: ${JSON.stringify(DB_URL)} });
    (async () => {
      // BEGIN IMMEDIATE: the write lock (what EXCLUSIVE amounts to in WAL mode), held open.
      const tx = await client.transaction("write");
      await tx.execute("SELECT count(*) FROM receipts");
      process.stdout.write("locked\\n");
      process.stdin.once("data", async () => {
        await tx.commit();
        process.stdout.write("released\\n");
        client.close();
        process.exit(0);
      });
    })().catch((err) => { console.error(err); process.exit(1); });
  `;
  const proc = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      proc.stdout?.on("data", (d: Buffer) => d.toString().includes(word) && resolve());
      proc.once("exit", (code) => reject(new Error(`locking process exited with ${code}`)));
    });
  await said("locked");
  return {
    proc,
    release: async () => {
      const released = said("released");
      proc.stdin?.write("go\n");
      await released;
    },
  };
}

const receipt = () => ({
  id: uuidv7(),
  siteKey: "demo",
  subjectId: newSubjectId(),
  policyVersion: config.config.policyVersion,
  configHash: config.hash,
  language: "en",
  method: "accept-all",
  decision: acceptAll(config.config),
  gpc: false,
});
const post = (body: unknown) =>
  fetch(`${BASE}/v1/receipts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("database locked by another process", () => {
  it("answers 503 DATABASE_BUSY with Retry-After within a bound, then recovers", async () => {
    const lock = await lockingProcess();
    let released = false;
    try {
      const held = [receipt(), receipt(), receipt()];
      const start = performance.now();
      const answers = await Promise.all(held.map(post));
      const took = performance.now() - start;
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.headers.get("Retry-After")).toBe("2");
        expect(await res.json()).toEqual({
          error: { code: "DATABASE_BUSY", message: expect.stringContaining("locked") },
        });
      }
      expect(took).toBeGreaterThanOrEqual(COMMIT_BUSY_TIMEOUT_MS - 200);
      expect(took).toBeLessThan(COMMIT_BUSY_TIMEOUT_MS + 1500);
      // The server keeps serving reads meanwhile.
      expect((await fetch(`${BASE}/healthz`)).status).toBe(200);

      await lock.release();
      released = true;
      const again = await Promise.all(held.map(post));
      expect(again.map((r) => r.status)).toEqual([201, 201, 201]);
      const repeat = await post(held[0]);
      expect(repeat.status).toBe(200);
      // Nothing in the server kept the lock: another connection writes at once, and so do the
      // admin routes (on the server's own connection) and the receipt writer again.
      const other = localClient(DB_URL, 200);
      try {
        await other.execute({
          sql: "INSERT INTO sites (key, name, allowed_origins, created_at) VALUES (?, 'x', '[]', ?)",
          args: ["after-lock", Date.now()],
        });
      } finally {
        other.close();
      }
      const signIn = await fetch(`${BASE}/v1/admin/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: BASE },
        body: JSON.stringify({
          email: "owner@example.org",
          password: "correct horse battery staple",
        }),
      });
      expect(signIn.status).toBe(200);
      expect((await post(receipt())).status).toBe(201);
    } finally {
      if (!released) lock.proc.kill("SIGKILL");
    }
  }, 20_000);
});
