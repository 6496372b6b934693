import { describe, expect, it } from "vitest";
import { parseSiteConfig } from "../site-config";
import { cleanConfig, textErrors } from "./test-config";

const errors = textErrors;

describe("every control says what it does", () => {
  it("refuses buttons labelled as each other's: accept as manage, manage as reject, reject as more options", () => {
    expect(
      errors("en", {
        acceptAll: "Manage preferences",
        manage: "Reject all",
        rejectAll: "More options",
      }),
    ).toEqual([
      "accept-label-means-refuse texts.en.acceptAll",
      "manage-label-means-choice texts.en.manage",
      "reject-label-unclear texts.en.rejectAll",
    ]);
  });

  it.each([
    ["en", "Close"],
    ["en", "No thanks"],
    ["en", "More options"],
    ["fr", "Fermer"],
    ["de", "Schließen"],
    ["ar", "إغلاق"],
  ])("refuses an embed's always-allow control labelled as a way out: %s %j", (language, label) => {
    expect(errors(language, { "embed.alwaysAllow": label })).toEqual([
      `accept-label-means-refuse texts.${language}.embed.alwaysAllow`,
    ]);
  });

  it.each([
    ["acceptAll", "Accept only necessary cookies"],
    ["acceptAll", "Continue without accepting"],
    ["save", "Reject all"],
    ["save", "Close"],
    ["embed.loadOnce", "Reject"],
    ["embed.loadOnce", "Dismiss"],
  ])("refuses a control that gives consent labelled as a refusal: %s %j", (key, label) => {
    expect(errors("en", { [key]: label })).toEqual([`accept-label-means-refuse texts.en.${key}`]);
  });

  it.each([
    ["en", "acceptAll", "Got cookies?"],
    ["en", "acceptAll", "Learn about cookies"],
    ["fr", "acceptAll", "Cookies"],
    ["de", "save", "Zur Seite"],
    ["pl", "embed.alwaysAllow", "Zawsze {service}"],
  ])(
    "refuses a control that gives consent without saying so, in a language the banner speaks: %s %s %j",
    (language, key, label) => {
      expect(errors(language, { [key]: label })).toEqual([
        `accept-label-unclear texts.${language}.${key}`,
      ]);
    },
  );

  it.each([
    ["en", "Accept all"],
    ["en", "Allow all"],
    ["en", "Agree and close"],
    ["en", "Yes, I'm happy with that"],
    ["de", "Alle zulassen"],
    ["de", "Einverstanden"],
    ["fr", "Tout accepter"],
    ["es", "De acuerdo"],
    ["it", "Va bene"],
    ["nl", "Alles toestaan"],
    ["pl", "Zgoda"],
    ["pt", "Aceitar tudo"],
    ["sv", "Godkänn alla"],
    ["da", "Accepter alle"],
    ["cy", "Derbyn y cyfan"],
    ["ar", "قبول الكل"],
  ])("lets the accept button say yes: %s %j", (language, label) => {
    expect(errors(language, { acceptAll: label })).toEqual([]);
  });

  it.each([
    ["en", "Save choices"],
    ["en", "Confirm my selection"],
    ["en", "Accept selected"],
    ["en", "Save and close"],
    ["de", "Auswahl speichern"],
    ["fr", "Enregistrer mes choix"],
    ["cy", "Cadw dewisiadau"],
    ["ar", "حفظ الاختيارات"],
  ])("lets the save button say it saves: %s %j", (language, label) => {
    expect(errors(language, { save: label })).toEqual([]);
  });

  it.each([
    ["en", "Manage preferences"],
    ["en", "Customise"],
    ["en", "Cookie settings"],
    ["de", "Einstellungen verwalten"],
    ["sv", "Hantera inställningar"],
  ])("lets the manage button say it opens the settings: %s %j", (language, label) => {
    expect(errors(language, { manage: label })).toEqual([]);
  });

  it.each([
    ["en", "Accept all"],
    ["en", "OK"],
    ["en", "Continue without accepting"],
    ["de", "Alle ablehnen"],
    ["fr", "Tout refuser"],
  ])("refuses a manage button that says yes or no: %s %j", (language, label) => {
    expect(errors(language, { manage: label })).toEqual([
      `manage-label-means-choice texts.${language}.manage`,
    ]);
  });

  it.each([
    ["en", "More options"],
    ["en", "Maybe later"],
    ["en", "Don't reject"],
    ["fr", "Plus d'options"],
    ["de", "Weitere Optionen"],
    ["ar", "المزيد"],
  ])("refuses a reject button that does not say no: %s %j", (language, label) => {
    expect(errors(language, { rejectAll: label })).toEqual([
      `reject-label-unclear texts.${language}.rejectAll`,
    ]);
  });

  it.each([
    ["en", "Refuse consent"],
    ["en", "Decline all consent"],
    ["fr", "Refuser le consentement"],
  ])("lets a reject button refuse consent in so many words: %s %j", (language, label) => {
    expect(errors(language, { rejectAll: label })).toEqual([]);
    // The same words on the accept button are still a refusal there.
    expect(errors(language, { acceptAll: label })).toEqual([
      `accept-label-means-refuse texts.${language}.acceptAll`,
    ]);
  });

  it.each([
    ["en", "More options"],
    ["en", "Learn more"],
    ["de", "Mehr erfahren"],
  ])(
    "refuses an Object control that does not say it objects or refuses: %s %j",
    (language, label) => {
      expect(errors(language, { object: label })).toEqual([
        `object-label-unclear texts.${language}.object`,
      ]);
    },
  );

  it("checks a language the banner does not speak only for what needs no dictionary of its own", () => {
    // Japanese: "Accept all" on the accept button and "Details" on the reject button are not
    // read (no Japanese dictionary); English pasted in is.
    expect(errors("ja", { acceptAll: "すべて受け入れる", rejectAll: "詳細" })).toEqual([]);
    expect(errors("ja", { rejectAll: "OK" })).toEqual([
      "reject-label-means-accept texts.ja.rejectAll",
    ]);
    expect(errors("ja", { acceptAll: "Reject all" })).toEqual([
      "accept-label-means-refuse texts.ja.acceptAll",
    ]);
  });

  it("refuses the refusal controls of the rules labelled as agreement", () => {
    expect(errors("en", { object: "OK", optOut: "Accept" })).toEqual([
      "reject-label-means-accept texts.en.object",
      "reject-label-means-accept texts.en.optOut",
    ]);
    expect(errors("en", { object: "Object", optOut: "Do not sell or share my data" })).toEqual([]);
  });

  it("needs California's words on the US opt-out controls in English", () => {
    expect(errors("en", { optOut: "Learn more", privacyChoices: "Settings" })).toEqual([
      "us-opt-out-label texts.en.optOut",
      "us-opt-out-label texts.en.privacyChoices",
    ]);
    for (const optOut of [
      "Do Not Sell or Share My Personal Information",
      "Do Not Sell My Personal Information",
      "Don't share my personal information",
      "Do not share my data",
    ])
      expect(
        errors("en-US", { optOut, privacyChoices: "Your California Privacy Choices" }),
        optOut,
      ).toEqual([]);
    expect(errors("en", { optOut: "Don’t sell my data" })).toEqual([]);
  });

  it("needs them in Spanish too, in California's Spanish words", () => {
    expect(errors("es", { optOut: "Más información", privacyChoices: "Configuración" })).toEqual([
      "us-opt-out-label texts.es.optOut",
      "us-opt-out-label texts.es.privacyChoices",
    ]);
    expect(
      errors("es-US", {
        optOut: "No vender ni compartir mi información personal",
        privacyChoices: "Sus opciones de privacidad de California",
      }),
    ).toEqual([]);
    // Other languages word them their own way, unchecked.
    expect(errors("de", { optOut: "Mehr erfahren" })).toEqual([]);
  });
});

