import { describe, expect, it } from "vitest";
import { checkSecrets, nodeSecretSource } from "./secret-policy";

const GOOD = "q3J9xvT0b1m8Zr2LkW5nYc7Hf4Ud6Sg0Pa9Ee1Ii3Oo"; // 43 base64url characters

describe("nodeSecretSource", () => {
  it("refuses a production start without ASSENT_SECRET, saying how to make one", () => {
    for (const secret of [undefined, "", "   "]) {
      const source = nodeSecretSource({ NODE_ENV: "production", ASSENT_SECRET: secret });
      expect(source.kind).toBe("refuse");
      if (source.kind !== "refuse") continue;
      expect(source.message).toContain("ASSENT_SECRET");
      expect(source.message).toContain("openssl rand -base64 32");
      expect(source.message).toContain("randomBytes(32)");
    }
  });

  it("refuses a weak ASSENT_SECRET in any environment, without repeating it", () => {
    const weak = ["hunter2", GOOD.slice(0, 42), "ab".repeat(30), "password".repeat(6)];
    for (const NODE_ENV of ["production", "development", undefined]) {
      for (const secret of weak) {
        const source = nodeSecretSource({ NODE_ENV, ASSENT_SECRET: secret });
        expect(source.kind, secret).toBe("refuse");
        if (source.kind === "refuse") expect(source.message).not.toContain(secret);
      }
    }
  });

  it("takes a strong ASSENT_SECRET (trimmed) and ASSENT_SECRET_PREVIOUS", () => {
    expect(
      nodeSecretSource({
        NODE_ENV: "production",
        ASSENT_SECRET: ` ${GOOD}\n`,
        ASSENT_SECRET_PREVIOUS: "the-old-one\n",
      }),
    ).toEqual({ kind: "env", secrets: { current: GOOD, previous: "the-old-one" } });
    expect(nodeSecretSource({ NODE_ENV: "production", ASSENT_SECRET: GOOD })).toEqual({
      kind: "env",
      secrets: { current: GOOD },
    });
  });

  it("outside production without a secret, keeps one in a file beside the database", () => {
    expect(nodeSecretSource({})).toEqual({ kind: "file" });
    expect(nodeSecretSource({ NODE_ENV: "development", ASSENT_SECRET: "" })).toEqual({
      kind: "file",
    });
    expect(nodeSecretSource({ NODE_ENV: "test", ASSENT_SECRET_PREVIOUS: "old" })).toEqual({
      kind: "file",
      previous: "old",
    });
  });
});

describe("checkSecrets (the Worker's check)", () => {
  it("needs ASSENT_SECRET, strong", () => {
    expect(checkSecrets(undefined).ok).toBe(false);
    expect(checkSecrets("short").ok).toBe(false);
    expect(checkSecrets(GOOD, "")).toEqual({ ok: true, secrets: { current: GOOD } });
  });
});
