import type { WordingDictionary } from "./dictionary";

/** Polish. */
export default {
  acceptLabels: [
    "ok",
    "dalej",
    "kontynuuj",
    "zgadzam sie",
    "akceptuje",
    "akceptuj",
    "tak",
    "rozumiem",
    "zezwol",
    "lubie ciasteczka",
  ],
  impliedConsent: ["korzystajac z tej strony", "kontynuujac", "dalsze korzystanie"],
  necessaryClaims: ["niezbedne", "konieczne", "wymagane", "nie mozna odrzucic", "zawsze wlaczone"],
  legitimateInterest: ["prawnie uzasadniony interes", "uzasadniony interes"],
} satisfies WordingDictionary;
