import { gzipSync } from "node:zlib";
import { openLibsql } from "@assent/db/libsql";
import { describe, expect, it } from "vitest";
// The SDK's byte budgets: one list for every file a visitor downloads.
import { BUDGETS } from "../../../../packages/sdk/checks/budgets";
import { createApp } from "../app";
import { fixedOrigin, resolveClient } from "../network";
import { readSdkBundle } from "../runtime/node/assets";
import { seed } from "../seed";

/**
 * What a returning visitor of the demo site downloads on every page view: `/s/demo.js`, the
 * built loader with the seeded demo config inlined (`loaderConfig`), from a consent host on its
 * own HTTPS origin, as the real app serves it. Needs the SDK built (`pnpm build`).
 */
async function demoLoader(): Promise<string> {
  const handle = await openLibsql({ url: ":memory:" });
  const origin = "https://consent.example.org";
  await seed(handle.db, {
    origin,
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    now: Date.now(),
  });
  const app = createApp({
    db: handle.db,
    sdk: readSdkBundle(),
    client: (c) => resolveClient("203.0.113.77", (name) => c.req.header(name), { kind: "none" }),
    origin: fixedOrigin(origin),
    rateLimits: false,
  });
  try {
    const res = await app.request(`${origin}/s/demo.js`);
    expect(res.status).toBe(200);
    return await res.text();
  } finally {
    handle.close();
  }
}

describe("the demo's loader with its config (a returning visitor's page view)", () => {
  it(`stays within ${BUDGETS.loaderWithDemoConfig} bytes gzip`, async () => {
    const body = await demoLoader();
    const size = gzipSync(body, { level: 9 }).length;
    console.log(
      `[size] loader with the demo's config ${size} B of ${BUDGETS.loaderWithDemoConfig} B (gzip -9)`,
    );
    expect(size, `${size - BUDGETS.loaderWithDemoConfig} B over`).toBeLessThanOrEqual(
      BUDGETS.loaderWithDemoConfig,
    );
  });
});
