import { describe, expect, it } from "vitest";
import { hashPassword, randomToken, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password only, and never stores it in clear", async () => {
    const stored = await hashPassword("s3cret-passphrase", 1000);
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain("s3cret");
    expect(await verifyPassword("s3cret-passphrase", stored)).toBe(true);
    expect(await verifyPassword("s3cret-passphrasE", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same", 1000)).not.toBe(await hashPassword("same", 1000));
  });

  it("refuses malformed hashes", async () => {
    for (const bad of [
      "",
      "plain",
      "pbkdf2-sha256$x$y$z",
      "md5$1$a$b",
      "pbkdf2-sha256$99999999999$a$b",
    ]) {
      expect(await verifyPassword("x", bad)).toBe(false);
    }
  });

  it("makes distinct random tokens", () => {
    expect(randomToken()).toMatch(/^[\w-]{43}$/);
    expect(randomToken()).not.toBe(randomToken());
  });
});
