import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { nameSchema, SiteCreateSchema } from "./admin";

describe("display names", () => {
  it("refuses control characters and lone surrogates, which the database would not give back", () => {
    for (const name of [
      "\u0000",
      "Acme\u0000 Evil Corp",
      "Acme\u0007",
      "Line\nbreak",
      "\ud800",
      "x\udc00y",
    ])
      expect(v.safeParse(nameSchema, name).success, JSON.stringify(name)).toBe(false);
    const site = v.safeParse(SiteCreateSchema, { key: "nul-site", name: "Acme\u0000 Evil Corp" });
    expect(site.success ? null : site.issues[0].message).toBe("must not hold control characters");
  });

  it("refuses bidirectional overrides, which show a name in another order than it is stored", () => {
    for (const name of ["Guild \u202Eliava", "Acme\u2066Corp\u2069", "\u202Bx"]) {
      const parsed = v.safeParse(nameSchema, name);
      expect(parsed.success ? null : parsed.issues[0].message, JSON.stringify(name)).toBe(
        "must not hold bidirectional override characters",
      );
    }
  });

  it("keeps names in any script, emoji and joiners included", () => {
    for (const name of ["Guild of Makers", "Société Générale", "مؤسسة", "👩‍🔬 Lab", "  Trimmed  "])
      expect(v.safeParse(nameSchema, name).success, name).toBe(true);
  });
});
