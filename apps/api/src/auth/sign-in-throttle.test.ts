import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./sign-in-throttle";

describe("SignInThrottle", () => {
  it("refuses after the limit, and lets in again after the window", () => {
    const t = new SignInThrottle(3, 1000);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter("a", 0)).toBe(0);
      t.fail("a", 0);
    }
    expect(t.retryAfter("a", 10)).toBe(990);
    expect(t.retryAfter("b", 10)).toBe(0);
    expect(t.retryAfter("a", 1000)).toBe(0);
  });

  it("forgets failures after a success", () => {
    const t = new SignInThrottle(2, 1000);
    t.fail("a", 0);
    t.succeed("a");
    t.fail("a", 0);
    expect(t.retryAfter("a", 0)).toBe(0);
  });
});
