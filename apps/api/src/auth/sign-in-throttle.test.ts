import { openLibsql } from "@assent/db/libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SignInThrottle } from "./sign-in-throttle";

let handle: Awaited<ReturnType<typeof openLibsql>>;
beforeEach(async () => {
  handle = await openLibsql({ url: ":memory:" });
});
afterEach(async () => handle.close());

describe("SignInThrottle", () => {
  it("refuses past the limit, and lets in again after the window", async () => {
    const t = new SignInThrottle(handle.db, { maxAttempts: 3, windowMs: 1000 });
    for (let i = 0; i < 3; i++) expect(await t.reserve(["a"], 0)).toBe(0);
    expect(await t.reserve(["a"], 10)).toBe(990);
    expect(await t.reserve(["b"], 10)).toBe(0);
    expect(await t.reserve(["a"], 1000)).toBe(0);
  });

  it("forgets attempts after a success", async () => {
    const t = new SignInThrottle(handle.db, { maxAttempts: 2, windowMs: 1000 });
    await t.reserve(["a"], 0);
    await t.reserve(["a"], 0);
    await t.succeed(["a"]);
    expect(await t.reserve(["a"], 0)).toBe(0);
  });

  it("counts parallel attempts exactly: no more than the limit get through", async () => {
    const t = new SignInThrottle(handle.db, { maxAttempts: 5, windowMs: 60_000 });
    const waits = await Promise.all(Array.from({ length: 40 }, () => t.reserve(["a", "b"], 0)));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
  });

  it("is shared by every throttle on the same database, as instances are", async () => {
    const a = new SignInThrottle(handle.db, { maxAttempts: 2, windowMs: 60_000 });
    const b = new SignInThrottle(handle.db, { maxAttempts: 2, windowMs: 60_000 });
    expect(await a.reserve(["k"], 0)).toBe(0);
    expect(await b.reserve(["k"], 0)).toBe(0);
    expect(await a.reserve(["k"], 0)).toBeGreaterThan(0);
    expect(await b.prune(60_001)).toBe(1);
    expect(await b.reserve(["k"], 60_001)).toBe(0);
  });
});
