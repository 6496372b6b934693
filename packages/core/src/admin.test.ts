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

  it("keeps names in any script, emoji and joiners included", () => {
    for (const name of ["Guild of Makers", "Société Générale", "مؤسسة", "👩‍🔬 Lab", "  Trimmed  "])
      expect(v.safeParse(nameSchema, name).success, name).toBe(true);
  });
});
