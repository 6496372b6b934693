/**
 * The few texts shown outside the banner, in every language it speaks: the floating button's
 * label and an embed's placeholder. Each module that shows them (`floating-button-HASH.js`,
 * `embed-placeholder-HASH.js`) ships its own list whole, without loading a language chunk. A
 * site's own text for the page's language comes first. `privacyPolicy` is the dictionaries' (a
 * test keeps them equal).
 */

/** The floating button's label, per language. */
export const FLOATING_BUTTON_LABELS: Record<string, string> = {
  en: "Cookie settings",
  cy: "Gosodiadau cwcis",
  da: "Cookieindstillinger",
  de: "Cookie-Einstellungen",
  es: "Configuración de cookies",
  fr: "Paramètres des cookies",
  it: "Impostazioni dei cookie",
  nl: "Cookie-instellingen",
  pl: "Ustawienia plików cookie",
  pt: "Definições de cookies",
  sv: "Cookieinställningar",
  ar: "إعدادات ملفات تعريف الارتباط",
};

/** The key of a text on an embed's placeholder. */
export type PlaceholderKey = "embed.loadOnce" | "embed.alwaysAllow" | "privacyPolicy";

/** An embed's placeholder's texts, per language (`{service}`: the service's name). */
export const PLACEHOLDER_TEXTS: Record<string, Record<PlaceholderKey, string>> = {
  en: {
    "embed.loadOnce": "Load this once",
    "embed.alwaysAllow": "Always allow {service}",
    privacyPolicy: "Privacy policy",
  },
  cy: {
    "embed.loadOnce": "Llwytho hwn unwaith",
    "embed.alwaysAllow": "Caniatáu {service} bob amser",
    privacyPolicy: "Polisi preifatrwydd",
  },
  da: {
    "embed.loadOnce": "Indlæs kun denne gang",
    "embed.alwaysAllow": "Tillad altid {service}",
    privacyPolicy: "Privatlivspolitik",
  },
  de: {
    "embed.loadOnce": "Nur dieses Mal laden",
    "embed.alwaysAllow": "{service} immer erlauben",
    privacyPolicy: "Datenschutzerklärung",
  },
  es: {
    "embed.loadOnce": "Cargar solo esta vez",
    "embed.alwaysAllow": "Permitir siempre {service}",
    privacyPolicy: "Política de privacidad",
  },
  fr: {
    "embed.loadOnce": "Charger cette fois seulement",
    "embed.alwaysAllow": "Toujours autoriser {service}",
    privacyPolicy: "Politique de confidentialité",
  },
  it: {
    "embed.loadOnce": "Carica solo questa volta",
    "embed.alwaysAllow": "Consenti sempre {service}",
    privacyPolicy: "Informativa sulla privacy",
  },
  nl: {
    "embed.loadOnce": "Alleen deze keer laden",
    "embed.alwaysAllow": "{service} altijd toestaan",
    privacyPolicy: "Privacybeleid",
  },
  pl: {
    "embed.loadOnce": "Załaduj tylko tym razem",
    "embed.alwaysAllow": "Zawsze zezwalaj na {service}",
    privacyPolicy: "Polityka prywatności",
  },
  pt: {
    "embed.loadOnce": "Carregar só desta vez",
    "embed.alwaysAllow": "Permitir sempre {service}",
    privacyPolicy: "Política de privacidade",
  },
  sv: {
    "embed.loadOnce": "Ladda bara den här gången",
    "embed.alwaysAllow": "Tillåt alltid {service}",
    privacyPolicy: "Integritetspolicy",
  },
  ar: {
    "embed.loadOnce": "التحميل هذه المرة فقط",
    "embed.alwaysAllow": "السماح دائمًا بـ {service}",
    privacyPolicy: "سياسة الخصوصية",
  },
};

/**
 * The floating button's label: the site's own for the page's language (`own`), else the
 * built-in one in that language, else English.
 * @example floatingButtonLabel("de", config.texts.de?.floatingButton) // "Cookie-Einstellungen"
 */
export function floatingButtonLabel(language: string, own?: string): string {
  return own?.trim() || FLOATING_BUTTON_LABELS[language] || "Cookie settings";
}

/**
 * A placeholder's text: the site's own for the page's language (`own`), else the built-in one
 * in that language, else English.
 * @example placeholderText("fr", "embed.loadOnce") // "Charger cette fois seulement"
 */
export function placeholderText(language: string, key: PlaceholderKey, own?: string): string {
  return own?.trim() || (PLACEHOLDER_TEXTS[language] ?? PLACEHOLDER_TEXTS.en)?.[key] || key;
}
