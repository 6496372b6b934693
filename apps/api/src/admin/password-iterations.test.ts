import { openLibsql } from "@assent/db/libsql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../app";
import { DEFAULT_ITERATIONS } from "../auth";
import { fixedOrigin } from "../network";
import { seed } from "../seed";

/**
 * Sign-in must take as long for an unknown address as for a known one. What decides the time is
 * the PBKDF2 work, so these tests count the iterations each request derives (not wall time): the
 * check made for an unknown account must use the count real hashes have on that runtime (100,000
 * on Workers, which refuse more; 600,000 on Node).
 */
const ORIGIN = "http://localhost:8787";
const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const close of closers.splice(0)) await close();
});

/** An app as a runtime entry builds it, seeded on first start with that runtime's count. */
async function runtime(passwordIterations: number | undefined) {
  const { db, close } = await openLibsql({ url: ":memory:" });
  closers.push(close);
  const now = Date.now();
  await seed(db, {
    origin: ORIGIN,
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    now,
    passwordIterations,
  });
  const app = createApp({
    db,
    sdk: { loaderSource: "", uiPath: "/sdk/ui.js" },
    client: () => ({ ip: "203.0.113.9", country: null }),
    origin: fixedOrigin(ORIGIN),
    rateLimits: false,
    ...(passwordIterations ? { passwordIterations } : {}),
  });
  const send = (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    send("POST", path, body, headers);
  return { post, send };
}

/** The iteration counts of every PBKDF2 derivation `work` makes. */
async function iterationsOf(work: () => Promise<unknown>): Promise<number[]> {
  const counts: number[] = [];
  const original = crypto.subtle.deriveBits.bind(crypto.subtle);
  const spy = vi.spyOn(crypto.subtle, "deriveBits").mockImplementation((algorithm, key, length) => {
    counts.push((algorithm as Pbkdf2Params).iterations);
    return original(algorithm, key, length);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return counts;
}

describe.each([
  ["Workers", 100_000, 100_000],
  ["Node", undefined, DEFAULT_ITERATIONS],
])("password work on %s", (_name, configured, expected) => {
  it("checks an unknown address with as many iterations as the seeded owner's hash", async () => {
    const { post } = await runtime(configured);
    const wrong = { ...OWNER, password: "not the password at all" };
    const unknown = { email: "nobody@example.org", password: "not the password at all" };
    const statuses: number[] = [];
    const known = await iterationsOf(async () =>
      statuses.push((await post("/v1/admin/session", wrong)).status),
    );
    const absent = await iterationsOf(async () =>
      statuses.push((await post("/v1/admin/session", unknown)).status),
    );
    expect(statuses).toEqual([401, 401]);
    expect(known).toEqual([expected]);
    expect(absent).toEqual([expected]);
  });

  it("accepting an invitation costs the same for a new and for an existing account", async () => {
    const { post } = await runtime(configured);
    const signedIn = await post("/v1/admin/session", OWNER);
    const headers = {
      Cookie: (signedIn.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "",
      "X-CSRF-Token": ((await signedIn.json()) as { csrfToken: string }).csrfToken,
    };
    const admin = async (path: string, body: unknown) =>
      (await post(path, body, headers)).json() as Promise<{ token: string }>;
    await admin("/v1/admin/sites", { key: "second", name: "Second" });
    const toDemo = await admin("/v1/admin/sites/demo/members", {
      email: "dpo@example.org",
      role: "viewer",
    });
    const toSecond = await admin("/v1/admin/sites/second/members", {
      email: "dpo@example.org",
      role: "viewer",
    });
    const password = "the dpo's long password";
    const accept = (token: string) => post("/v1/admin/invitations/accept", { token, password });
    const statuses: number[] = [];
    // The first acceptance creates the account; the second checks that account's password.
    const created = await iterationsOf(async () =>
      statuses.push((await accept(toDemo.token)).status),
    );
    const existing = await iterationsOf(async () =>
      statuses.push((await accept(toSecond.token)).status),
    );
    expect(statuses).toEqual([200, 200]);
    expect(created).toEqual([expected]);
    expect(existing).toEqual([expected]);
  });

  it("hashes a changed password with the runtime's count, so that runtime can check it", async () => {
    const { post, send } = await runtime(configured);
    const signedIn = await post("/v1/admin/session", OWNER);
    const headers = {
      Cookie: (signedIn.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "",
      "X-CSRF-Token": ((await signedIn.json()) as { csrfToken: string }).csrfToken,
    };
    const newPassword = "a changed long password";
    let status = 0;
    const work = await iterationsOf(async () => {
      const body = { currentPassword: OWNER.password, newPassword };
      status = (await send("PUT", "/v1/admin/account/password", body, headers)).status;
    });
    expect(status).toBe(200);
    // The current password checked, then the new one hashed.
    expect(work).toEqual([expected, expected]);
    expect((await post("/v1/admin/session", { ...OWNER, password: newPassword })).status).toBe(200);
  });
});
