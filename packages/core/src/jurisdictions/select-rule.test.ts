import { describe, expect, it } from "vitest";
import { presetJurisdictions } from "./presets";
import { fullSubdivision, regionMatch } from "./regions";
import { OPT_IN_EVERYWHERE, selectRule } from "./select-rule";

const config = { jurisdictions: presetJurisdictions() };
const ruleFor = (country: string | null, subdivision?: string | null) =>
  selectRule(config, { country, subdivision });

describe("selectRule", () => {
  it.each([
    ["FR", null, "eu-eea", "FR"],
    ["DE", "BY", "eu-eea", "DE-BY"],
    ["NO", null, "eu-eea", "NO"],
    ["IS", null, "eu-eea", "IS"],
    // EU territory with codes of its own: the outermost regions and Åland.
    ["RE", null, "eu-eea", "RE"],
    ["GP", null, "eu-eea", "GP"],
    ["MQ", null, "eu-eea", "MQ"],
    ["GF", null, "eu-eea", "GF"],
    ["YT", null, "eu-eea", "YT"],
    ["MF", null, "eu-eea", "MF"],
    ["AX", null, "eu-eea", "AX"],
    // Overseas countries and territories and the Faroes are not in the EU.
    ["BL", null, "elsewhere", "BL"],
    ["FO", null, "elsewhere", "FO"],
    ["GB", "SCT", "uk", "GB-SCT"],
    ["US", "CA", "us-states", "US-CA"],
    ["US", "US-TX", "us-states", "US-TX"],
    ["US", "AL", "elsewhere", "US-AL"],
    ["US", null, "elsewhere", "US"],
    ["CH", null, "elsewhere", "CH"],
    ["JE", null, "elsewhere", "JE"],
    [null, null, "elsewhere", null],
    [null, "CA", "elsewhere", null],
  ])("%s %s gets %s as %s", (country, subdivision, rule, jurisdiction) => {
    expect(ruleFor(country, subdivision)).toMatchObject({ rule: { id: rule }, jurisdiction });
  });

  it("gives an unknown location the otherwise rule, opt-in in the presets", () => {
    expect(ruleFor(null).rule.model).toBe("opt-in");
    const lax = { jurisdictions: { ...presetJurisdictions(), otherwise: "us-states" } };
    expect(selectRule(lax, { country: null }).rule.id).toBe("us-states");
  });

  it("is opt-in everywhere without jurisdictions, as before rules existed", () => {
    expect(selectRule({}, { country: "US", subdivision: "CA" })).toEqual({
      rule: OPT_IN_EVERYWHERE,
      jurisdiction: "US-CA",
    });
  });

  it("prefers a subdivision to its country, and a country to its group", () => {
    const rules = {
      jurisdictions: {
        rules: [
          { id: "eu", regions: ["EU"], model: "opt-in" as const },
          { id: "france", regions: ["FR"], model: "opt-in" as const },
          { id: "us", regions: ["US"], model: "opt-out" as const },
          { id: "california", regions: ["US-CA"], model: "opt-out" as const },
        ],
        otherwise: "eu",
      },
    };
    expect(selectRule(rules, { country: "FR" }).rule.id).toBe("france");
    expect(selectRule(rules, { country: "BE" }).rule.id).toBe("eu");
    expect(selectRule(rules, { country: "RE" }).rule.id).toBe("eu");
    expect(selectRule(rules, { country: "US", subdivision: "CA" }).rule.id).toBe("california");
    expect(selectRule(rules, { country: "US", subdivision: "NV" }).rule.id).toBe("us");
  });
});

describe("regions", () => {
  it("reads a subdivision with or without its country, and refuses another country's", () => {
    expect(fullSubdivision({ country: "US", subdivision: "ca" })).toBe("US-CA");
    expect(fullSubdivision({ country: "US", subdivision: "US-CA" })).toBe("US-CA");
    expect(fullSubdivision({ country: "GB", subdivision: "US-CA" })).toBeNull();
    expect(fullSubdivision({ country: null, subdivision: "CA" })).toBeNull();
    expect(fullSubdivision({ country: "US", subdivision: "not a code" })).toBeNull();
  });

  it("scores a subdivision over a country over a group", () => {
    const visitor = { country: "US", subdivision: "CA" };
    expect(regionMatch("US-CA", visitor)).toBe(3);
    expect(regionMatch("US", visitor)).toBe(2);
    expect(regionMatch("EEA", { country: "LI" })).toBe(1);
    expect(regionMatch("EU", { country: "LI" })).toBe(0);
    expect(regionMatch("UK", { country: "GB" })).toBe(1);
    expect(regionMatch("US-TX", visitor)).toBe(0);
  });
});
