import type { WordingDictionary } from "./dictionary";

/** French. */
export default {
  acceptLabels: [
    "ok",
    "d'accord",
    "continuer",
    "j'accepte",
    "accepter",
    "oui",
    "compris",
    "autoriser",
    "j'aime les cookies",
  ],
  impliedConsent: [
    "en poursuivant",
    "en continuant",
    "en utilisant ce site",
    "en naviguant",
    "poursuite de la navigation",
  ],
  necessaryClaims: [
    "strictement necessaire",
    "essentiel",
    "necessaire",
    "ne peut pas etre refuse",
    "obligatoire",
    "toujours actif",
  ],
  legitimateInterest: ["interet legitime"],
  refuseLabels: [
    "tout refuser",
    "refuser",
    "je refuse",
    "non",
    "non merci",
    "pas maintenant",
    "decliner",
    "rejeter",
  ],
  closeLabels: ["fermer", "ignorer", "masquer"],
  limiters: ["sans", "seulement", "uniquement"],
} satisfies WordingDictionary;
