import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { buildWorker } from "../../../scripts/build-worker";
import { receiptContract } from "../../test-support/receipt-contract";

const ORIGIN = "http://localhost:8787";

receiptContract("Worker on workerd (miniflare), D1", async () => {
  const dir = mkdtempSync(join(tmpdir(), "assent-worker-"));
  const scriptPath = await buildWorker(join(dir, "worker"));
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: join(dir, "worker"),
    compatibilityDate: "2026-04-15",
    d1Databases: { DB: "assent-contract" },
    d1Persist: join(dir, "d1"),
    bindings: {
      ASSENT_ADMIN_PASSWORD: "correct horse battery staple",
      RATE_LIMIT_IP: "off",
      PUBLIC_URL: ORIGIN,
    },
  });
  const d1 = await mf.getD1Database("DB");
  return {
    origin: ORIGIN,
    // Cloudflare's edge sets both CF-IPCountry and `request.cf.country`; the Worker reads the
    // latter, which a client cannot send.
    fetch: async (path, init) => {
      const country = new Headers(init?.headers).get("CF-IPCountry")?.toUpperCase();
      const cf = country ? { country } : undefined;
      return (await mf.dispatchFetch(`${ORIGIN}${path}`, { ...init, cf } as never)) as never;
    },
    scalar: async (sql) => {
      const row = await d1.prepare(sql).raw();
      return Number(row[0]?.[0] ?? 0);
    },
    // On Workers the visitor's address is Cloudflare's CF-Connecting-IP.
    expectedIp: "198.51.100.0",
    expectedJurisdiction: "DE",
    close: async () => {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
