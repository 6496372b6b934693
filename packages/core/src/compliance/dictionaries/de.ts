import type { WordingDictionary } from "./dictionary";

/** German. */
export default {
  acceptLabels: [
    "ok",
    "weiter",
    "fortfahren",
    "ich stimme zu",
    "zustimmen",
    "akzeptieren",
    "ja",
    "verstanden",
    "erlauben",
    "ich mag cookies",
  ],
  impliedConsent: [
    "durch die weitere nutzung",
    "wenn sie fortfahren",
    "durch die nutzung dieser",
    "mit der nutzung dieser",
    "durch das weitersurfen",
  ],
  necessaryClaims: [
    "unbedingt erforderlich",
    "notwendig",
    "erforderlich",
    "essenziell",
    "kann nicht abgelehnt",
    "immer aktiv",
  ],
  legitimateInterest: ["berechtigtes interesse", "berechtigten interesse"],
  refuseLabels: [
    "alle ablehnen",
    "ablehnen",
    "ich lehne ab",
    "nein",
    "nein danke",
    "nicht jetzt",
    "verweigern",
    "zuruckweisen",
  ],
  closeLabels: ["schliessen", "schließen", "ausblenden"],
  limiters: ["ohne", "nur"],
} satisfies WordingDictionary;
