import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../catalogue";
import { presetJurisdictions } from "../jurisdictions";
import type { SiteConfig } from "../site-config";
import { lintConfig } from "./lint";
import { cleanConfig } from "./test-config";

const errors = (config: SiteConfig) =>
  lintConfig(config)
    .filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${f.field}`);

const facebook = ["connect.facebook.net", "facebook.com/tr"];

describe("a tracker renamed on a catalogue host", () => {
  it("is refused in a UK statistics-exempt category, where it would run before a choice", () => {
    const base = cleanConfig();
    const config = cleanConfig({
      categories: [
        ...base.categories.filter((c) => c.id !== "analytics"),
        { id: "analytics", exemption: "statistics", purposes: ["analytics"] },
      ],
      services: [
        ...base.services,
        {
          id: "fb",
          category: "analytics",
          provider: "Facebook",
          hosts: facebook,
          purposes: ["analytics"],
        },
      ],
      jurisdictions: presetJurisdictions(),
    });
    const [finding] = lintConfig(config);
    expect(finding).toMatchObject({
      severity: "error",
      rule: "custom-service-on-catalogue-host",
      field: "services.1.hosts.0",
    });
    expect(finding?.why).toContain('"meta-pixel"');
  });

  it("is refused, with its category, under a US opt-out rule, where it would escape GPC", () => {
    const base = cleanConfig();
    const config = cleanConfig({
      categories: [...base.categories, { id: "ads" }],
      services: [...base.services, { id: "fbq", category: "ads", hosts: facebook }],
      jurisdictions: presetJurisdictions(),
    });
    expect(errors(config)).toEqual([
      "custom-service-on-catalogue-host services.1.hosts.0",
      "category-purposes-required categories.5.purposes",
    ]);
  });

  it.each([
    ["a sub-domain of a catalogue host", ["pixel.hotjar.com"], "hotjar"],
    ["a catalogue host with a path", ["www.google.com/pagead/1p-conversion"], "google-ads"],
    ["a host a catalogue path lies under", ["linkedin.com"], "linkedin-insight"],
  ])("is refused on %s", (_, hosts, owner) => {
    const base = cleanConfig();
    const config = cleanConfig({
      services: [...base.services, { id: "own", category: "marketing", hosts }],
    });
    const [finding] = lintConfig(config);
    expect(finding?.rule).toBe("custom-service-on-catalogue-host");
    expect(finding?.why).toContain(`"${owner}"`);
  });

  it("is refused under another catalogue service's id too", () => {
    const base = cleanConfig();
    const config = cleanConfig({
      services: [
        ...base.services,
        { id: "google-analytics", category: "analytics", hosts: facebook },
      ],
    });
    expect(errors(config)).toEqual(["custom-service-on-catalogue-host services.1.hosts.0"]);
  });

  it("lets catalogue services keep their hosts, and a site's own service load from its own", () => {
    const base = cleanConfig();
    const config = cleanConfig({
      services: [
        ...base.services,
        { id: "meta-pixel", category: "marketing" },
        { id: "facebook-social", category: "embeds" },
        { id: "google-analytics", category: "analytics" },
        { id: "google-ads", category: "marketing" },
        { id: "maps", category: "embeds", hosts: ["google.com/maps", "maps.googleapis.com"] },
        { id: "mailer", category: "marketing", hosts: ["list-manage.com"] },
      ],
    });
    expect(errors(config)).toEqual([]);
  });
});

describe("a category of the site's own", () => {
  it("needs a label and a description in the site's default language", () => {
    const categories = [
      ...cleanConfig().categories,
      { id: "chat", purposes: ["functional" as const] },
    ];
    const bare = { ...cleanConfig({ categories }), texts: {} };
    expect(errors(bare)).toEqual([
      "category-text-required texts.en.category.chat",
      "category-text-required texts.en.category.chat.description",
    ]);
    const named = { "category.chat": "Live chat", "category.chat.description": "Talk to us." };
    expect(errors({ ...bare, texts: { en: named } })).toEqual([]);
    // Another language's texts do not name it for the default language's visitors.
    expect(errors({ ...bare, texts: { fr: named } })).toHaveLength(2);
    expect(errors({ ...bare, texts: { fr: named }, defaultLanguage: "fr" })).toEqual([]);
    expect(
      errors({ ...bare, texts: { en: { ...named, "category.chat.description": " " } } }),
    ).toEqual(["category-text-required texts.en.category.chat.description"]);
    // The built-in categories are named in every language the banner speaks.
    expect(errors({ ...cleanConfig(), texts: {} })).toEqual([]);
  });

  it("needs a default language the banner speaks, where its texts are checked", () => {
    const categories = [
      ...cleanConfig().categories,
      { id: "chat", purposes: ["functional" as const] },
    ];
    const czech = {
      ...cleanConfig({ categories }),
      defaultLanguage: "cs",
      texts: { cs: { "category.chat": "Nezbytné", "category.chat.description": "Vždy zapnuto." } },
    };
    expect(errors(czech)).toEqual(["default-language-not-spoken defaultLanguage"]);
    const canadian = {
      ...czech,
      defaultLanguage: "fr-CA",
      texts: {
        "fr-CA": {
          "category.chat": "Clavardage",
          "category.chat.description": "Pour nous écrire.",
        },
      },
    };
    expect(errors(canadian)).toEqual([]);
  });

  it("must say what it is for once it holds services", () => {
    const base = cleanConfig();
    const categories = (purposes?: ("advertising" | "analytics")[]) => [
      ...base.categories,
      purposes ? { id: "partners", purposes } : { id: "partners" },
    ];
    const partner = { id: "partner-widget", category: "partners", purpose: "Shows offers." };
    expect(errors(cleanConfig({ categories: categories(), services: [partner] }))).toEqual([
      "category-purposes-required categories.5.purposes",
    ]);
    expect(
      errors(cleanConfig({ categories: categories(["advertising"]), services: [partner] })),
    ).toEqual([]);
    // Empty, it needs nothing; the default categories' purposes are known.
    expect(errors(cleanConfig({ categories: categories() }))).toEqual([]);
    expect(errors(cleanConfig())).toEqual([]);
  });
});

describe("a service filed under a category for something else", () => {
  const filed = (services: SiteConfig["services"], categories = cleanConfig().categories) =>
    errors(cleanConfig({ categories, services }));

  it.each([
    ["meta-pixel", "preferences", "advertising and sale-or-share"],
    ["linkedin-insight", "analytics", "advertising and sale-or-share"],
    ["google-ads", "embeds", "advertising and sale-or-share"],
    ["hotjar", "preferences", "analytics"],
    ["google-analytics", "embeds", "analytics"],
  ])("is refused: %s under %s", (id, category, purposes) => {
    const findings = lintConfig(cleanConfig({ services: [{ id, category }] }));
    expect(findings.filter((f) => f.severity === "error")).toEqual([
      expect.objectContaining({
        rule: "service-purpose-outside-category",
        field: "services.0.category",
        why: expect.stringContaining(`used for ${purposes}, which "${category}" is not for`),
      }),
    ]);
  });

  it("reads a service's own purposes, and a built-in category by its built-in label", () => {
    expect(filed([{ id: "ab-test", category: "preferences", purposes: ["analytics"] }])).toEqual([
      "service-purpose-outside-category services.0.category",
    ]);
    // A built-in category keeps the meaning its label gives it, whatever it declares.
    const base = cleanConfig().categories;
    const relabelled = base.map((c) =>
      c.id === "preferences" ? { ...c, purposes: ["advertising" as const] } : c,
    );
    expect(filed([{ id: "meta-pixel", category: "preferences" }], relabelled)).toEqual([
      "service-purpose-outside-category services.0.category",
    ]);
  });

  it("is refused in a category of the site's own that declares other purposes", () => {
    const categories = [
      ...cleanConfig().categories,
      { id: "social", purposes: ["functional" as const] },
    ];
    expect(filed([{ id: "meta-pixel", category: "social" }], categories)).toEqual([
      "service-purpose-outside-category services.0.category",
    ]);
    const forAds = [
      ...cleanConfig().categories,
      { id: "ads", purposes: ["advertising" as const, "sale-or-share" as const] },
    ];
    expect(filed([{ id: "meta-pixel", category: "ads" }], forAds)).toEqual([]);
    // Sharing for advertising (California's "sale or share") is what advertising consent is for.
    const advertising = [
      ...cleanConfig().categories,
      { id: "advertising", purposes: ["advertising" as const] },
    ];
    expect(filed([{ id: "meta-pixel", category: "advertising" }], advertising)).toEqual([]);
    expect(
      filed([{ id: "data-broker", category: "analytics", purposes: ["sale-or-share"] }]),
    ).toEqual(["service-purpose-outside-category services.0.category"]);
  });

  it("lets embedded content share what it learns (a social network's buttons), not sharing alone", () => {
    expect(filed([{ id: "facebook-social", category: "embeds" }])).toEqual([]);
    expect(filed([{ id: "twitter", category: "embeds" }])).toEqual([]);
    const own = {
      hosts: ["widgets.example.net"],
      purposes: ["functional" as const, "sale-or-share" as const],
    };
    expect(filed([{ id: "reviews-widget", category: "embeds", ...own }])).toEqual([]);
    expect(
      filed([
        {
          id: "data-broker",
          category: "embeds",
          purposes: ["sale-or-share"],
          hosts: ["b.example.net"],
        },
      ]),
    ).toEqual(["service-purpose-outside-category services.0.category"]);
  });

  it("lets each catalogue service sit in its own category, and anything functional anywhere", () => {
    const services = CATALOGUE.map((entry) => ({ id: entry.id, category: entry.category }));
    expect(filed(services)).toEqual([]);
    expect(filed(CATALOGUE.map((entry) => ({ id: entry.id, category: "marketing" })))).toEqual([]);
    expect(
      filed([
        { id: "youtube", category: "preferences" },
        { id: "chat", category: "analytics", purposes: ["functional"] },
      ]),
    ).toEqual([]);
  });
});
