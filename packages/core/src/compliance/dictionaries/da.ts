import type { WordingDictionary } from "./dictionary";

/** Danish. */
export default {
  acceptLabels: [
    "ok",
    "fortsaet",
    "jeg accepterer",
    "accepter",
    "ja",
    "forstaet",
    "tillad",
    "jeg kan lide cookies",
  ],
  impliedConsent: ["ved at fortsaette", "ved at bruge dette websted", "hvis du fortsaetter"],
  necessaryClaims: [
    "strengt nodvendig",
    "nodvendig",
    "kan ikke afvises",
    "obligatorisk",
    "altid til",
  ],
  legitimateInterest: ["legitim interesse", "legitime interesse"],
  refuseLabels: ["afvis alle", "afvis", "afsla", "nej", "nej tak", "ikke nu"],
  closeLabels: ["luk", "skjul"],
  limiters: ["uden", "kun"],
} satisfies WordingDictionary;
