import { describe, expect, it } from "vitest";
import { textErrors } from "./test-config";

const errors = textErrors;

describe("a choice's label pushing one answer", () => {
  it.each([
    ["en", "acceptAll", "Accept all (recommended)"],
    [
      "en",
      "acceptAll",
      "Yes, accept all and give me the full, personalised experience (recommended)",
    ],
    ["en", "acceptAll", "Accept all for the best experience"],
    ["en", "rejectAll", "No thanks, I prefer a broken site"],
    ["en", "rejectAll", "Reject all (not recommended)"],
    ["en", "save", "Save (recommended)"],
    ["de", "acceptAll", "Alle akzeptieren (empfohlen)"],
    ["de", "rejectAll", "Ablehnen, mir ist eine kaputte Seite lieber"],
    ["fr", "acceptAll", "Tout accepter (recommandé)"],
    ["fr", "rejectAll", "Refuser, je préfère un site cassé"],
    ["es", "acceptAll", "Aceptar todo (recomendado)"],
    ["es", "rejectAll", "Rechazar, prefiero un sitio roto"],
    ["it", "acceptAll", "Accetta tutto (consigliato)"],
    ["it", "rejectAll", "Rifiuta, preferisco un sito rotto"],
    ["nl", "acceptAll", "Alles accepteren (aanbevolen)"],
    ["nl", "rejectAll", "Weigeren, liever een kapotte site"],
    ["pl", "acceptAll", "Akceptuj wszystkie (zalecane)"],
    ["sv", "acceptAll", "Acceptera alla (rekommenderas)"],
  ])("is refused: %s %s %j", (language, key, label) => {
    expect(errors(language, { [key]: label })).toEqual([`label-nudges texts.${language}.${key}`]);
  });

  it.each([
    ["en", "acceptAll", "Accept all"],
    ["en", "rejectAll", "No thanks"],
    ["de", "acceptAll", "Alle akzeptieren"],
    ["fr", "rejectAll", "Continuer sans accepter"],
  ])("lets a plain label through: %s %s %j", (language, key, label) => {
    expect(errors(language, { [key]: label })).toEqual([]);
  });
});
