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
    "zaakceptuj",
    "zaakceptuj wszystkie",
    "akceptuj wszystkie",
    "tak",
    "rozumiem",
    "zezwol",
    "lubie ciasteczka",
  ],
  impliedConsent: ["korzystajac z tej strony", "kontynuujac", "dalsze korzystanie"],
  necessaryClaims: ["niezbedne", "konieczne", "wymagane", "nie mozna odrzucic", "zawsze wlaczone"],
  legitimateInterest: ["prawnie uzasadniony interes", "uzasadniony interes"],
  refuseLabels: [
    "odrzuc wszystkie",
    "odrzuc",
    "odrzucam",
    "nie",
    "nie dziekuje",
    "nie teraz",
    "odmawiam",
    "odmow",
  ],
  closeLabels: ["zamknij", "ukryj"],
  limiters: ["bez", "tylko"],
} satisfies WordingDictionary;
