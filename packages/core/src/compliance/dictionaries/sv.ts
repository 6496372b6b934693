import type { WordingDictionary } from "./dictionary";

/** Swedish. */
export default {
  acceptLabels: [
    "ok",
    "fortsatt",
    "jag godkanner",
    "godkann",
    "acceptera",
    "ja",
    "jag forstar",
    "tillat",
    "jag gillar kakor",
  ],
  impliedConsent: ["genom att fortsatta", "genom att anvanda webbplatsen", "om du fortsatter"],
  necessaryClaims: [
    "strikt nodvandig",
    "nodvandig",
    "kan inte avvisas",
    "obligatorisk",
    "alltid pa",
  ],
  legitimateInterest: ["berattigat intresse"],
  refuseLabels: ["avvisa alla", "avvisa", "avboj", "neka", "nej", "nej tack", "inte nu"],
  closeLabels: ["stang", "dolj"],
  limiters: ["utan", "endast", "bara"],
} satisfies WordingDictionary;
