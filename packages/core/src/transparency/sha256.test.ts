import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toHex, utf8 } from "./bytes";
import { sha256Sync } from "./sha256";

const { subtle } = (
  globalThis as unknown as {
    crypto: { subtle: { digest(alg: string, data: Uint8Array): Promise<ArrayBuffer> } };
  }
).crypto;

describe("sha256Sync", () => {
  it("gives the FIPS 180-4 known answers", () => {
    expect(toHex(sha256Sync())).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(toHex(sha256Sync(utf8("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(
      toHex(sha256Sync(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
    ).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("agrees with WebCrypto on any input split into any parts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 4 }),
        async (parts) => {
          const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) {
            joined.set(p, at);
            at += p.length;
          }
          const web = new Uint8Array(await subtle.digest("SHA-256", joined));
          expect(sha256Sync(...parts)).toEqual(web);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
