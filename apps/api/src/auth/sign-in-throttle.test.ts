import { openLibsql } from "@assent/db/libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SignInThrottle, signInRules, type ThrottleRule } from "./sign-in-throttle";

let handle: Awaited<ReturnType<typeof openLibsql>>;
beforeEach(async () => {
  handle = await openLibsql({ url: ":memory:" });
});
afterEach(async () => handle.close());

const rule = (
  key: string,
  maxAttempts: number,
  over: ThrottleRule["over"] = "refuse",
  onSuccess: ThrottleRule["onSuccess"] = "clear",
): ThrottleRule => ({ key, maxAttempts, windowMs: 1000, over, onSuccess });

describe("SignInThrottle", () => {
  it("refuses past the limit, and lets in again after the window", async () => {
    const t = new SignInThrottle(handle.db);
    for (let i = 0; i < 3; i++) expect((await t.reserve([rule("a", 3)], 0)).waitMs).toBe(0);
    expect((await t.reserve([rule("a", 3)], 10)).waitMs).toBe(990);
    expect((await t.reserve([rule("b", 3)], 10)).waitMs).toBe(0);
    expect((await t.reserve([rule("a", 3)], 1000)).waitMs).toBe(0);
  });

  it("slows rather than refuses past a `slow` limit, more with each attempt", async () => {
    const t = new SignInThrottle(handle.db);
    expect(await t.reserve([rule("acct", 1, "slow")], 0)).toEqual({ waitMs: 0, slowMs: 0 });
    expect(await t.reserve([rule("acct", 1, "slow")], 0)).toEqual({ waitMs: 0, slowMs: 250 });
    expect(await t.reserve([rule("acct", 1, "slow")], 0)).toEqual({ waitMs: 0, slowMs: 500 });
  });

  it("after a success, forgets the attempts a success clears, and takes back its own from the others", async () => {
    const t = new SignInThrottle(handle.db);
    const rules = [rule("a", 2), rule("b", 2, "refuse", "uncount")];
    await t.reserve(rules, 0); // a failure
    await t.reserve(rules, 0); // the success
    await t.succeed(rules);
    // "a": all forgotten, two more go through. "b": one failure left, so one more does.
    expect((await t.reserve([rules[0] as ThrottleRule], 0)).waitMs).toBe(0);
    expect((await t.reserve([rules[0] as ThrottleRule], 0)).waitMs).toBe(0);
    expect((await t.reserve([rules[1] as ThrottleRule], 0)).waitMs).toBe(0);
    expect((await t.reserve([rules[1] as ThrottleRule], 0)).waitMs).toBeGreaterThan(0);
  });

  it("counts parallel attempts exactly: no more than the limit get through", async () => {
    const t = new SignInThrottle(handle.db);
    const rules = signInRules("owner@example.org", "203.0.113.9");
    const all = await Promise.all(Array.from({ length: 40 }, () => t.reserve(rules, 0)));
    expect(all.filter((r) => r.waitMs === 0)).toHaveLength(5);
  });

  it("is shared by every throttle on the same database, as instances are", async () => {
    const a = new SignInThrottle(handle.db);
    const b = new SignInThrottle(handle.db);
    expect((await a.reserve([rule("k", 2)], 0)).waitMs).toBe(0);
    expect((await b.reserve([rule("k", 2)], 0)).waitMs).toBe(0);
    expect((await a.reserve([rule("k", 2)], 0)).waitMs).toBeGreaterThan(0);
    expect(await b.prune(15 * 60 * 1000 + 1)).toBe(1);
  });

  it("never forgets a locked key, however many other keys fail", async () => {
    const t = new SignInThrottle(handle.db);
    for (let i = 0; i < 6; i++) await t.reserve([rule("locked", 5)], 0);
    await Promise.all(Array.from({ length: 10_001 }, (_, i) => t.reserve([rule(`k${i}`, 5)], 0)));
    expect((await t.reserve([rule("locked", 5)], 1)).waitMs).toBeGreaterThan(0);
  }, 60_000);
});
