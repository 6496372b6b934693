import { newSubjectId, type ReceiptInput, uuidv7 } from "@assent/core";
import { openLibsql } from "@assent/db/libsql";
import { createApp } from "../app";
import { seed } from "../seed";
import { latestConfig } from "../sites";

/** Credentials of the owner every test app is seeded with. */
export const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };

/**
 * A real app on a real in-memory libSQL database, seeded like a first start. For tests only.
 */
export async function createTestApp(options: { url?: string; clientIp?: string | null } = {}) {
  const handle = await openLibsql({ url: options.url ?? ":memory:" });
  await seed(handle.db, {
    origin: "http://localhost:8787",
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    now: Date.now(),
  });
  const app = createApp({
    db: handle.db,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    clientIp: () => (options.clientIp === undefined ? "203.0.113.77" : options.clientIp),
  });
  const [site] = await handle.db.query.sites.findMany({ limit: 1 });
  const config = site ? await latestConfig(handle.db, site.id) : null;
  if (!config) throw new Error("seed did not publish a config");

  /** A valid receipt for the demo site. */
  const receipt = (overrides: Partial<ReceiptInput> = {}): ReceiptInput => ({
    id: uuidv7(),
    siteKey: "demo",
    subjectId: newSubjectId(),
    policyVersion: config.config.policyVersion,
    configHash: config.hash,
    language: "en",
    method: "accept-all",
    decision: {
      categories: {
        necessary: true,
        preferences: true,
        analytics: true,
        marketing: true,
        embeds: true,
      },
      services: { "google-analytics": true, youtube: true, twitter: true },
    },
    gpc: false,
    pagePath: "/demo/",
    previousId: null,
    ...overrides,
  });

  /** POSTs JSON (or raw text) to the app. */
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  /** Signs in as the owner; returns the Cookie header to send. */
  const signIn = async (credentials = OWNER): Promise<string> => {
    const res = await post("/v1/admin/session", credentials);
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    return cookie.split(";")[0] ?? "";
  };

  return {
    app,
    db: handle.db,
    client: handle.client,
    config,
    receipt,
    post,
    signIn,
    close: handle.close,
  };
}
