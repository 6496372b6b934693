import { describe, expect, it } from "vitest";
import type { SiteConfig } from "../site-config";
import { lintConfig } from "./lint";
import { cleanConfig, withTexts } from "./test-config";

const mixed = (config: SiteConfig) =>
  lintConfig(config)
    .filter((f) => f.rule === "text-mixed-scripts")
    .map((f) => `${f.severity} ${f.field}`);

const said = (language: string, key: string, text: string) =>
  mixed(withTexts(language, { [key]: text }));

describe("a word mixing alphabets", () => {
  it.each([
    // A Cyrillic A, a Cyrillic e: the look-alike table reads them, the word still mixes.
    ["en", "acceptAll", "\u0410ccept all"],
    ["en", "rejectAll", "Rej\u0435ct all"],
    // Beyond the look-alike table: a Coptic ro for the p, a Georgian letter for the y.
    ["en", "acceptAll", "Acce\u2CA3t all"],
    ["en", "manage", "Man\u10E7ge"],
    // A Greek omicron in a German label, a Cyrillic o on a link.
    ["de", "rejectAll", "Alle ablehnen \u03BFk"],
    ["en", "privacyPolicy", "Privacy p\u043Elicy"],
    ["en", "category.analytics", "St\u0430tistics"],
  ] as const)("on a label is refused: %s %s %j", (language, key, text) => {
    expect(said(language, key, text)).toEqual([`error texts.${language}.${key}`]);
  });

  it("in another text, or a service's name, is a warning", () => {
    expect(said("en", "description", "We use \u0441ookies to measure advertising.")).toEqual([
      "warning texts.en.description",
    ]);
    const named = cleanConfig({
      services: [
        { id: "youtube", category: "embeds" },
        { id: "tag", category: "analytics", name: "G\u043E\u043Egle Tag", purposes: ["analytics"] },
      ],
    });
    expect(mixed(named)).toEqual(["warning services.1.name"]);
  });

  it.each([
    ["en", "acceptAll", "Accept all"],
    ["el", "acceptAll", "Αποδοχή όλων"],
    ["ru", "acceptAll", "Принять все"],
    ["ru", "description", "Мы используем Google-аналитику и YouTube."],
    ["en", "description", "Ελληνικά/English, 5 \u00B5m, naïve café, Straße"],
    ["ja", "acceptAll", "すべて同意する"],
    ["ar", "rejectAll", "رفض الكل"],
    ["cy", "acceptAll", "Derbyn y cyfan ŵ"],
    ["pl", "rejectAll", "Odrzuć wszystkie"],
  ] as const)("is not found in words of one alphabet: %s %s %j", (language, key, text) => {
    expect(said(language, key, text)).toEqual([]);
  });
});
