import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type HttpTarget,
  postReceipts,
  receiptFor,
  signIn,
  siteConfig,
} from "../../test-support/http-client";
import { type NodeServer, startNodeServer } from "./server";

const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };

let server: NodeServer;
let target: HttpTarget;
beforeAll(async () => {
  server = await startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: ":memory:",
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    rateLimits: false,
  });
  const origin = `http://127.0.0.1:${server.port}`;
  target = { origin, fetch: (path, init) => fetch(`${origin}${path}`, init) };
});
afterAll(async () => server?.close());

describe("the Node server on an in-memory database (databaseUrl `:memory:`)", () => {
  it("stores, reads and erases receipts in its own memory, writing no file", async () => {
    const config = await siteConfig(target, "demo");
    const receipts = [1, 2, 3].map(() => receiptFor("demo", config));
    await postReceipts(target, receipts);
    const [first] = receipts;
    if (!first) throw new Error("no receipt");
    const read = await target.fetch(`/v1/receipts/${first.id}`, {
      headers: { "X-Assent-Subject": first.subjectId },
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: first.id, decision: first.decision });

    const owner = await signIn(target, OWNER);
    const erased = await owner.request("DELETE", `/v1/admin/subjects/${first.subjectId}?site=demo`);
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ erased: 1, receiptIds: [first.id] });
    const listed = await owner.json<{ items: unknown[] }>("GET", "/v1/admin/receipts?site=demo");
    expect(listed.items).toHaveLength(3);
    // `:memory:` read as a file URL names the file `ry:`, in the working directory.
    expect(existsSync(join(process.cwd(), "ry:"))).toBe(false);
    expect(server.driver).toBe("libsql-memory");
  });
});
