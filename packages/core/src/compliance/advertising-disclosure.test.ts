import { describe, expect, it } from "vitest";
import { presetJurisdictions } from "../jurisdictions";
import type { SiteConfig } from "../site-config";
import { lintConfig } from "./lint";
import { cleanConfig } from "./test-config";

/** The site lists the Meta pixel under marketing, beside YouTube. */
const withPixel = (patch: Partial<SiteConfig> = {}) =>
  cleanConfig({
    services: [
      { id: "youtube", category: "embeds" },
      { id: "meta-pixel", category: "marketing" },
    ],
    ...patch,
  });

const hidden = (config: SiteConfig) =>
  lintConfig(config)
    .filter((f) => f.rule === "description-hides-advertising")
    .map((f) => `${f.severity} ${f.field}`);

const described = (language: string, texts: Record<string, string>, config = withPixel()) =>
  hidden({ ...config, texts: { ...config.texts, [language]: texts } });

describe("a first layer that never says advertising", () => {
  it.each([
    ["en", "We use cookies to improve your experience."],
    ["en", "This site uses cookies. You can choose which ones you allow."],
    ["en", "We use cookies to count visits and to show videos."],
    ["en", "No advertising cookies are used without your consent."],
    ["de", "Wir verwenden Cookies, um die Nutzung der Website zu analysieren."],
    ["fr", "Nous utilisons des cookies pour mesurer l'audience du site."],
    ["es", "Usamos cookies para analizar el uso del sitio."],
    ["it", "Usiamo i cookie per capire come viene usato il sito."],
    ["nl", "We gebruiken cookies om het gebruik van de website te meten."],
    ["pl", "Używamy plików cookie, aby mierzyć ruch na stronie."],
    ["pt", "Utilizamos cookies para ver como o site é utilizado."],
    ["sv", "Vi använder kakor för att se hur webbplatsen används."],
    ["da", "Vi bruger cookies til at se, hvordan webstedet bruges."],
    ["cy", "Rydym yn defnyddio cwcis i weld sut mae'r wefan yn cael ei defnyddio."],
    ["ar", "نستخدم ملفات تعريف الارتباط لمعرفة كيفية استخدام الموقع."],
    ["de-AT", "Wir verwenden Cookies für Statistiken."],
  ] as const)("is refused beside the Meta pixel: %s %j", (language, description) => {
    expect(described(language, { description })).toEqual([`error texts.${language}.description`]);
  });

  it("is refused beside every service or category used for advertising", () => {
    const description = "We use cookies to see how the site is used.";
    const texts = { en: { description } };
    for (const services of <SiteConfig["services"][]>[
      [{ id: "google-ads", category: "marketing" }],
      [{ id: "linkedin-insight", category: "marketing" }],
      // Google Analytics with Signals and advertising features on.
      [{ id: "google-analytics", category: "analytics", advertisingFeatures: true }],
      // Any service under the built-in marketing.
      [{ id: "google-analytics", category: "marketing" }],
      // A site's own service declaring advertising, or selling or sharing the data.
      [{ id: "ad-partner", category: "analytics", name: "Partner", purposes: ["advertising"] }],
      [{ id: "broker", category: "analytics", name: "Broker", purposes: ["sale-or-share"] }],
    ])
      expect(hidden(cleanConfig({ services, texts })), services[0]?.id).toEqual([
        "error texts.en.description",
      ]);
    const own = cleanConfig({
      categories: [
        { id: "necessary", required: true },
        { id: "partners", purposes: ["advertising"] },
      ],
      services: [{ id: "chat", category: "partners", name: "Chat", purposes: ["functional"] }],
      texts,
    });
    expect(hidden(own)).toEqual(["error texts.en.description"]);
  });

  it("is refused in a rule's own texts", () => {
    const rules = presetJurisdictions().rules.map((rule, i) =>
      i === 0
        ? { ...rule, texts: { fr: { description: "Des cookies mesurent l'audience." } } }
        : rule,
    );
    expect(hidden(withPixel({ jurisdictions: { ...presetJurisdictions(), rules } }))).toEqual([
      "error jurisdictions.rules.0.texts.fr.description",
    ]);
  });
});

describe("a first layer that says advertising", () => {
  it.each([
    ["en", "We use cookies for statistics and to personalise ads."],
    ["en", "We and our partners use cookies for analytics and marketing."],
    ["en", "Cookies help us measure visits and show you targeted advertising."],
    ["de", "Wir nutzen Cookies für Statistik und Werbung."],
    ["de", "Wir zeigen Ihnen personalisierte Anzeigen."],
    ["de", "We use cookies for advertising."],
    ["fr", "Nous utilisons des cookies pour vous montrer des publicités personnalisées."],
    ["fr", "Des cookies servent à vous proposer des annonces ciblées."],
    ["es", "Usamos cookies para mostrarle publicidad personalizada."],
    ["es", "Usamos cookies para mostrar anuncios."],
    ["it", "Usiamo cookie di profilazione."],
    ["it", "Usiamo cookie per mostrarti annunci e misurare la pubblicità."],
    ["nl", "We gebruiken cookies voor statistieken en advertenties."],
    ["nl", "Cookies voor reclame."],
    ["pl", "Używamy plików cookie do wyświetlania reklam."],
    ["pt", "Utilizamos cookies para mostrar publicidade e anúncios."],
    ["sv", "Vi använder kakor för annonser och marknadsföring."],
    ["da", "Vi bruger cookies til annoncer og markedsføring."],
    ["cy", "Rydym yn defnyddio cwcis i fesur ein hysbysebion."],
    ["ar", "نستخدم ملفات تعريف الارتباط لقياس إعلاناتنا."],
  ] as const)("is published: %s %j", (language, description) => {
    expect(described(language, { description })).toEqual([]);
  });

  it("is published when the title says it, or nothing is for advertising", () => {
    expect(
      described("en", { title: "Cookies for ads", description: "Choose what you allow." }),
    ).toEqual([]);
    // YouTube only: nothing for advertising to name.
    expect(
      described("en", { description: "We use cookies to show videos." }, cleanConfig()),
    ).toEqual([]);
    // Social buttons: what the visitor sees is the content; sharing is GPC's business.
    const social = cleanConfig({ services: [{ id: "twitter", category: "embeds" }] });
    expect(described("en", { description: "We show posts from social media." }, social)).toEqual(
      [],
    );
    // Google Analytics without advertising features declared on.
    const analytics = cleanConfig({
      services: [{ id: "google-analytics", category: "analytics" }],
    });
    expect(described("en", { description: "We count visits." }, analytics)).toEqual([]);
  });

  it("is published with the built-in description, a blank one, or in a language without a dictionary", () => {
    expect(described("en", { title: "Cookies" })).toEqual([]);
    expect(described("en", { description: " " })).toEqual([]);
    expect(described("cs", { description: "Používáme cookies ke statistice." })).toEqual([]);
  });
});
