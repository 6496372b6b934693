import { describe, expect, it } from "vitest";
import {
  deriveKeyring,
  openPrivateJwk,
  SigningKeyUnreadableError,
  sealPrivateJwk,
} from "./secret-box";

const A = "first-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const B = "second-secret-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";
const JWK = JSON.stringify({ kty: "OKP", crv: "Ed25519", x: "public-x", d: "private-d" });

describe("sealed signing keys", () => {
  it("are stored as v1:IV:CIPHERTEXT, with no JWK member in the clear, a new IV each time", async () => {
    const keyring = await deriveKeyring({ current: A });
    const one = await sealPrivateJwk(keyring, "demo-1", JWK);
    const two = await sealPrivateJwk(keyring, "demo-1", JWK);
    expect(one).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{40,}$/);
    expect(one).not.toContain('"d"');
    expect(one.split(":")[1]).not.toBe(two.split(":")[1]);
    expect(await openPrivateJwk(keyring, "demo-1", one)).toEqual({
      jwk: JWK,
      openedWith: "current",
    });
  });

  it("open with neither another secret, nor in another row, nor once altered", async () => {
    const sealed = await sealPrivateJwk(await deriveKeyring({ current: A }), "demo-1", JWK);
    const wrong = await deriveKeyring({ current: B });
    await expect(openPrivateJwk(wrong, "demo-1", sealed)).rejects.toThrow(
      SigningKeyUnreadableError,
    );
    const right = await deriveKeyring({ current: A });
    // Copied into another key's row: the key id is authenticated data.
    await expect(openPrivateJwk(right, "other-2", sealed)).rejects.toThrow(/other-2/);
    const last = sealed.at(-2) === "A" ? "B" : "A";
    const altered = `${sealed.slice(0, -2)}${last}${sealed.slice(-1)}`;
    await expect(openPrivateJwk(right, "demo-1", altered)).rejects.toThrow(
      SigningKeyUnreadableError,
    );
    await expect(openPrivateJwk(right, "demo-1", "v2:abc:def")).rejects.toThrow(
      SigningKeyUnreadableError,
    );
  });

  it("open with the previous secret during a rotation, and read a legacy plaintext row", async () => {
    const sealedWithA = await sealPrivateJwk(await deriveKeyring({ current: A }), "k", JWK);
    const rotating = await deriveKeyring({ current: B, previous: A });
    expect(await openPrivateJwk(rotating, "k", sealedWithA)).toEqual({
      jwk: JWK,
      openedWith: "previous",
    });
    expect(await openPrivateJwk(rotating, "k", JWK)).toEqual({ jwk: JWK, openedWith: "plaintext" });
    const sealedWithB = await sealPrivateJwk(rotating, "k", JWK);
    expect((await openPrivateJwk(rotating, "k", sealedWithB)).openedWith).toBe("current");
    await expect(
      openPrivateJwk(await deriveKeyring({ current: A }), "k", sealedWithB),
    ).rejects.toThrow(SigningKeyUnreadableError);
  });
});
