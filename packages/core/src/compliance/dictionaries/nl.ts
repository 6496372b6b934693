import type { WordingDictionary } from "./dictionary";

/** Dutch. */
export default {
  acceptLabels: [
    "ok",
    "doorgaan",
    "verder",
    "ik ga akkoord",
    "akkoord",
    "accepteren",
    "ja",
    "begrepen",
    "toestaan",
    "ik hou van cookies",
  ],
  impliedConsent: [
    "door verder te gaan",
    "door gebruik te maken van",
    "als u verder surft",
    "door deze site te gebruiken",
  ],
  necessaryClaims: [
    "strikt noodzakelijk",
    "noodzakelijk",
    "essentieel",
    "kan niet worden geweigerd",
    "verplicht",
    "altijd aan",
  ],
  legitimateInterest: ["gerechtvaardigd belang"],
  refuseLabels: [
    "alles weigeren",
    "weigeren",
    "weiger",
    "nee",
    "nee bedankt",
    "niet nu",
    "afwijzen",
    "wijs af",
  ],
  closeLabels: ["sluiten", "verbergen"],
  limiters: ["zonder", "alleen", "enkel"],
} satisfies WordingDictionary;
