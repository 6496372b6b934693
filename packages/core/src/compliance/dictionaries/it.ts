import type { WordingDictionary } from "./dictionary";

/** Italian. */
export default {
  acceptLabels: [
    "ok",
    "continua",
    "accetto",
    "accetta",
    "si",
    "ho capito",
    "consenti",
    "mi piacciono i cookie",
  ],
  impliedConsent: [
    "proseguendo la navigazione",
    "continuando a navigare",
    "utilizzando questo sito",
    "se prosegui",
    "se continui",
  ],
  necessaryClaims: [
    "strettamente necessari",
    "essenzial",
    "necessari",
    "non puo essere rifiutat",
    "obbligatori",
    "sempre attiv",
  ],
  legitimateInterest: ["legittimo interesse", "interesse legittimo"],
  refuseLabels: [
    "rifiuta tutto",
    "rifiuta",
    "rifiutare",
    "rifiuto",
    "no",
    "no grazie",
    "non ora",
    "nega",
  ],
  closeLabels: ["chiudi", "nascondi"],
  limiters: ["senza", "solo", "soltanto", "unicamente"],
} satisfies WordingDictionary;
