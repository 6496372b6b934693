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

  it("lets only an advertising category grant the advertising keys", () => {
    // The default mapping: marketing (advertising) grants them.
    expect(found(cleanConfig())).toEqual([]);
    const mapped = (
      categories: Record<string, ("ad_storage" | "ad_user_data" | "analytics_storage")[]>,
    ) => found(cleanConfig({ consentMode: { categories } }));
    expect(mapped({ preferences: ["ad_storage", "ad_user_data"] })).toEqual([
      "error consent-mode-advertising-category consentMode.categories.preferences",
    ]);
    expect(mapped({ marketing: ["ad_storage"], analytics: ["analytics_storage"] })).toEqual([]);
    // A category of the site's own is for advertising once it, or a service under it, says so.
    const ads = (purposes?: ("advertising" | "functional")[]) =>
      found(
        cleanConfig({
          categories: [
            { id: "necessary", required: true },
            { id: "ads", purposes },
          ],
          consentMode: { categories: { ads: ["ad_storage"] } },
        }),
      );
    expect(ads()).toEqual(["error consent-mode-advertising-category consentMode.categories.ads"]);
    expect(ads(["functional"])).toEqual([
      "error consent-mode-advertising-category consentMode.categories.ads",
    ]);
    expect(ads(["advertising"])).toEqual([]);
  });

  it("never lets the built-in preferences or analytics grant the advertising keys, whatever their purposes", () => {
    // Visitors read "Preferences: remembering settings such as language or region".
    const base = cleanConfig();
    const config = cleanConfig({
      categories: base.categories.map((c) =>
        c.id === "preferences" || c.id === "analytics"
          ? {
              ...c,
              purposes: ["functional" as const, "analytics" as const, "advertising" as const],
            }
          : c,
      ),
      consentMode: {
        categories: {
          preferences: [
            "functionality_storage",
            "ad_storage",
            "ad_user_data",
            "ad_personalization",
          ],
          analytics: ["analytics_storage", "ad_user_data"],
          marketing: ["ad_storage"],
        },
      },
    });
    expect(found(config)).toEqual([
      "error consent-mode-advertising-category consentMode.categories.preferences",
      "error consent-mode-advertising-category consentMode.categories.analytics",
    ]);
    // Nor a Google Ads service filed under preferences.
    const filed = cleanConfig({
      services: [{ id: "google-ads", category: "preferences" }],
      consentMode: { categories: { preferences: ["ad_storage"] } },
    });
    expect(found(filed)).toContain(
      "error consent-mode-advertising-category consentMode.categories.preferences",
    );
  });

  it("never lets the built-in embeds grant the advertising keys, whatever its purposes", () => {
    // Visitors read "Embedded content and social media: videos, photos and share buttons".
    const base = cleanConfig();
    const config = cleanConfig({
      categories: base.categories.map((c) =>
        c.id === "embeds" ? { ...c, purposes: ["functional" as const, "advertising" as const] } : c,
      ),
      services: [
        { id: "youtube", category: "embeds" },
        { id: "google-ads", category: "marketing" },
      ],
      consentMode: {
        categories: {
          marketing: ["ad_storage", "ad_user_data", "ad_personalization"],
          embeds: ["ad_storage", "ad_user_data", "ad_personalization"],
        },
      },
    });
    const findings = lintConfig(config);
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.field}`)).toEqual([
      "error consent-mode-advertising-category consentMode.categories.embeds",
    ]);
    expect(findings[0]?.why).toContain("videos, photos and share buttons");
    // The built-in marketing is for advertising.
    expect(
      found(cleanConfig({ consentMode: { categories: { marketing: ["ad_storage"] } } })),
    ).toEqual([]);
  });

  it("never lets a category claiming a UK exemption grant the advertising keys", () => {
    const config = cleanConfig({
      categories: [
        { id: "necessary", required: true },
        { id: "statistics", exemption: "statistics", purposes: ["analytics", "advertising"] },
      ],
      consentMode: { categories: { statistics: ["analytics_storage", "ad_user_data"] } },
    });
    expect(found(config)).toContain(
      "error consent-mode-advertising-category consentMode.categories.statistics",
    );
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

  it("warns when a withdrawal does not reload the page while services that need consent run", () => {
    const services = [
      { id: "youtube", category: "embeds" },
      { id: "meta-pixel", category: "marketing" },
    ];
    const [finding] = lintConfig(cleanConfig({ reloadOnWithdraw: false, services }));
    expect(finding).toMatchObject({
      severity: "warning",
      rule: "withdraw-without-reload",
      field: "reloadOnWithdraw",
    });
    expect(finding?.why).toContain('"meta-pixel"');
    // Reloading (the default), or nothing but the necessary listed: nothing to stop.
    expect(found(cleanConfig({ reloadOnWithdraw: true, services }))).toEqual([]);
    expect(found(cleanConfig({ services }))).toEqual([]);
    expect(
      found(
        cleanConfig({
          reloadOnWithdraw: false,
          services: [{ id: "session", category: "necessary", name: "Session", provider: "Us" }],
        }),
      ),
    ).toEqual([]);
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

  it("warns about a catalogue cookie declared shorter than its tag keeps it unless told otherwise", () => {
    const config = cleanConfig({
      services: [
        {
          id: "google-analytics",
          category: "analytics",
          cookies: [
            { name: "_ga", days: 30 },
            { name: "_ga_*", days: 730 },
          ],
        },
        { id: "own", category: "preferences", cookies: [{ name: "theme", days: 30 }] },
      ],
    });
    expect(found(config)).toEqual([
      "warning cookie-lifetime-below-catalogue services.0.cookies.0.days",
      "warning cookie-lifetime-over-13-months services.0.cookies.1.days",
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

  it("never counts a path with a backslash as on the site: browsers read it as //host", () => {
    const modal = { theme: "auto", position: "modal", floatingButton: true } as const;
    expect(found(cleanConfig({ ui: modal, privacyPolicyUrl: "/\\evil.example" }))).toEqual([
      "warning privacy-policy-placeholder privacyPolicyUrl",
    ]);
    expect(found(cleanConfig({ ui: modal, privacyPolicyUrl: "/privacy" }))).toEqual([
      "warning modal-covers-privacy-policy ui.position",
      "warning privacy-policy-placeholder privacyPolicyUrl",
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
    // Statistics may be the site's own (a warning to acknowledge); a pixel never is.
    expect(found(config)).toEqual([
      "error necessary-looks-like-tracking services.2.category",
      "warning necessary-looks-like-tracking services.1.category",
    ]);
  });

  it("refuses a necessary service described as advertising, audience or session replay, in the banner's main languages", () => {
    const described = (purpose: string) =>
      found(
        cleanConfig({
          services: [{ id: "helper", category: "necessary", name: "Helper", purpose }],
        }),
      );
    for (const purpose of [
      "Session replay to see how you use the site.",
      "Records heatmaps of clicks.",
      "Interest-based recommendations.",
      "Audience measurement and advertising.",
      "Zielgruppengerechte Werbung und Wiedererkennung über Websites hinweg.",
      "Besucherzählung und Reichweitenmessung.",
      "Mesure d'audience et ciblage publicitaire.",
      "Publicidad personalizada.",
    ])
      expect(described(purpose), purpose).toEqual([
        "error necessary-looks-like-tracking services.0.category",
      ]);
    for (const purpose of [
      "Shows ads from our partners.",
      "Learns your browsing behaviour across visits.",
      "Besucherstatistik.",
    ])
      expect(described(purpose), purpose).toEqual([
        "warning necessary-looks-like-tracking services.0.category",
      ]);
    for (const purpose of [
      "Keeps uploads working and remembers your address during checkout.",
      "Balances load between our servers.",
    ])
      expect(described(purpose), purpose).toEqual([]);
  });

  it("refuses a necessary service declaring a purpose other than functional", () => {
    const config = cleanConfig({
      services: [
        { id: "session", category: "necessary", purposes: ["functional"] },
        { id: "fb", category: "necessary", name: "Our page", purposes: ["advertising"] },
      ],
    });
    expect(found(config)).toEqual(["error necessary-purpose services.1.purposes"]);
  });

  it("refuses a necessary service named like a catalogue service under an id of its own", () => {
    const config = cleanConfig({
      services: [
        { id: "videos", category: "necessary", name: "YouTube" },
        { id: "hj", category: "necessary", name: "hotjar" },
        { id: "maps", category: "necessary", name: "Our YouTube channel page" },
      ],
    });
    expect(found(config)).toEqual([
      "error necessary-names-catalogue-service services.0.category",
      "error necessary-names-catalogue-service services.1.category",
    ]);
  });
});

describe("necessary trackers, renamed", () => {
  it.each([
    ["GA4 by Google", { id: "ga", category: "necessary", name: "GA4", provider: "Google" }],
    ["Google Ireland Ltd", { id: "fonts", category: "necessary", provider: "Google Ireland Ltd" }],
    ["Meta Platforms", { id: "pix", category: "necessary", provider: "Meta Platforms, Inc." }],
    ["Facebook", { id: "fb", category: "necessary", provider: "Facebook" }],
    ["Microsoft", { id: "ms", category: "necessary", provider: "Microsoft" }],
    ["LinkedIn", { id: "li", category: "necessary", provider: "LinkedIn Corporation" }],
    ["Hotjar", { id: "heat", category: "necessary", provider: "Hotjar Ltd" }],
    ["Twitter", { id: "tw", category: "necessary", provider: "Twitter" }],
    ["X Corp.", { id: "xc", category: "necessary", provider: "X Corp." }],
  ])("refuses a necessary service provided by a catalogue tracker's provider: %s", (_, service) => {
    expect(found(cleanConfig({ services: [service] }))).toEqual([
      "error necessary-catalogue-provider services.0.provider",
    ]);
  });

  it.each([
    ["TikTok", { id: "tt", category: "necessary", name: "TikTok", provider: "ByteDance" }],
    ["Alphabet", { id: "ga4", category: "necessary", name: "GA4", provider: "Alphabet Inc." }],
    ["Matomo", { id: "stats", category: "necessary", name: "Matomo" }],
    ["Criteo", { id: "cr", category: "necessary", provider: "Criteo SA" }],
  ])(
    "refuses a necessary service from a tag vendor the catalogue does not list: %s",
    (_, service) => {
      const field = "provider" in service ? "provider" : "name";
      expect(found(cleanConfig({ services: [service] }))).toEqual([
        `error necessary-catalogue-provider services.0.${field}`,
      ]);
    },
  );

  it("refuses a necessary service whose cookie outlives 13 months, and names the provider", () => {
    const config = cleanConfig({
      services: [
        {
          id: "site-insights",
          category: "necessary",
          provider: "Google",
          cookies: [
            { name: "_gx", days: 730 },
            { name: "session", days: 0 },
          ],
        },
        { id: "login", category: "necessary", cookies: [{ name: "remember", days: 395 }] },
      ],
    });
    expect(found(config)).toEqual([
      "error necessary-catalogue-provider services.0.provider",
      "error necessary-cookie-over-13-months services.0.cookies.0.days",
    ]);
  });

  it("lets a site's own necessary service name its own provider", () => {
    const own = { id: "session", category: "necessary", provider: "The Guild", name: "Session" };
    expect(found(cleanConfig({ services: [own] }))).toEqual([]);
  });
});

describe("catalogue purposes", () => {
  it("refuses a catalogue service listed without the advertising it is used for", () => {
    const config = cleanConfig({
      services: [
        { id: "youtube", category: "embeds" },
        { id: "meta-pixel", category: "marketing", purposes: ["functional"] },
        { id: "google-ads", category: "marketing", purposes: ["advertising", "analytics"] },
        { id: "linkedin-insight", category: "marketing" },
      ],
    });
    expect(found(config)).toEqual([
      "error catalogue-purposes-removed services.1.purposes",
      "error catalogue-purposes-removed services.2.purposes",
    ]);
    const fine = cleanConfig({
      services: [
        {
          id: "meta-pixel",
          category: "marketing",
          purposes: ["advertising", "sale-or-share", "analytics"],
        },
      ],
    });
    expect(found(fine)).toEqual([]);
  });
});

describe("catalogue providers", () => {
  it("refuses a catalogue service said to come from someone else", () => {
    const config = cleanConfig({
      services: [
        { id: "meta-pixel", category: "marketing", provider: "Acme Analytics" },
        { id: "youtube", category: "embeds", provider: "Our video team" },
      ],
    });
    expect(found(config)).toEqual([
      "error catalogue-provider-changed services.0.provider",
      "error catalogue-provider-changed services.1.provider",
    ]);
  });

  it("accepts a fuller legal name, or the service's own name", () => {
    const fine = cleanConfig({
      services: [
        { id: "meta-pixel", category: "marketing", provider: "Meta Platforms Ireland Ltd" },
        { id: "youtube", category: "embeds", provider: "Google Ireland Limited" },
        { id: "twitter", category: "embeds", provider: "X Corp." },
        { id: "hotjar", category: "analytics", provider: "Hotjar Ltd" },
      ],
    });
    expect(found(fine)).toEqual([]);
  });
});

describe("what the preference centre says of a service", () => {
  it("refuses a catalogue service renamed or re-attributed, in its fields or in any language's texts", () => {
    const config = cleanConfig({
      services: [
        { id: "meta-pixel", category: "marketing", name: "Site helper" },
        { id: "youtube", category: "embeds" },
      ],
      texts: {
        en: { "service.youtube": "Our videos" },
        de: { "service.meta-pixel.provider": "Acme Analytics GmbH" },
      },
    });
    expect(found(config)).toEqual([
      "error catalogue-name-changed services.0.name",
      "error catalogue-name-changed texts.en.service.youtube",
      "error catalogue-provider-changed texts.de.service.meta-pixel.provider",
    ]);
  });

  it("accepts the service's name, its provider or another of the provider's brands", () => {
    const fine = cleanConfig({
      services: [
        { id: "meta-pixel", category: "marketing", name: "Facebook Pixel" },
        { id: "google-analytics", category: "analytics", name: "Google Analytics 4 (GA4)" },
        { id: "twitter", category: "embeds", name: "Twitter" },
        { id: "youtube", category: "embeds" },
      ],
      texts: {
        en: { "service.youtube": "YouTube videos" },
        fr: { "service.meta-pixel": "Pixel Meta", "service.meta-pixel.provider": "Meta Platforms" },
      },
    });
    expect(found(fine)).toEqual([]);
  });

  it("refuses a service a visitor can refuse named or described as necessary", () => {
    const config = cleanConfig({
      services: [
        { id: "youtube", category: "embeds", purpose: "Required to show our videos." },
        {
          id: "chat-widget",
          category: "preferences",
          name: "Essential chat",
          purposes: ["functional"],
          hosts: ["chat.example.net"],
        },
      ],
      texts: { fr: { "service.youtube.purpose": "Strictement nécessaire au site." } },
    });
    expect(found(config)).toEqual([
      "error service-text-claims-necessary services.0.purpose",
      "error service-text-claims-necessary services.1.name",
      "error service-text-claims-necessary texts.fr.service.youtube.purpose",
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
