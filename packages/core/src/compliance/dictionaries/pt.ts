import type { WordingDictionary } from "./dictionary";

/** Portuguese. */
export default {
  acceptLabels: [
    "ok",
    "continuar",
    "concordo",
    "aceito",
    "aceitar",
    "sim",
    "entendi",
    "permitir",
    "gosto de cookies",
  ],
  impliedConsent: ["ao continuar", "ao utilizar este site", "ao navegar", "se continuar"],
  necessaryClaims: [
    "estritamente necessari",
    "essencia",
    "necessari",
    "nao pode ser recusad",
    "obrigatori",
    "sempre ativ",
  ],
  legitimateInterest: ["interesse legitimo"],
  refuseLabels: [
    "rejeitar tudo",
    "rejeitar",
    "recusar",
    "recuso",
    "nao",
    "nao obrigado",
    "agora nao",
  ],
  closeLabels: ["fechar", "ocultar"],
  limiters: ["sem", "apenas", "somente", "so"],
} satisfies WordingDictionary;
