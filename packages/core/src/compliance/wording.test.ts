import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../languages";
import { WORDING } from "./dictionaries";
import { lintConfig } from "./lint";
import { cleanConfig, withTexts } from "./test-config";
import { normalize } from "./text-match";

const rules = (config: ReturnType<typeof cleanConfig>) =>
  lintConfig(config).map((f) => `${f.severity} ${f.rule} ${f.field}`);

describe("wording", () => {
  it("finds nothing in a clean configuration or the standard texts", () => {
    expect(rules(cleanConfig())).toEqual([]);
    expect(rules(withTexts("en", { rejectAll: "Reject all", acceptAll: "Accept all" }))).toEqual(
      [],
    );
  });

  it.each([
    ["en", "I like cookies"],
    ["en", "Continue"],
    ["en", "OK"],
    ["en", "ok!"],
    ["en", "Accept all"],
    ["fr", "Continuer"],
    ["fr", "J’accepte"],
    ["de", "Weiter"],
    ["es", "Aceptar todo"],
    ["it", "Accetto"],
    ["nl", "Akkoord"],
    ["fr", "OK"],
    ["de-AT", "Einverstanden? OK"],
  ])("refuses a reject button labelled %s %j", (language, label) => {
    const found = rules(withTexts(language, { rejectAll: label }));
    expect(found).toEqual([`error reject-label-means-accept texts.${language}.rejectAll`]);
  });

  it.each([
    ["en", "I accept"],
    ["en", "Yes, I agree"],
    ["en", "Accept & close"],
    ["en", "Agree and close"],
    ["en", "Accept all and continue"],
    ["fr", "Oui, j'accepte"],
    ["de", "Ja, ich stimme zu"],
  ])("refuses a reject button that accepts in other words: %s %j", (language, label) => {
    expect(rules(withTexts(language, { rejectAll: label }))).toEqual([
      `error reject-label-means-accept texts.${language}.rejectAll`,
    ]);
  });

  it.each([
    ["en", "Continue without accepting"],
    ["fr", "Continuer sans accepter"],
    ["de", "Ablehnen"],
    ["en", "No thanks"],
    ["en", "Accept only necessary cookies"],
    ["en", "Don't accept"],
    ["en", "OK, reject all"],
    ["de", "Nur notwendige akzeptieren"],
    ["es", "Continuar sin aceptar"],
  ])("lets a reject button say %s %j", (language, label) => {
    expect(rules(withTexts(language, { rejectAll: label }))).toEqual([]);
  });

  it.each([
    ["en", "Reject all"],
    ["en", "No thanks"],
    ["en", "Close"],
    ["en", "Dismiss"],
    ["fr", "Tout refuser"],
    ["de", "Schließen"],
    ["es", "Rechazar"],
    ["pl", "Odrzuć"],
  ])("refuses an accept button labelled as a refusal or a way out: %s %j", (language, label) => {
    expect(rules(withTexts(language, { acceptAll: label, rejectAll: "Decline" }))).toEqual([
      `error accept-label-means-refuse texts.${language}.acceptAll`,
    ]);
  });

  it("checks a rule's own texts like the site's: its visitors see them over the site's", () => {
    const base = cleanConfig();
    const config = {
      ...base,
      jurisdictions: {
        rules: [
          {
            id: "eu",
            regions: ["EEA"],
            model: "opt-in" as const,
            texts: {
              en: {
                rejectAll: "Accept all",
                acceptAll: "Close",
                description: "By continuing to browse you consent to all cookies.",
                "category.marketing": "Strictly necessary",
              },
            },
          },
        ],
        otherwise: "eu",
      },
    };
    expect(rules(config)).toEqual([
      "error reject-label-means-accept jurisdictions.rules.0.texts.en.rejectAll",
      "error accept-label-means-refuse jurisdictions.rules.0.texts.en.acceptAll",
      "error consent-by-continuing jurisdictions.rules.0.texts.en.description",
      "error category-label-claims-necessary jurisdictions.rules.0.texts.en.category.marketing",
    ]);
  });

  it.each([
    ["en", "By continuing to use this site you consent to cookies"],
    ["en", "If you continue, we assume you agree."],
    ["fr", "En poursuivant votre navigation, vous acceptez les cookies."],
    ["de", "Durch die weitere Nutzung der Seite stimmen Sie zu."],
    ["es", "Si continúa navegando, acepta el uso de cookies."],
    ["it", "Proseguendo la navigazione accetti i cookie."],
    ["nl", "Door verder te gaan gaat u akkoord."],
  ])("refuses consent by browsing on in %s", (language, description) => {
    expect(rules(withTexts(language, { description }))).toEqual([
      `error consent-by-continuing texts.${language}.description`,
    ]);
  });

  it.each([
    ["en", "Continuing to browse means you accept cookies."],
    ["en", "Use of this website constitutes acceptance of our use of cookies."],
    ["en", "If you keep browsing, we assume you agree."],
    ["en", "Scrolling this page means you consent."],
    ["en", "By contin\u200Buing you agree."],
    ["de", "Wenn Sie weitersurfen, gehen wir davon aus, dass Sie einverstanden sind."],
    ["de", "Die weitere Nutzung gilt als Zustimmung."],
    ["fr", "La poursuite de votre navigation vaut acceptation des cookies."],
    ["fr", "Si vous continuez, nous considérons que vous acceptez."],
    ["es", "Al seguir navegando, entendemos que acepta las cookies."],
    ["it", "Scorrendo questa pagina acconsenti ai cookie."],
    ["nl", "Door verder te surfen gaan we ervan uit dat u akkoord gaat."],
    ["pl", "Przewijając stronę, wyrażasz zgodę na pliki cookie."],
    ["pt", "Ao continuar a navegar, consideramos que aceita os cookies."],
    ["sv", "Genom att skrolla godkänner du kakor."],
    ["da", "Ved at scrolle accepterer du cookies."],
    ["cy", "Drwy sgrolio rydych yn cytuno."],
    ["ar", "باستمرارك في التصفح فإنك توافق على ملفات تعريف الارتباط."],
    ["en", "By visiting this site you agree to our use of cookies."],
    ["en", "By accessing this website, you accept the use of cookies for advertising."],
    ["en", "Your continued browsing signals your agreement to our cookies."],
    ["en", "Closing this banner or clicking anywhere on the page counts as your agreement."],
    ["de", "Mit der weiteren Nutzung dieser Website stimmen Sie der Verwendung von Cookies zu."],
    ["de", "Mit dem Besuch unserer Website akzeptieren Sie Cookies."],
    ["fr", "En visitant ce site, vous acceptez les cookies."],
    ["es", "Al visitar este sitio acepta las cookies."],
    ["it", "Visitando questo sito accetti i cookie."],
    ["nl", "Door deze website te bezoeken gaat u akkoord."],
    ["pt", "Ao visitar este site aceita os cookies."],
  ])(
    "refuses consent implied by browsing, scrolling or staying on, in %s: %j",
    (language, description) => {
      expect(rules(withTexts(language, { description }))).toEqual([
        `error consent-by-continuing texts.${language}.description`,
      ]);
    },
  );

  it("refuses consent implied by browsing behind a look-alike letter, and the word mixing alphabets", () => {
    expect(rules(withTexts("en", { description: "By c\u043Entinuing you agree." }))).toEqual([
      "error consent-by-continuing texts.en.description",
      "warning text-mixed-scripts texts.en.description",
    ]);
  });

  it.each([
    "Closing this banner keeps only the cookies the site needs.",
    "You can change your choice by visiting our cookie settings page.",
    "Click Accept all to allow everything, or Reject all to refuse.",
  ])("lets a text through that asks for a choice: %j", (description) => {
    expect(rules(withTexts("en", { description }))).toEqual([]);
  });

  it("checks English phrases in another language's texts too", () => {
    expect(rules(withTexts("fr", { description: "By continuing you consent." }))).toEqual([
      "error consent-by-continuing texts.fr.description",
    ]);
  });

  it.each([
    ["en", "Strictly necessary - cannot be refused"],
    ["en", "Essential"],
    ["fr", "Strictement nécessaires"],
    ["de", "Unbedingt erforderlich"],
    ["es", "Estrictamente necesarias"],
    ["it", "Strettamente necessari"],
    ["nl", "Strikt noodzakelijk"],
  ])("refuses a refusable category labelled as necessary in %s: %j", (language, label) => {
    expect(rules(withTexts(language, { "category.analytics": label }))).toEqual([
      `error category-label-claims-necessary texts.${language}.category.analytics`,
    ]);
  });

  it("refuses a title, description or category text without a single word", () => {
    const config = withTexts("en", {
      title: ".",
      description: "—",
      "category.analytics": "…",
      acceptAll: "✓",
    });
    expect(rules(config)).toEqual([
      "error text-without-words texts.en.title",
      "error text-without-words texts.en.description",
      "error text-without-words texts.en.category.analytics",
    ]);
    // Blank is no text (the built-in one is shown); a number is a word.
    expect(rules(withTexts("en", { description: "", title: "2026" }))).toEqual([]);
  });

  it("refuses a category label hiding the word with an invisible character or a look-alike letter", () => {
    for (const label of ["Ne\u200Bcessary", "Ｅｓｓｅｎｔｉａｌ", "Strengt nødvendig"])
      expect(rules(withTexts("da", { "category.marketing": label })), label).toEqual([
        "error category-label-claims-necessary texts.da.category.marketing",
      ]);
    // A Cyrillic e: read as Latin, and refused as a word mixing alphabets.
    expect(rules(withTexts("da", { "category.marketing": "N\u0435cessary" }))).toEqual([
      "error category-label-claims-necessary texts.da.category.marketing",
      "error text-mixed-scripts texts.da.category.marketing",
    ]);
  });

  it.each(<[string, string, string, "" | "error" | "warning"][]>[
    // The last column: a word mixing alphabets is also found (an error on a label).
    [
      "title",
      "We use \u0585nly essential c\u0585\u0585kies",
      "description-claims-only-necessary",
      "warning",
    ],
    [
      "description",
      "By c\u0585ntinuing you c\u0585nsent to cookies for ads.",
      "consent-by-continuing",
      "warning",
    ],
    ["category.marketing", "Strictly necess\u0251ry", "category-label-claims-necessary", ""],
    [
      "category.marketing",
      "\uA4F0\uA4E2\uA4E2\uA4F0\uA4E0\uA4D4\uA4F2\uA4EE\uA4E1",
      "category-label-claims-necessary",
      "",
    ],
    [
      "manage",
      "\u13D2\u13AC\u13AB\u13AC\u13DF\u13A2 \u13AA\u13DE\u13DE",
      "manage-label-means-choice",
      "",
    ],
    ["manage", "\uABA2\uAB7C\uAB7B\uAB7C\uABAF\uAB72 all", "manage-label-means-choice", ""],
    ["manage", "\uA4E3\uA4F0\uA4D9\uA4F0\uA4DA\uA4D4 all", "manage-label-means-choice", ""],
    ["manage", "\u0433\u0435j\u0435\u0441\u0442 all", "manage-label-means-choice", "error"],
  ])(
    "reads Armenian, Cherokee, Lisu, IPA and more Cyrillic look-alikes as the Latin they imitate: %s %j",
    (key, text, rule, mixed) => {
      const config = withTexts("en", { [key]: text });
      const tracking = { ...config, services: [{ id: "meta-pixel", category: "marketing" }] };
      const field = `texts.en.${key}`;
      expect(rules(tracking)).toEqual([
        `error ${rule} ${field}`,
        ...(mixed ? [`${mixed} text-mixed-scripts ${field}`] : []),
      ]);
    },
  );

  it("keeps Polish, Welsh and Arabic letters apart from the look-alikes", () => {
    expect(normalize("Włącz wszystkie, ŵyr, حسنًا")).toBe("wlacz wszystkie, wyr, حسنا");
    for (const [language, text] of [
      ["pl", "Odrzuć wszystkie"],
      ["cy", "Gwrthod y cyfan"],
      ["ar", "رفض الكل"],
    ] as const)
      expect(rules(withTexts(language, { rejectAll: text }))).toEqual([]);
  });

  it("refuses a refusable category described as necessary", () => {
    expect(
      rules(
        withTexts("en", { "category.marketing.description": "Strictly necessary for the site." }),
      ),
    ).toEqual(["error category-label-claims-necessary texts.en.category.marketing.description"]);
  });

  it("lets necessary say it is necessary, and others say they are not", () => {
    expect(
      rules(
        withTexts("en", {
          "category.necessary": "Strictly necessary - cannot be refused",
          "category.analytics": "Analytics (non-essential)",
          "category.marketing": "Not necessary: advertising",
        }),
      ),
    ).toEqual([]);
  });

  it("warns about legitimate interest claimed for cookies", () => {
    expect(
      rules(
        withTexts("de", {
          description:
            "Wir nutzen Cookies aufgrund berechtigter Interessen und berechtigten Interesses.",
        }),
      ),
    ).toEqual(["warning legitimate-interest-claim texts.de.description"]);
    expect(
      rules(withTexts("en", { description: "On the basis of our legitimate interests." })),
    ).toEqual(["warning legitimate-interest-claim texts.en.description"]);
    expect(
      rules(withTexts("en", { description: "We rely on our legitimate business interests." })),
    ).toEqual(["warning legitimate-interest-claim texts.en.description"]);
  });
});

