import {
  acceptAll,
  type Choice,
  CSRF_HEADER,
  decide,
  defaultSiteConfig,
  newSubjectId,
  type ReceiptInput,
  type Role,
  uuidv7,
} from "@assent/core";
import { siteMembers, sites, users } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { eq } from "drizzle-orm";
import { createApp } from "../app";
import { hashPassword } from "../auth";
import type { InvocationBudget, RateLimits } from "../limits";
import { fixedOrigin, resolveClient, type TrustProxy } from "../network";
import { seed } from "../seed";
import { latestConfig, type PublishedConfig, publishConfig } from "../sites";

/** The public origin of a test app unless a test chooses another. */
export const TEST_ORIGIN = "http://localhost:8787";

/**
 * PBKDF2 iterations of a test app's password hashes (the seeded owner's, new ones, and the check
 * made for an unknown account): the same derivation as in production at
 * a cost no test depends on, since a sign-in at 600,000 takes about 150 ms of CPU and the admin
 * tests sign in hundreds of times. What a runtime uses is checked by password-iterations.test.ts.
 */
export const TEST_PASSWORD_ITERATIONS = 1000;

/** Credentials of the owner every test app is seeded with. */
export const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };

/**
 * A real app on a real in-memory libSQL database, seeded like a first start. For tests only.
 */
export async function createTestApp(
  options: {
    url?: string;
    /** The visitor address every request comes from (or a function read per request). */
    clientIp?: string | null | (() => string | null);
    now?: () => number;
    /** Receipt rate limits; off unless a test sets them (tests post many receipts at once). */
    rateLimits?: RateLimits | false;
    /** The API's public origin (`http://localhost:8787` unless a test sets it). */
    publicOrigin?: string;
    /** Whose forwarded headers to believe (the socket is `clientIp`); nobody by default. */
    trustProxy?: TrustProxy;
    /** Witness URLs may name private addresses and use http (refused by default). */
    witnessPrivateNetworks?: boolean;
    /** What one request may do, as a runtime with limits sets it (none by default, as Node). */
    budget?: InvocationBudget;
  } = {},
) {
  const trust = options.trustProxy ?? { kind: "none" };
  const handle = await openLibsql({ url: options.url ?? ":memory:" });
  await seed(handle.db, {
    origin: options.publicOrigin ?? TEST_ORIGIN,
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    now: Date.now(),
    passwordIterations: TEST_PASSWORD_ITERATIONS,
  });
  const app = createApp({
    db: handle.db,
    sdk: {
      loaderSource: "/* loader */",
      uiPath: "/sdk/ui-test.js",
      autoblockSource: "/* autoblock */",
    },
    client: (c) => {
      const ip = options.clientIp;
      const socket = typeof ip === "function" ? ip() : ip === undefined ? "203.0.113.77" : ip;
      return resolveClient(socket, (name) => c.req.header(name), trust);
    },
    origin: fixedOrigin(options.publicOrigin ?? TEST_ORIGIN),
    rateLimits: options.rateLimits ?? false,
    passwordIterations: TEST_PASSWORD_ITERATIONS,
    ...(options.witnessPrivateNetworks ? { witnessPrivateNetworks: true } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const [site] = await handle.db.query.sites.findMany({ limit: 1 });
  const config = site ? await latestConfig(handle.db, site.id) : null;
  if (!config) throw new Error("seed did not publish a config");

  /**
   * A valid receipt for a site under one of its published configs: what its banner sends (all
   * granted; nothing but the required for `reject-all` and `withdraw`) unless overridden.
   */
  const receiptFor = (
    siteKey: string,
    published: PublishedConfig,
    overrides: Partial<ReceiptInput> = {},
  ): ReceiptInput => ({
    id: uuidv7(),
    siteKey,
    subjectId: newSubjectId(),
    policyVersion: published.config.policyVersion,
    configHash: published.hash,
    language: "en",
    method: "accept-all",
    decision: /^(reject-all|withdraw)$/.test(overrides.method ?? "")
      ? decide(published.config, {})
      : acceptAll(published.config),
    gpc: false,
    pagePath: "/demo/",
    previousId: null,
    ...overrides,
  });

  /** A valid receipt for the demo site. */
  const receipt = (overrides: Partial<ReceiptInput> = {}) => receiptFor("demo", config, overrides);

  /** A complete decision for the demo's published config: what its banner sends for `choice`. */
  const decision = (choice: Choice = {}) => decide(config.config, choice);

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

  /** A signed-in dashboard: its cookie and CSRF token, and a way to call the admin API. */
  const admin = async (credentials = OWNER) => {
    const res = await post("/v1/admin/session", credentials);
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    const cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const request = (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.request(path, {
        method,
        headers: {
          Cookie: cookie,
          [CSRF_HEADER]: csrfToken,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
        },
        body:
          body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
    return { cookie, csrfToken, request, get: (path: string) => request("GET", path) };
  };

  /** Creates a site with the default configuration published. */
  const addSite = async (key: string) => {
    const [row] = await handle.db
      .insert(sites)
      .values({ key, name: `Site ${key}`, createdAt: Date.now() })
      .returning();
    if (!row) throw new Error("site not created");
    const published = await publishConfig(handle.db, row.id, defaultSiteConfig(key), {
      now: Date.now(),
    });
    return { ...row, config: published };
  };

  /** Creates (or reuses) a user with a role on a site; returns the credentials. */
  const addUser = async (email: string, role: Role, siteKey = "demo") => {
    const password = `pw-${email}-long-enough`;
    let [user] = await handle.db.select().from(users).where(eq(users.email, email));
    if (!user) {
      [user] = await handle.db
        .insert(users)
        .values({
          email,
          name: email,
          passwordHash: await hashPassword(password, TEST_PASSWORD_ITERATIONS),
          createdAt: Date.now(),
        })
        .returning();
    }
    const [site] = await handle.db.select().from(sites).where(eq(sites.key, siteKey));
    if (!user || !site) throw new Error("user or site missing");
    await handle.db.insert(siteMembers).values({ userId: user.id, siteId: site.id, role });
    return { email, password, id: user.id };
  };

  return {
    app,
    admin,
    addSite,
    addUser,
    db: handle.db,
    client: handle.client,
    config,
    decision,
    receipt,
    receiptFor,
    post,
    signIn,
    close: handle.close,
  };
}
