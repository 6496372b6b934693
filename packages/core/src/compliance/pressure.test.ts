import { describe, expect, it } from "vitest";
import { presetJurisdictions } from "../jurisdictions";
import type { SiteConfig } from "../site-config";
import { lintConfig } from "./lint";
import { cleanConfig, withTexts } from "./test-config";

const pressure = (config: SiteConfig) =>
  lintConfig(config)
    .filter((f) => f.rule === "text-pressures-refusal")
    .map((f) => `${f.severity} ${f.field}`);

const said = (language: string, key: string, text: string) =>
  pressure(withTexts(language, { [key]: text }));

describe("a text pressuring the visitor out of refusing", () => {
  it.each([
    ["en", "description", "Rejecting them will make parts of the site stop working."],
    ["en", "description", "Without cookies we cannot keep this site free."],
    ["en", "description", "Are you sure? You will miss out."],
    ["en", "description", "Advertising pays for our journalism: please support us."],
    ["en", "reconsent", "Please consider accepting: ads keep our content free."],
    ["en", "preferencesIntro", "If you refuse, the site may not work properly."],
    ["en", "title", "Are you sure you want to refuse?"],
    ["en", "category.marketing.description", "Ads keep this site free."],
    ["de", "description", "Wenn Sie ablehnen, wird die Website nicht mehr funktionieren."],
    ["de", "description", "Sind Sie sicher? Werbung hilft uns, die Seite kostenlos anzubieten."],
    ["fr", "description", "Si vous refusez, le site ne fonctionnera plus correctement."],
    ["fr", "description", "Êtes-vous sûr ? La publicité garde ce site gratuit."],
    ["es", "description", "Si rechaza, el sitio dejará de funcionar."],
    ["es", "description", "¿Está seguro? Se perderá nuestras novedades."],
    ["it", "description", "Se rifiuti, il sito smetterà di funzionare."],
    ["it", "description", "Sei sicuro? Ti perderai i nostri contenuti."],
    ["nl", "description", "Als u weigert, zal de website niet meer werken."],
    ["nl", "description", "Weet u het zeker? Advertenties houden deze site gratis."],
    ["pl", "description", "Jeśli odrzucisz, strona przestanie działać."],
    ["pl", "description", "Czy na pewno? Stracisz dostęp do nowości."],
    ["pt", "description", "Se recusar, o site deixará de funcionar."],
    ["pt", "description", "Tem a certeza? Vai perder as novidades."],
    ["sv", "description", "Om du avvisar kommer webbplatsen att sluta fungera."],
    ["sv", "description", "Är du säker? Du går miste om nyheterna."],
    ["da", "description", "Hvis du afviser, vil webstedet holde op med at virke."],
    ["da", "description", "Er du sikker? Du går glip af nyhederne."],
    ["cy", "description", "Os byddwch yn gwrthod, bydd y wefan yn stopio gweithio."],
    ["cy", "description", "Ydych chi'n siŵr? Byddwch yn colli allan."],
    ["ar", "description", "إذا رفضت، لن يعمل الموقع بشكل صحيح."],
    ["ar", "description", "هل أنت متأكد؟ ستفوتك أحدث الأخبار."],
    [
      "en",
      "description",
      "If you refuse, you may not be able to use all the features of this website.",
    ],
    // English pasted into another language.
    ["de", "description", "Rejecting them will make parts of the site stop working."],
  ] as const)("is refused: %s %s %j", (language, key, text) => {
    expect(said(language, key, text)).toEqual([`error texts.${language}.${key}`]);
  });

  it("is a warning when a category's description says refusing it breaks something", () => {
    // Perhaps true of that category's own feature: the owner confirms it.
    expect(
      said(
        "en",
        "category.preferences.description",
        "If you reject these, parts of the site will stop working.",
      ),
    ).toEqual(["warning texts.en.category.preferences.description"]);
    expect(
      said(
        "de",
        "category.analytics.description",
        "Ohne diese Cookies kann die Website nicht richtig funktionieren.",
      ),
    ).toEqual(["warning texts.de.category.analytics.description"]);
  });

  it("is refused in a rule's own texts, and on a choice's label", () => {
    const rules = presetJurisdictions().rules.map((rule, i) =>
      i === 0
        ? { ...rule, texts: { en: { description: "Are you sure? You'll miss out." } } }
        : rule,
    );
    expect(pressure(cleanConfig({ jurisdictions: { ...presetJurisdictions(), rules } }))).toEqual([
      "error jurisdictions.rules.0.texts.en.description",
    ]);
    expect(
      lintConfig(withTexts("en", { acceptAll: "Accept all and support us" })).map(
        (f) => `${f.rule} ${f.field}`,
      ),
    ).toEqual(["label-nudges texts.en.acceptAll"]);
  });
});

describe("a text stating facts about refusing", () => {
  it.each([
    ["en", "description", "If you reject, embedded videos will not play until you allow them."],
    ["en", "description", "If you reject, embedded videos won't work until you allow them."],
    [
      "en",
      "category.embeds.description",
      "Videos and maps from other sites will not work until you allow them.",
    ],
    ["en", "category.necessary.description", "Without these cookies the site would not work."],
    [
      "en",
      "description",
      "Strictly necessary cookies are always on: without them the site would not work properly.",
    ],
    [
      "en",
      "description",
      "You can refuse: the site works just the same, and you are free to change your mind.",
    ],
    [
      "en",
      "description",
      "Analytics cookies help us improve the site; advertising cookies help us measure our campaigns.",
    ],
    ["en", "description", "We do not rely on advertising."],
    ["en", "description", "We would be grateful for your feedback on this site."],
    [
      "en",
      "preferencesIntro",
      "Choose what you allow. Strictly necessary cookies keep the site working.",
    ],
    [
      "de",
      "description",
      "Wenn Sie ablehnen, werden eingebettete Videos erst abgespielt, wenn Sie sie erlauben.",
    ],
    ["de", "category.necessary.description", "Ohne diese Cookies funktioniert die Website nicht."],
    [
      "fr",
      "description",
      "Si vous refusez, les vidéos intégrées ne s'afficheront qu'après votre accord.",
    ],
    [
      "fr",
      "description",
      "Les cookies nécessaires, sans lesquels le site ne fonctionnerait pas, restent actifs.",
    ],
    [
      "es",
      "description",
      "Si rechaza, los vídeos incrustados no funcionarán hasta que los permita.",
    ],
    ["es", "description", "No usamos cookies no funcionales sin su permiso."],
    [
      "it",
      "description",
      "Se rifiuti, i video incorporati non funzioneranno finché non li consenti.",
    ],
    ["nl", "description", "Wij werken niet met advertentienetwerken zonder uw toestemming."],
    ["nl", "description", "Als u weigert, werken ingesloten video's pas als u ze toestaat."],
  ] as const)("is published: %s %s %j", (language, key, text) => {
    expect(said(language, key, text)).toEqual([]);
  });
});
