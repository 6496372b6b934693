import { defaultSiteConfig, RULE_TEXTS, ruleTexts, type VisitorRule } from "@assent/core";
import { describe, expect, it } from "vitest";
import en from "./lang/en";
import fr from "./lang/fr";
import { textsFor } from "./texts";

describe("textsFor", () => {
  it("names a site's own category in its default language where the site wrote no texts in the visitor's", () => {
    const config = {
      ...defaultSiteConfig("demo"),
      defaultLanguage: "en",
      texts: {
        en: { "category.chat": "Live chat", "category.chat.description": "Talk to our team." },
      },
    };
    const t = textsFor(config, "fr", fr);
    expect(t("category.chat")).toBe("Live chat");
    expect(t("category.chat.description")).toBe("Talk to our team.");
    // Built-in texts stay in the visitor's language, whatever the default language's say.
    const titled = { ...config, texts: { en: { ...config.texts.en, title: "Cookies here" } } };
    expect(textsFor(titled, "fr", fr)("title")).toBe((fr as Record<string, string>).title);
    // A configuration published before its category had to be named: the id, as before.
    expect(textsFor(defaultSiteConfig("demo"), "fr", fr)("category.chat")).toBe("chat");
  });

  it("shows the default text where a site's own text is blank, never an empty button", () => {
    const config = defaultSiteConfig("demo");
    const blank = {
      ...config,
      texts: { en: { rejectAll: "", acceptAll: "  ", title: "Cookies" } },
    };
    const t = textsFor(blank as never, "en", en);
    expect(t("rejectAll")).toBe((en as Record<string, string>).rejectAll);
    expect(t("acceptAll")).toBe((en as Record<string, string>).acceptAll);
    expect(t("title")).toBe("Cookies");
  });

  it("looks a rule's text up in the rule's own wording, the site's, the built-in one in the language shown, then English", () => {
    const rule: VisitorRule = {
      id: "uk",
      jurisdiction: "GB",
      model: "uk-exemptions",
      texts: {
        "fr-ca": { objected: "Opposition notée (rule, fr-CA)" },
        fr: { object: "Non (rule)" },
      },
      fallback: { object: RULE_TEXTS.object, objectInfo: RULE_TEXTS.objectInfo },
    };
    const config = {
      ...defaultSiteConfig("demo"),
      texts: { fr: { object: "Non (site)", objectInfo: "Nous comptons (site)" } },
    };
    // The language's texts with the rule's built in that language, as `loadDictionary` gives them.
    const french = { ...fr, ...ruleTexts("fr", "uk-exemptions") };
    const t = textsFor(config, "fr-CA", french, rule);
    expect(t("objected")).toBe("Opposition notée (rule, fr-CA)");
    expect(t("object")).toBe("Non (rule)");
    expect(t("objectInfo")).toBe("Nous comptons (site)");
    const unworded = { ...rule, texts: undefined };
    const builtIn = textsFor(defaultSiteConfig("demo"), "fr-CA", french, unworded);
    expect(builtIn("object")).toBe("S'opposer");
    expect(builtIn("acceptAll")).toBe("Tout accepter");
    // Without the rule's texts in French (they could not be loaded: the banner is then English).
    const english = textsFor(defaultSiteConfig("demo"), "en", en, unworded);
    expect(english("object")).toBe("Object");
    expect(english("objectInfo")).toBe(RULE_TEXTS.objectInfo);
    expect(english("category.newsletter")).toBe("newsletter");
  });
});
