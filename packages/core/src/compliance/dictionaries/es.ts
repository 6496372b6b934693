import type { WordingDictionary } from "./dictionary";

/** Spanish. */
export default {
  acceptLabels: [
    "ok",
    "vale",
    "continuar",
    "acepto",
    "aceptar",
    "si",
    "entendido",
    "permitir",
    "me gustan las cookies",
  ],
  impliedConsent: [
    "si continua navegando",
    "si sigue navegando",
    "al continuar",
    "al utilizar este sitio",
    "al navegar",
  ],
  necessaryClaims: [
    "estrictamente necesari",
    "esencial",
    "necesari",
    "no se puede rechazar",
    "obligatori",
    "siempre activ",
  ],
  legitimateInterest: ["interes legitimo"],
  refuseLabels: [
    "rechazar todo",
    "rechazar",
    "rechazo",
    "no",
    "no gracias",
    "ahora no",
    "denegar",
    "rehusar",
  ],
  closeLabels: ["cerrar", "ocultar"],
  limiters: ["sin", "solo", "solamente", "unicamente"],
} satisfies WordingDictionary;
