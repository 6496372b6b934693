import { lintConfig, parseSiteConfig } from "@assent/core";
import { users } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { describe, expect, it } from "vitest";
import { demoConfig, seed } from "./seed";

const base = { origin: "https://consent.example.org", ownerEmail: "owner@example.org", now: 1 };

describe("seed", () => {
  it("without a password and generateOwnerPassword false creates no owner, until one is given", async () => {
    const { db, close } = await openLibsql({ url: ":memory:" });
    const first = await seed(db, { ...base, generateOwnerPassword: false });
    expect(first.createdSite).toBe(true);
    expect(first.createdOwner).toBeUndefined();
    expect(first.ownerMissing).toBe(true);
    expect(await db.select().from(users)).toEqual([]);

    const later = await seed(db, {
      ...base,
      ownerPassword: "correct horse battery staple",
      generateOwnerPassword: false,
    });
    expect(later).toEqual({ createdSite: false, createdOwner: { email: "owner@example.org" } });
    await close();
  });

  it("by default generates the first owner's password and returns it once", async () => {
    const { db, close } = await openLibsql({ url: ":memory:" });
    const first = await seed(db, base);
    expect(first.createdOwner?.password).toMatch(/^.{24}$/);
    expect(await seed(db, base)).toEqual({ createdSite: false });
    await close();
  });

  it("seeds a demo configuration the schema and the linter accept (no errors to fix)", () => {
    expect(parseSiteConfig(demoConfig()).ok).toBe(true);
    expect(lintConfig(demoConfig()).filter((f) => f.severity === "error")).toEqual([]);
  });
});