describe("a reject button that says yes", () => {
  it.each([
    // A limiter anywhere no longer excuses a yes: it must narrow what is accepted.
    ["en", "Accept all without limits"],
    ["en", "Accept all — don't ask again"],
    ["en", "Only accept all"],
    ["en", "Accept only analytics and marketing"],
    ["en", "No, accept all"],
    // Idioms that start with "no" and mean yes.
    ["en", "No problem"],
    ["en", "No worries!"],
    ["en", "Why not"],
    // Synonyms of yes.
    ["de", "Einverstanden"],
    ["es", "De acuerdo"],
    ["it", "Va bene"],
    ["pl", "Zgoda"],
    ["en", "Yep"],
    ["en", "O.K."],
    ["en", "👌 Sure"],
    ["en", "I'm in"],
    ["en", "Consent"],
    ["nl", "Prima"],
    ["pt", "De acordo"],
    ["sv", "Jag samtycker"],
    ["da", "Jeg samtykker"],
    ["cy", "Iawn"],
    ["ar", "حسنا"],
    // Look-alike letters and compatibility forms read as what they look like.
    ["en", "ᴀccept all"],
    ["en", "ＯＫ"],
    ["en", "𝐀𝐜𝐜𝐞𝐩𝐭"],
  ])("is refused: %s %j", (language, label) => {
    expect(errors(language, { rejectAll: label })).toEqual([
      `reject-label-means-accept texts.${language}.rejectAll`,
    ]);
  });

  it("is refused with a Cyrillic A read as Latin, and as a word mixing alphabets", () => {
    expect(errors("en", { rejectAll: "\u0410ccept all" })).toEqual([
      "reject-label-means-accept texts.en.rejectAll",
      "text-mixed-scripts texts.en.rejectAll",
    ]);
  });

  it.each([
    ["en", "Continue without accepting"],
    ["en", "Accept only necessary cookies"],
    ["en", "Accept necessary cookies only"],
    ["en", "Accept selected"],
    ["en", "Necessary cookies only"],
    ["en", "Don't accept"],
    ["en", "OK, reject all"],
    ["de", "Nur notwendige akzeptieren"],
    ["de", "Nur notwendige Cookies akzeptieren"],
    ["de", "Weiter ohne Zustimmung"],
    ["fr", "Continuer sans accepter"],
    ["fr", "Je n'accepte pas"],
    ["es", "Continuar sin aceptar"],
    ["it", "Accetta solo i necessari"],
    ["nl", "Alleen noodzakelijke accepteren"],
    ["pl", "Akceptuj tylko niezbędne"],
    ["pt", "Aceitar apenas os necessários"],
    ["sv", "Fortsätt utan att godkänna"],
    ["da", "Fortsæt uden at acceptere"],
    ["cy", "Parhau heb dderbyn"],
    ["ar", "المتابعة بدون قبول"],
  ])("is let through when the yes is limited or undone: %s %j", (language, label) => {
    expect(errors(language, { rejectAll: label })).toEqual([]);
  });

  it("reads a yes through letters that show as blank (Hangul fillers, the braille blank)", () => {
    for (const label of ["Acc\u3164ept all", "O\u2800K", "Ag\uFFA0ree"]) {
      expect(errors("ja", { rejectAll: label }), JSON.stringify(label)).toEqual([
        "reject-label-means-accept texts.ja.rejectAll",
      ]);
      expect(errors("en", { object: label }), JSON.stringify(label)).toEqual([
        "reject-label-means-accept texts.en.object",
      ]);
    }
  });

  it("is refused by the schema when a label hides what it says in invisible characters", () => {
    for (const rejectAll of [
      "\u2800",
      "\u3164",
      ".",
      "\u200B.\u200B",
      "Acc\u200Bept all",
      "\u202Etpecca",
    ]) {
      const parsed = parseSiteConfig({ ...cleanConfig(), texts: { en: { rejectAll } } });
      expect(parsed.ok, JSON.stringify(rejectAll)).toBe(false);
      if (!parsed.ok)
        expect(parsed.message).toMatch(/^texts\.en\.rejectAll: \[control-text-required\]/);
    }
  });
});
