import { adminContract } from "../../test-support/admin-contract";
import { receiptContract } from "../../test-support/receipt-contract";
import { startWorker, WORKER_OWNER } from "./worker-on-workerd";

receiptContract("Worker on workerd (miniflare), D1", async () => {
  const w = await startWorker();
  return {
    origin: w.origin,
    fetch: w.fetch,
    scalar: async (sql) => {
      const row = await w.d1.prepare(sql).raw();
      return Number(row[0]?.[0] ?? 0);
    },
    // On Workers the visitor's address is Cloudflare's CF-Connecting-IP.
    expectedIp: "198.51.100.0",
    expectedJurisdiction: "DE",
    close: w.close,
  };
});

adminContract("Worker on workerd (miniflare), D1", async () => {
  const w = await startWorker();
  return {
    origin: w.origin,
    fetch: w.fetch,
    owner: WORKER_OWNER,
    placesVisitors: true,
    // The Cron Trigger, as if it were due at `at`.
    purge: async (at) => {
      const { outcome } = await w.scheduled(at);
      if (outcome !== "ok") throw new Error(`the scheduled purge ended with ${outcome}`);
    },
    close: w.close,
  };
});
