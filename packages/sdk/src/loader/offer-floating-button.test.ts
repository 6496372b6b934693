import {
  defaultSiteConfig,
  presetJurisdictions,
  type RuleModel,
  ruleTexts,
  type SiteConfig,
  selectRule,
  visitorRule,
} from "@assent/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { languageFile } from "../languages";
import { type ButtonHost, offerFloatingButton } from "./offer-floating-button";

const site: SiteConfig = { ...defaultSiteConfig("demo"), jurisdictions: presetJurisdictions() };
const ruleFor = (country: string, subdivision?: string) =>
  visitorRule(site, selectRule(site, { country, subdivision }));

/** Offers the button on a page in `language`; what it was labelled and what it fetched. */
async function offer(host: Partial<ButtonHost> & { language: string }, unreachable = false) {
  const fetched: string[] = [];
  const labels: (string | undefined)[] = [];
  const langs: (string | undefined)[] = [];
  await offerFloatingButton(
    { config: site, rule: undefined, nonce: undefined, ...host },
    () => {},
    (label, _open, _nonce, _optional, _privacyChoices, lang) => {
      labels.push(label);
      langs.push(lang);
    },
    async (url) => {
      fetched.push(url);
      if (unreachable) throw new TypeError("Failed to fetch dynamically imported module");
      const [, code, model] = /lang\/(\w+)-([\w-]+)-test\.js$/.exec(url) ?? [];
      return { default: ruleTexts(code as string, model as RuleModel) };
    },
  );
  return { label: labels[0], fetched, lang: langs[0] };
}

afterEach(() => vi.restoreAllMocks());

describe("offerFloatingButton", () => {
  it("labels the Your Privacy Choices link in the page's language, from the opt-out's texts", async () => {
    const { label, fetched, lang } = await offer({ rule: ruleFor("US", "CA"), language: "es" });
    expect(label).toBe("Sus opciones de privacidad");
    expect(lang).toBe("es");
    // The file the UI fetches for the preference centre: `languageFile`'s name, written out.
    expect(fetched).toEqual([`./${languageFile("es-opt-out")}`]);
  });

  it("fetches nothing more in English, for another rule, or where the site words it", async () => {
    const us = ruleFor("US", "CA");
    expect(await offer({ rule: us, language: "en" })).toEqual({
      label: "Your Privacy Choices",
      fetched: [],
      lang: "en",
    });
    expect(await offer({ rule: ruleFor("GB"), language: "fr" })).toEqual({
      label: "Paramètres des cookies",
      fetched: [],
      lang: "fr",
    });
    expect(await offer({ language: "de" })).toEqual({
      label: "Cookie-Einstellungen",
      fetched: [],
      lang: "de",
    });
    const worded = { ...site, texts: { es: { privacyChoices: "Tus opciones" } } };
    expect(await offer({ config: worded, rule: us, language: "es" })).toEqual({
      label: "Tus opciones",
      fetched: [],
      lang: "es",
    });
  });

  it("is the English link when the opt-out's texts cannot be loaded", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { label, lang } = await offer({ rule: ruleFor("US", "CA"), language: "es" }, true);
    expect(label).toBe("Your Privacy Choices");
    // In English, and marked so on a Spanish page.
    expect(lang).toBe("en");
    expect(warn).toHaveBeenCalled();
  });
});
