import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { acknowledgementGap, PublishRequestSchema, warningRules } from "./acknowledgement";
import { lintConfig } from "./lint";
import { cleanConfig } from "./test-config";

describe("acknowledgement", () => {
  const findings = lintConfig(
    cleanConfig({
      privacyPolicyUrl: "/privacy",
      cookiePolicyUrl: "/cookies",
      ui: { theme: "auto", position: "bar", floatingButton: false },
      texts: { en: { rejectAll: "OK" } },
    }),
  );

  it("names each warned rule once, errors aside", () => {
    expect(warningRules(findings)).toEqual([
      "privacy-policy-placeholder",
      "withdraw-page-link-only",
    ]);
  });

  it("matches only the exact set of warned rules", () => {
    expect(
      acknowledgementGap(findings, ["withdraw-page-link-only", "privacy-policy-placeholder"]),
    ).toEqual({ missing: [], extra: [] });
    expect(acknowledgementGap(findings, ["withdraw-page-link-only"])).toEqual({
      missing: ["privacy-policy-placeholder"],
      extra: [],
    });
    expect(
      acknowledgementGap(findings, [...warningRules(findings), "advanced-consent-mode"]),
    ).toEqual({
      missing: [],
      extra: ["advanced-consent-mode"],
    });
  });

  it("takes an empty body as no acknowledgement, and refuses unknown rules", () => {
    expect(v.parse(PublishRequestSchema, {})).toEqual({ acknowledge: [] });
    expect(v.safeParse(PublishRequestSchema, { acknowledge: ["made-up"] }).success).toBe(false);
  });
});
