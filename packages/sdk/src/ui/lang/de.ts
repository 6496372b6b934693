import type { Dictionary } from "../texts";

/** German. */
export default {
  title: "Cookies auf dieser Website",
  description:
    "Wir verwenden Cookies und ähnliche Technologien, um zu sehen, wie die Website genutzt wird, um Videos und Beiträge aus sozialen Medien anzuzeigen und um unsere Werbung zu messen. Über das für den Betrieb der Website Nötige hinaus wird nichts ohne Ihre Erlaubnis verwendet, und Sie können Ihre Meinung jederzeit ändern.",
  reconsent:
    "Unsere Verwendung von Cookies hat sich seit Ihrer letzten Wahl geändert, daher fragen wir erneut.",
  acceptAll: "Alle akzeptieren",
  rejectAll: "Alle ablehnen",
  manage: "Einstellungen verwalten",
  save: "Auswahl speichern",
  close: "Schließen",
  privacyPolicy: "Datenschutzerklärung",
  cookiePolicy: "Cookie-Richtlinie",
  preferencesTitle: "Datenschutz-Einstellungen",
  preferencesIntro:
    "Wählen Sie, was Sie erlauben. Unbedingt erforderliche Cookies halten die Website in Betrieb und können nicht abgeschaltet werden.",
  gpc: "Ihr Browser bittet Websites, Ihre Daten nicht zu verkaufen oder weiterzugeben (Global Privacy Control). Nichts wird eingeschaltet, ohne dass Sie es wählen.",
  gpcHonoured:
    "Das Global-Privacy-Control-Signal Ihres Browsers wird beachtet: Werbung und die Weitergabe Ihrer Daten bleiben ausgeschaltet.",
  alwaysOn: "Immer aktiv",
  services: "Dienste",
  provider: "Anbieter",
  purpose: "Zweck",
  cookies: "Cookies",
  serviceprivacy: "Datenschutzerklärung von",
  consentId: "Ihre Einwilligungs-ID",
  consentIdHelp:
    "Geben Sie sie an, wenn Sie Auskunft über Ihre gespeicherte Auswahl oder deren Löschung verlangen.",
  history: "Ihr Einwilligungsverlauf",
  historyEmpty: "In diesem Browser ist noch keine Auswahl gespeichert.",
  "method.accept-all": "Alle akzeptiert",
  "method.reject-all": "Alle abgelehnt",
  "method.custom": "Eigene Auswahl",
  "method.withdraw": "Widerrufen",
  "method.gpc": "Global Privacy Control",
  "method.api": "Von der Website gesetzt",
  "method.object": "Widersprochen",
  "method.opt-out": "Verkauf oder Weitergabe abgelehnt",
  receiptProof: "Mit Nachweis herunterladen",
  receiptProofPending:
    "Noch nicht im öffentlichen Protokoll. Versuchen Sie es in einer Minute erneut.",
  "category.necessary": "Unbedingt erforderlich",
  "category.necessary.description":
    "Sicherheit, Lastverteilung und das Speichern Ihrer Datenschutz-Auswahl.",
  "category.preferences": "Präferenzen",
  "category.preferences.description": "Speichern von Einstellungen wie Sprache oder Region.",
  "category.analytics": "Statistik",
  "category.analytics.description":
    "Besuche zählen und sehen, wie die Website genutzt wird, um sie zu verbessern.",
  "category.marketing": "Marketing",
  "category.marketing.description":
    "Werbung messen und personalisieren, auf dieser Website und anderswo.",
  "category.embeds": "Eingebettete Inhalte und soziale Medien",
  "category.embeds.description":
    "Videos, Fotos und Teilen-Schaltflächen anderer Websites, die Sie verfolgen können.",
} satisfies Dictionary;