describe("a claim that the site uses only what is necessary", () => {
  /** A clean configuration listing Google Analytics, which needs consent. */
  const tracking = (language: string, texts: Record<string, string>) => {
    const base = withTexts(language, texts);
    return {
      ...base,
      services: [...base.services, { id: "google-analytics", category: "analytics" }],
    };
  };

  it.each([
    ["en", "description", "We use only essential cookies."],
    ["en", "description", "No tracking, ever."],
    ["en", "title", "Only necessary cookies here"],
    ["en", "preferencesIntro", "We don't track you."],
    ["en", "title", "This site doesn't use tracking cookies"],
    ["en", "preferencesIntro", "We never use cookies to follow you around the web."],
    ["en", "reconsent", "We have stopped all tracking, so we are asking again."],
    ["de", "description", "Wir verwenden nur notwendige Cookies."],
    ["fr", "description", "Ce site n'utilise aucun traceur."],
    ["es", "description", "Solo utilizamos cookies necesarias."],
    ["it", "description", "Usiamo solo cookie tecnici."],
    ["nl", "description", "Wij gebruiken alleen noodzakelijke cookies."],
    ["pl", "description", "Używamy tylko niezbędnych plików cookie."],
    ["pt", "description", "Utilizamos apenas cookies essenciais."],
    ["sv", "description", "Vi använder endast nödvändiga kakor."],
    ["da", "description", "Vi bruger kun nødvendige cookies."],
    ["cy", "description", "Rydym yn defnyddio cwcis hanfodol yn unig."],
    ["ar", "description", "نستخدم ملفات تعريف الارتباط الضرورية فقط."],
  ])(
    "is refused while a category that needs consent has services: %s %s %j",
    (language, key, text) => {
      expect(rules(tracking(language, { [key]: text }))).toEqual([
        `error description-claims-only-necessary texts.${language}.${key}`,
      ]);
      // True of a site that lists nothing but what is necessary (and YouTube is not listed).
      expect(rules(withTexts(language, { [key]: text }, cleanConfig({ services: [] })))).toEqual(
        [],
      );
    },
  );

  it.each([
    [
      "gpcHonoured",
      "Your browser's privacy signal is honoured: this site uses only essential cookies.",
    ],
    ["gpc", "We only use essential cookies for visitors with Global Privacy Control."],
    ["optOutHonoured", "Opt-out honoured: no tracking on this site."],
  ])(
    "is refused in the notes shown once a privacy signal or an opt-out is honoured: %s",
    (key, text) => {
      // GPC and an opt-out turn off only advertising and sale-or-share: analytics still runs once allowed.
      expect(rules(tracking("en", { [key]: text }))).toEqual([
        `error description-claims-only-necessary texts.en.${key}`,
      ]);
    },
  );

  it("reads a GPC note without a word as saying nothing", () => {
    expect(rules(withTexts("en", { gpcHonoured: "…" }))).toEqual([
      "error text-without-words texts.en.gpcHonoured",
    ]);
  });

  it.each([
    "When you visit our site, we only use essential cookies.",
    "If you browse on, we only set necessary cookies.",
    "Once you log in, we only use essential cookies.",
  ])("is not excused by a condition other than the visitor's choice: %j", (description) => {
    expect(rules(tracking("en", { description }))).toEqual([
      "error description-claims-only-necessary texts.en.description",
    ]);
  });

  it.each([
    ["en", "Until you choose, only essential cookies are used."],
    ["en", "There is no tracking unless you allow it."],
    ["en", "We don't use tracking cookies unless you allow them."],
    ["en", "Only necessary cookies are set before you choose."],
    ["en", "When you reject, we only use essential cookies."],
    ["en", "If you don't accept, only necessary cookies are set."],
    ["en", "Once you have chosen, we only set essential cookies if that is your choice."],
    ["de", "Bis Sie zustimmen, setzen wir nur notwendige Cookies."],
    ["fr", "Sans votre consentement, aucun traceur n'est déposé."],
  ])("is let through as a condition of the choice: %s %j", (language, description) => {
    expect(rules(tracking(language, { description }))).toEqual([]);
  });
});

describe("wording dictionaries", () => {
  it("has phrases of every kind for every language the banner speaks", () => {
    for (const language of LANGUAGES) {
      const dictionary = WORDING[language];
      for (const phrases of Object.values(dictionary)) expect(phrases.length).toBeGreaterThan(0);
    }
  });
});
