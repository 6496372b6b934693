import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CSRF_HEADER, newSubjectId, uuidv7 } from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiptFor } from "../../test-support/http-client";
import { type NodeServer, startNodeServer } from "./server";

/** An erasure must reach the disk: the database file and its write-ahead log are grepped. */
const PUBLIC = "https://consent.example.org";
const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };
const dir = mkdtempSync(join(tmpdir(), "assent-erasure-"));
const file = join(dir, "assent.db");
let server: NodeServer;

beforeAll(async () => {
  server = await startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${file}`,
    publicUrl: PUBLIC,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    rateLimits: false,
  });
}, 30_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
const headers = { "Content-Type": "application/json", Origin: PUBLIC };

/** Every file of the database (main file, write-ahead log, shared memory) as raw bytes. */
function rawFiles(): Buffer {
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)),
  );
}

describe("erasure on disk", () => {
  it("leaves neither the subject id nor its page path in the database files", async () => {
    const config = await (await fetch(url("/v1/sites/demo/config"))).json();
    const subjectId = newSubjectId();
    const pagePath = `/members/only-${uuidv7().slice(-12)}`;
    for (let i = 0; i < 8; i++) {
      const res = await fetch(url("/v1/receipts"), {
        method: "POST",
        headers,
        body: JSON.stringify(
          receiptFor("demo", config, { method: "reject-all", subjectId, pagePath }),
        ),
      });
      expect(res.status).toBe(201);
    }
    expect(rawFiles().includes(subjectId)).toBe(true);

    const session = await fetch(url("/v1/admin/session"), {
      method: "POST",
      headers,
      body: JSON.stringify(OWNER),
    });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const cookie = session.headers.get("set-cookie")?.split(";")[0] ?? "";
    const erase = await fetch(url(`/v1/admin/subjects/${subjectId}?site=demo`), {
      method: "DELETE",
      headers: { ...headers, Cookie: cookie, [CSRF_HEADER]: csrfToken },
    });
    expect(erase.status).toBe(200);
    expect((await erase.json()).erased).toBe(8);

    const raw = rawFiles();
    expect(raw.includes(subjectId), "subject id on disk").toBe(false);
    expect(raw.includes(pagePath), "page path on disk").toBe(false);
  });
});
