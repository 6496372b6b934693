import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { decide, newSubjectId, uuidv7 } from "@assent/core";

const API_DIR = fileURLToPath(new URL("../", import.meta.url));

/**
 * Starts the real Node entry on 127.0.0.1 for a load run. Every request of a bench comes from
 * that one address, for one site: the per-address limit is off (`RATE_LIMIT_IP=off`); the
 * per-site limit is off too unless `siteLimit` keeps the default.
 */
export async function startBenchServer(
  dbFile: string,
  port: number,
  options: { siteLimit?: "default" | "off" } = {},
): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", "src/runtime/node/main.ts"], {
    cwd: API_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      ASSENT_ADMIN_PASSWORD: "bench-password-1",
      RATE_LIMIT_IP: "off",
      RATE_LIMIT_SITE: options.siteLimit === "default" ? "" : "off",
      DEMO_PORT: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return proc;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill("SIGKILL");
  throw new Error("the server did not start");
}

/**
 * Makes fresh receipt bodies for the demo site of a running bench server: each call a new
 * receipt id and subject, so every request is a real write (a repeated id is an idempotent 200).
 * `categories` is the visitor's choice; the decision is what the banner makes of it.
 */
export async function receiptBodies(
  base: string,
  categories: Record<string, boolean>,
): Promise<() => string> {
  const config = await (await fetch(`${base}/v1/sites/demo/config`)).json();
  const [head, tail] = JSON.stringify({
    id: "ID",
    siteKey: "demo",
    subjectId: "SUBJECT",
    policyVersion: config.config.policyVersion,
    configHash: config.hash,
    language: "en",
    method: "custom",
    // The complete decision the demo's banner makes for this choice (the API refuses any other).
    decision: decide(config.config, { categories }),
    gpc: false,
    pagePath: "/join/",
  }).split('"ID"');
  return () => `${head}"${uuidv7()}"${tail}`.replace("SUBJECT", newSubjectId());
}
