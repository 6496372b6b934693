import type { WordingDictionary } from "./dictionary";

/** English. */
export default {
  acceptLabels: [
    "ok",
    "okay",
    "continue",
    "i agree",
    "agree",
    "accept",
    "yes",
    "got it",
    "allow",
    "i like cookies",
    "sounds good",
    "fine",
  ],
  impliedConsent: [
    "by continuing",
    "by using this site",
    "by using our site",
    "by browsing",
    "continued use",
    "if you continue",
    "by staying on",
  ],
  necessaryClaims: [
    "strictly necessary",
    "essential",
    "necessary",
    "cannot be refused",
    "can't be refused",
    "cannot be switched off",
    "required",
    "always on",
  ],
  legitimateInterest: ["legitimate interest"],
} satisfies WordingDictionary;
