import { describe, expect, it } from "vitest";
import { GUIDANCE } from "./finding";
import { lintConfig } from "./lint";
import { cleanConfig } from "./test-config";

const found = (config: ReturnType<typeof cleanConfig>, origins?: string[]) =>
  lintConfig(config, { siteOrigins: origins }).map((f) => `${f.severity} ${f.rule} ${f.field}`);

describe("consent mode", () => {
  it("needs advanced mode acknowledged, naming the Google tags that load early", () => {
    const config = cleanConfig({
      services: [
        { id: "google-analytics", category: "analytics", cookies: [{ name: "_ga", days: 390 }] },
      ],
      consentMode: { mode: "advanced" },
    });
    const [finding] = lintConfig(config);
    expect(finding).toMatchObject({
      severity: "warning",
      rule: "advanced-consent-mode",
      field: "consentMode.mode",
    });
    expect(finding?.why).toContain("google-analytics");
    expect(finding?.guidance).toBe(GUIDANCE.googleConsentMode);
    expect(found(cleanConfig({ consentMode: { mode: "basic" } }))).toEqual([]);
  });
});

describe("layout", () => {
  it("warns when a modal covers the privacy policy on the site itself", () => {
    const modal = { theme: "auto", position: "modal", floatingButton: true } as const;
    expect(
      found(cleanConfig({ ui: modal, privacyPolicyUrl: "https://www.assent.test/privacy" }), [
        "https://www.assent.test",
      ]),
    ).toEqual(["warning modal-covers-privacy-policy ui.position"]);
    // A policy elsewhere (the organisation's main site) stays readable.
    expect(
      found(cleanConfig({ ui: modal, privacyPolicyUrl: "https://policies.assent.test/privacy" }), [
        "https://www.assent.test",
      ]),
    ).toEqual([]);
    expect(
      found(cleanConfig({ ui: { ...modal, position: "box" } }), ["https://www.assent.test"]),
    ).toEqual([]);
  });

  it("warns when withdrawing relies on a link in the page (no floating button)", () => {
    expect(
      found(cleanConfig({ ui: { theme: "auto", position: "bar", floatingButton: false } })),
    ).toEqual(["warning withdraw-page-link-only ui.floatingButton"]);
  });
});

describe("durations", () => {
  it("warns about each cookie declared past 13 months", () => {
    const config = cleanConfig({
      services: [
        {
          id: "google-analytics",
          category: "analytics",
          cookies: [
            { name: "_ga", days: 730 },
            { name: "_gid", days: 1 },
          ],
        },
        { id: "own", category: "preferences", cookies: [{ name: "theme", days: 396 }] },
      ],
    });
    expect(found(config)).toEqual([
      "warning cookie-lifetime-over-13-months services.0.cookies.0.days",
      "warning cookie-lifetime-over-13-months services.1.cookies.0.days",
    ]);
  });

  it("warns when a refusal is forgotten sooner than a consent", () => {
    expect(found(cleanConfig({ expiry: { acceptedDays: 365, rejectedDays: 182 } }))).toEqual([
      "warning refusal-shorter-than-consent expiry.rejectedDays",
    ]);
    expect(found(cleanConfig({ expiry: { acceptedDays: 365, rejectedDays: 395 } }))).toEqual([]);
  });
});

describe("links", () => {
  it.each([
    ["/privacy", "privacyPolicyUrl"],
    ["https://example.com/privacy", "privacyPolicyUrl"],
    ["http://www.example.org/privacy", "privacyPolicyUrl"],
  ])("warns about a placeholder policy link %s", (url, field) => {
    expect(found(cleanConfig({ privacyPolicyUrl: url }))).toEqual([
      `warning privacy-policy-placeholder ${field}`,
    ]);
  });

  it("checks the cookie policy link too, and accepts real addresses", () => {
    expect(found(cleanConfig({ cookiePolicyUrl: "/cookies" }))).toEqual([
      "warning privacy-policy-placeholder cookiePolicyUrl",
    ]);
    expect(found(cleanConfig({ privacyPolicyUrl: "https://www.myexample.com/privacy" }))).toEqual(
      [],
    );
  });
});

describe("classification", () => {
  it("warns about a site's own necessary service described as tracking", () => {
    const config = cleanConfig({
      services: [
        { id: "session", category: "necessary", purpose: "Keeps you signed in." },
        {
          id: "visit-stats",
          category: "necessary",
          name: "Visit statistics",
          purpose: "Counts visits.",
        },
        { id: "own-pixel", category: "necessary" },
      ],
    });
    expect(found(config)).toEqual([
      "warning necessary-looks-like-tracking services.1.category",
      "warning necessary-looks-like-tracking services.2.category",
    ]);
  });
});

describe("lintConfig", () => {
  it("lists errors before warnings, each with a guidance address", () => {
    const config = cleanConfig({
      privacyPolicyUrl: "/privacy",
      texts: { en: { rejectAll: "OK" } },
    });
    const findings = lintConfig(config);
    expect(findings.map((f) => f.severity)).toEqual(["error", "warning"]);
    for (const f of findings) expect(f.guidance).toMatch(/^https:\/\//);
  });
});
