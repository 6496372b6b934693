import { describe, expect, it } from "vitest";
import { textErrors } from "./test-config";

const errors = textErrors;

describe("a link or a button that decides nothing", () => {
  it.each([
    ["en", "privacyPolicy", "Reject all"],
    ["en", "cookiePolicy", "No thanks"],
    ["en", "privacyPolicy", "Accept all"],
    ["en", "cookiePolicy", "OK"],
    ["en", "privacyPolicy", "Privacy policy · Accept all"],
    ["en", "floatingButton", "Reject all cookies"],
    ["en", "close", "Accept"],
    ["en", "serviceprivacy", "Decline"],
    ["pt", "privacyChoices", "Aceitar tudo"],
    ["de", "privacyPolicy", "Alle ablehnen"],
    ["fr", "cookiePolicy", "Tout refuser"],
    ["es", "privacyPolicy", "Aceptar todo"],
    ["it", "close", "Rifiuta tutto"],
    ["nl", "floatingButton", "Akkoord"],
  ])("is refused when labelled as a choice: %s %s %j", (language, key, label) => {
    expect(errors(language, { [key]: label })).toEqual([
      `link-label-means-choice texts.${language}.${key}`,
    ]);
  });

  it.each([
    ["en", "privacyPolicy", "Privacy policy"],
    ["en", "cookiePolicy", "How we use cookies"],
    ["en", "floatingButton", "Withdraw consent"],
    ["en", "floatingButton", "Consent settings"],
    ["en", "floatingButton", "Cookie settings"],
    ["en", "close", "Close"],
    ["en", "close", "Back"],
    ["en", "serviceprivacy", "Privacy policy of"],
    // The US link opens the opt-out: it may say it refuses.
    ["en", "privacyChoices", "Your Privacy Choices: opt out"],
    ["de", "privacyPolicy", "Datenschutzerklärung"],
    ["fr", "cookiePolicy", "Politique en matière de cookies"],
  ])("is let through when labelled for what it is: %s %s %j", (language, key, label) => {
    expect(errors(language, { [key]: label })).toEqual([]);
  });
});
