import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLibsql } from "@assent/db/libsql";
import { runDailyRetention } from "../../retention";
import { type AdminContractTarget, adminContract } from "../../test-support/admin-contract";
import { receiptContract } from "../../test-support/receipt-contract";
import { startNodeServer } from "./server";

const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };

/** The Node server on a free loopback port with a fresh libSQL file; its origin is 127.0.0.1's. */
async function startNode() {
  const dir = mkdtempSync(join(tmpdir(), "assent-contract-"));
  const url = `file:${join(dir, "assent.db")}`;
  const server = await startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: url,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    // Every request of the suite comes from one loopback address.
    rateLimits: { perIp: false },
  });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    url,
    origin,
    fetch: (path: string, init?: RequestInit) => fetch(`${origin}${path}`, init),
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

receiptContract("Node server, libSQL file", async () => {
  const node = await startNode();
  const reader = await openLibsql({ url: node.url });
  return {
    ...node,
    scalar: async (sql) => Number((await reader.client.execute(sql)).rows[0]?.[0] ?? 0),
    // The Node entry trusts the socket, never a client-sent header.
    expectedIp: "127.0.0.0",
    expectedJurisdiction: null,
    close: async () => {
      await reader.close();
      await node.close();
    },
  };
});

adminContract("Node server, libSQL file", async (): Promise<AdminContractTarget> => {
  const node = await startNode();
  // The job `schedulePurge` runs daily, here at a chosen time, on a connection of its own.
  const purger = await openLibsql({ url: node.url });
  return {
    ...node,
    owner: OWNER,
    placesVisitors: false,
    purge: async (at) => {
      if (!(await runDailyRetention(purger.db, at, { runner: "contract", log: () => {} })))
        throw new Error("the day's retention run was already claimed");
    },
    close: async () => {
      await purger.close();
      await node.close();
    },
  };
});
