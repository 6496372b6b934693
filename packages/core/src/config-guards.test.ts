import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { configGuardIssues, GUARD_RULES } from "./config-guards";
import { defaultSiteConfig, type SiteConfig, SiteConfigSchema } from "./site-config";

/** A site like the demo: the seed organisations' services and their own privacy policy. */
const base = (): SiteConfig => ({
  ...defaultSiteConfig("demo", [
    { id: "google-analytics", category: "analytics" },
    { id: "meta-pixel", category: "marketing" },
    { id: "youtube", category: "embeds" },
    { id: "flickr", category: "embeds" },
    { id: "facebook-social", category: "embeds" },
    { id: "twitter", category: "embeds" },
  ]),
  privacyPolicyUrl: "/privacy.html",
  cookiePolicyUrl: "/privacy.html#cookies",
});

/** What the admin API answers for a refused config: `path: message` of the first issue. */
function refusal(config: unknown): string | null {
  const result = v.safeParse(SiteConfigSchema, config);
  if (result.success) return null;
  const issue = result.issues[0] as v.BaseIssue<unknown>;
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Every rule id a config breaks, from every issue the schema raises. */
function rules(config: unknown): string[] {
  const result = v.safeParse(SiteConfigSchema, config);
  if (result.success) return [];
  return result.issues.map((i) => /^\[([a-z0-9-]+)\]/.exec(i.message)?.[1] ?? "shape");
}

const withService = (service: Record<string, unknown>) => {
  const config = base();
  return { ...config, services: [...config.services, service] };
};

describe("hard guards: what stays valid", () => {
  it("accepts the demo's config, a new site's, and every catalogue entry in its own category", () => {
    expect(refusal(base())).toBeNull();
    expect(refusal(defaultSiteConfig("new-site"))).toBeNull();
    expect(defaultSiteConfig("new-site").privacyPolicyUrl).toBe("/privacy");
    const everything = { ...base(), services: JSON.parse(JSON.stringify(CATALOGUE)) };
    expect(refusal(everything)).toBeNull();
  });

  it("accepts a site's own strictly necessary service: first-party, session-like cookies", () => {
    const own = {
      id: "session",
      category: "necessary",
      name: "Sign-in session",
      cookies: [
        { name: "sid", days: 0 },
        { name: "csrf-*", days: 1 },
      ],
      storage: ["basket"],
    };
    expect(refusal(withService(own))).toBeNull();
  });

  it("names every rule it can refuse with", () => {
    expect(new Set(GUARD_RULES).size).toBe(GUARD_RULES.length);
    for (const rule of GUARD_RULES) expect(rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });
});

describe("required only on necessary", () => {
  it('refuses `required: true` on analytics ("Always on", then loaded after Reject all)', () => {
    const config = base();
    config.categories = config.categories.map((c) =>
      c.id === "analytics" ? { ...c, required: true } : c,
    );
    expect(refusal(config)).toBe(
      'categories.2.required: [required-only-necessary] only "necessary" can be always on; "analytics" must be a choice the visitor can refuse',
    );
    const off = base();
    off.categories = off.categories.map((c) =>
      c.id === "analytics" ? { ...c, required: false } : c,
    );
    expect(refusal(off)).toBeNull();
  });
});

describe("only first-party, strictly necessary services in necessary", () => {
  it("refuses meta-pixel in necessary (it would load after Reject all, shown as off)", () => {
    const config = base();
    config.services = config.services.map((s) =>
      s.id === "meta-pixel" ? { ...s, category: "necessary" } : s,
    );
    expect(refusal(config)).toMatch(
      /^services\.1\.category: \[necessary-no-catalogue-service\] "meta-pixel" is a third-party/,
    );
    // Its hosts and cookies are refused too, each under its own rule.
    expect(rules(config)).toEqual([
      "necessary-no-catalogue-service",
      "necessary-no-hosts",
      "necessary-no-tracking-cookies",
    ]);
  });

  it("refuses every catalogue service in necessary, even stripped of hosts and cookies", () => {
    for (const entry of CATALOGUE) {
      const stripped = { id: entry.id, category: "necessary", hosts: [], cookies: [], storage: [] };
      // The catalogue's cookies come back with completion: those draw their own refusal too.
      expect(rules({ ...base(), services: [stripped] }), entry.id).toContain(
        "necessary-no-catalogue-service",
      );
    }
  });

  it("refuses a site's own necessary service that loads from a host", () => {
    const own = { id: "chat", category: "necessary", hosts: ["widget.chat.example"] };
    expect(refusal(withService(own))).toMatch(/^services\.6\.hosts: \[necessary-no-hosts\]/);
  });

  it("refuses a site's own necessary service that sets a tracker's cookie or storage key", () => {
    for (const cookies of [
      [{ name: "_ga", days: 730 }],
      [{ name: "_g*", days: 1 }],
      [{ name: "*", days: 1 }],
    ]) {
      const own = { id: "stats", category: "necessary", cookies };
      expect(refusal(withService(own)), cookies[0]?.name).toMatch(
        /^services\.6\.cookies: \[necessary-no-tracking-cookies\]/,
      );
    }
    const storage = { id: "heatmap", category: "necessary", storage: ["_hjSession"] };
    expect(refusal(withService(storage))).toMatch(
      /^services\.6\.storage: \[necessary-no-tracking-cookies\] "_hjSession"/,
    );
  });
});

describe("no Consent Mode grant from necessary", () => {
  it("refuses a mapping that grants the advertising keys from necessary", () => {
    const config = {
      ...base(),
      consentMode: {
        categories: { necessary: ["ad_storage", "ad_user_data", "ad_personalization"] },
      },
    };
    expect(refusal(config)).toBe(
      'consentMode.categories.necessary: [necessary-no-consent-mode-grant] "necessary" is granted without asking, so it may not grant ad_storage, ad_user_data, ad_personalization',
    );
  });

  it("refuses analytics_storage and the other gated keys from necessary; allows security_storage", () => {
    for (const key of ["analytics_storage", "functionality_storage", "personalization_storage"]) {
      const config = { ...base(), consentMode: { categories: { necessary: [key] } } };
      expect(rules(config), key).toEqual(["necessary-no-consent-mode-grant"]);
    }
    const security = {
      ...base(),
      consentMode: { categories: { necessary: ["security_storage"] } },
    };
    expect(refusal(security)).toBeNull();
    const elsewhere = { ...base(), consentMode: { categories: { embeds: ["ad_storage"] } } };
    expect(refusal(elsewhere)).toBeNull();
  });
});

describe("Consent Mode keys only on Google's own tags", () => {
  it("refuses Hotjar and Microsoft Clarity with consentModeKeys", () => {
    for (const id of ["hotjar", "microsoft-clarity"]) {
      const config = withService({
        id,
        category: "analytics",
        consentModeKeys: ["analytics_storage"],
      });
      expect(refusal(config), id).toBe(
        `services.6.consentModeKeys: [consent-mode-keys-google-only] "${id}" does not read Google Consent Mode; only google-analytics and google-ads may have Consent Mode keys (in advanced mode they load before consent)`,
      );
    }
  });

  it("accepts them without keys (as the catalogue has them), and Google's tags with theirs", () => {
    const config = {
      ...withService({ id: "microsoft-clarity", category: "analytics" }),
      consentMode: { mode: "advanced" },
    };
    const parsed = v.parse(SiteConfigSchema, config);
    expect(parsed.services.find((s) => s.id === "microsoft-clarity")?.consentModeKeys).toEqual([]);
    const ads = withService({ id: "google-ads", category: "marketing" });
    expect(refusal(ads)).toBeNull();
  });
});

describe("every control has a visible, trimmed label in every language", () => {
  it('refuses `rejectAll: ""`, blank, padded, blank-looking and wordless labels', () => {
    const blank = [
      "",
      " ",
      "\u00a0",
      " Reject all",
      "Reject all\n",
      // Letters or symbols to Unicode that render as nothing: braille blank, Hangul fillers.
      "\u2800",
      "\u3164",
      "\u115F\u1160",
      "\uFFA0",
      // Punctuation or symbols alone say nothing a visitor can act on.
      ".",
      "×",
    ];
    for (const text of blank) {
      const config = { ...base(), texts: { fr: { rejectAll: text } } };
      expect(refusal(config), JSON.stringify(text)).toBe(
        "texts.fr.rejectAll: [control-text-required] a button or link needs a visible label with a letter or digit, without leading or trailing spaces",
      );
    }
  });

  it("refuses invisible format characters, which hide or reorder what a label says", () => {
    for (const text of [
      "\u200b",
      "\u200B.\u200B",
      "Acc\u200Bept all",
      "\u202Etpecca",
      "Re\u00ADject",
    ]) {
      const config = { ...base(), texts: { en: { acceptAll: text } } };
      expect(refusal(config), JSON.stringify(text)).toBe(
        "texts.en.acceptAll: [control-text-required] a button or link label may not hold invisible format characters (zero-width spaces or joiners, bidirectional controls, soft hyphens): they can hide or reorder what the visitor reads",
      );
    }
  });

  it("refuses bidirectional overrides in any text or service fact, which show it in another order than it is checked", () => {
    const reversed = "\u202E.tnesnoc uoy ,etis siht esu ot gniunitnoc yB\u202C";
    const why =
      "[text-no-bidi-override] a text may not hold bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069): they show it in another order than the checks read it";
    expect(refusal({ ...base(), texts: { en: { description: reversed } } })).toBe(
      `texts.en.description: ${why}`,
    );
    expect(
      refusal({ ...base(), texts: { fr: { "category.marketing": "\u2067yrassecen\u2069" } } }),
    ).toBe(`texts.fr.category.marketing: ${why}`);
    const services = base().services.map((s, i) =>
      i === 1 ? { ...s, purpose: "\u202Dads\u202C" } : s,
    );
    expect(refusal({ ...base(), services })).toBe(`services.1.purpose: ${why}`);
    // Right-to-left text itself, and the direction marks, are not refused.
    expect(
      refusal({
        ...base(),
        texts: {
          ar: { description: "نستخدم ملفات تعريف الارتباط\u200F (Google Analytics)\u200E." },
        },
      }),
    ).toBeNull();
  });

  it("refuses a service's policy link in a language that is not a link, or leads off the site unseen", () => {
    const why =
      "[text-link-url] a service's policy link must be an http(s) URL or a path, without backslashes or control characters (browsers read `/\\host` as `//host`, another site)";
    for (const link of ["/\\evil.example/privacy", "javascript:alert(1)", "privacy", "/pri\nvacy"])
      expect(refusal({ ...base(), texts: { de: { "service.youtube.privacy": link } } }), link).toBe(
        `texts.de.service.youtube.privacy: ${why}`,
      );
    for (const link of ["https://policies.google.com/privacy?hl=de", "/datenschutz"])
      expect(
        refusal({ ...base(), texts: { de: { "service.youtube.privacy": link } } }),
        link,
      ).toBeNull();
  });

  it("checks every button, link and the withdraw control, in every configured language", () => {
    const keys = [
      "acceptAll",
      "manage",
      "save",
      "close",
      "privacyPolicy",
      "floatingButton",
      "embed.loadOnce",
      "embed.alwaysAllow",
      "object",
      "optOut",
      "privacyChoices",
    ];
    for (const key of keys) {
      const config = { ...base(), texts: { en: { title: "Cookies" }, "de-AT": { [key]: "" } } };
      expect(refusal(config), key).toMatch(
        new RegExp(`^texts\\.de-AT\\.${key.replace(".", "\\.")}: \\[control-text-required\\]`),
      );
    }
    const fine = {
      ...base(),
      texts: {
        en: { rejectAll: "Refuse", close: "Close", description: "" },
        ar: { close: "إغلاق" },
      },
    };
    expect(refusal(fine)).toBeNull();
  });

  it("checks a rule's own texts too: its visitors see them over the site's", () => {
    const config = {
      ...base(),
      jurisdictions: {
        rules: [{ id: "eu", regions: ["EEA"], model: "opt-in", texts: { fr: { rejectAll: " " } } }],
        otherwise: "eu",
      },
    };
    expect(refusal(config)).toBe(
      "jurisdictions.rules.0.texts.fr.rejectAll: [control-text-required] a button or link needs a visible label with a letter or digit, without leading or trailing spaces",
    );
  });
});

describe("a privacy policy is linked", () => {
  it("refuses a config without a privacy-policy URL", () => {
    const { privacyPolicyUrl: _, ...config } = base();
    expect(refusal(config)).toBe(
      "privacyPolicyUrl: [privacy-policy-required] the banner must link the site's privacy policy",
    );
    expect(refusal({ ...config, privacyPolicyUrl: "" })).toMatch(/^privacyPolicyUrl: /);
  });
});

describe("how long decisions and cookies last", () => {
  it("refuses a refusal remembered for less than 6 months (re-asking daily)", () => {
    const config = { ...base(), expiry: { acceptedDays: 365, rejectedDays: 1 } };
    expect(refusal(config)).toMatch(/^expiry\.rejectedDays: \[refusal-min-6-months\] /);
    expect(refusal({ ...config, expiry: { acceptedDays: 365, rejectedDays: 182 } })).toBeNull();
  });

  it("refuses a consent or refusal remembered for more than 13 months", () => {
    for (const expiry of [
      { acceptedDays: 396, rejectedDays: 182 },
      { acceptedDays: 365, rejectedDays: 396 },
    ]) {
      expect(rules({ ...base(), expiry })).toEqual(["consent-max-13-months"]);
    }
    expect(refusal({ ...base(), expiry: { acceptedDays: 395, rejectedDays: 395 } })).toBeNull();
  });

  it("refuses cookie lifetimes over two years (100,000 days), keeps GA's two years", () => {
    const config = withService({
      id: "forever",
      category: "analytics",
      cookies: [{ name: "fv", days: 100_000 }],
    });
    expect(refusal(config)).toMatch(/^services\.6\.cookies\.0\.days: \[cookie-lifetime-max\] /);
    const infinite = withService({
      id: "x",
      category: "analytics",
      cookies: [{ name: "fv", days: Infinity }],
    });
    expect(rules(infinite)).toEqual(["cookie-lifetime-max"]);
    const ga = withService({
      id: "own-ga",
      category: "analytics",
      cookies: [{ name: "_ga", days: 730 }],
    });
    expect(refusal(ga)).toBeNull();
  });
});

describe("configGuardIssues", () => {
  it("lists every broken rule at once, for the linter and the dashboard", () => {
    const config = base();
    const issues = configGuardIssues({
      ...config,
      privacyPolicyUrl: undefined,
      categories: [...config.categories, { id: "stats", required: true }],
      texts: { en: { rejectAll: "" } },
    });
    expect(issues.map((i) => [i.rule, i.path.join(".")])).toEqual([
      ["required-only-necessary", "categories.5.required"],
      ["control-text-required", "texts.en.rejectAll"],
      ["privacy-policy-required", "privacyPolicyUrl"],
    ]);
  });
});
