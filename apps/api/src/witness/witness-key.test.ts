import { parseVerifierKey, SIGNATURE_TYPE } from "@assent/core";
import { witnessKey } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { afterEach, describe, expect, it } from "vitest";
import { deriveKeyring, SigningKeyUnreadableError } from "../signing";
import { protectWitnessKey, witnessKeyFor, witnessName } from "./witness-key";

const OLD = "o".repeat(43);
const NEW = "n".repeat(43);
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function database() {
  const handle = await openLibsql({ url: ":memory:" });
  close = handle.close;
  return handle.db;
}

describe("the witness key", () => {
  it("is made once, named after the public host, of cosignature type, sealed at rest", async () => {
    const db = await database();
    const keyring = await deriveKeyring({ current: OLD });
    const key = await witnessKeyFor(db, witnessName("https://consent.b.example"), 1, keyring);
    expect(key.name).toBe("consent.b.example/witness");
    const parsed = parseVerifierKey(key.vkey);
    expect(parsed.type).toBe(SIGNATURE_TYPE.cosignature);
    const [row] = await db.select().from(witnessKey);
    expect(row?.privateKey).toMatch(/^v1:/);
    expect(row?.privateKey).not.toContain('"d"');
  });

  it("is sealed again with the new secret during a rotation, and refuses a wrong one", async () => {
    const db = await database();
    await witnessKeyFor(db, "consent.b.example/witness", 1, await deriveKeyring({ current: OLD }));
    const [before] = await db.select().from(witnessKey);
    expect(await protectWitnessKey(db, { current: NEW, previous: OLD })).toBe(true);
    expect(await protectWitnessKey(db, { current: NEW })).toBe(false);
    const [after] = await db.select().from(witnessKey);
    expect(after?.privateKey).not.toBe(before?.privateKey);
    await expect(protectWitnessKey(db, { current: OLD })).rejects.toBeInstanceOf(
      SigningKeyUnreadableError,
    );
  });
});
