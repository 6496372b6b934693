import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLibsql } from "@assent/db/libsql";
import { receiptContract } from "../../test-support/receipt-contract";
import { startNodeServer } from "./server";

/** Loopback port of this suite (the 8810-8819 range is kept for API tests). */
const PORT = 8811;

receiptContract("Node server, libSQL file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "assent-contract-"));
  const url = `file:${join(dir, "assent.db")}`;
  const server = await startNodeServer({
    port: PORT,
    hostname: "127.0.0.1",
    databaseUrl: url,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    // Every request of the suite comes from one loopback address.
    rateLimits: { perIp: false },
  });
  const reader = await openLibsql({ url });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    origin,
    fetch: (path, init) => fetch(`${origin}${path}`, init),
    scalar: async (sql) => Number((await reader.client.execute(sql)).rows[0]?.[0] ?? 0),
    // The Node entry trusts the socket, never a client-sent header.
    expectedIp: "127.0.0.0",
    expectedJurisdiction: null,
    close: async () => {
      await reader.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
