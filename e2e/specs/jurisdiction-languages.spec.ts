import type { Page } from "@playwright/test";
import { findReceipt } from "../fixtures/admin";
import {
  counterRan,
  pageReady,
  ruledSiteConfig,
  storedReceipt,
  visitCookie,
  visitRuledSite,
} from "../fixtures/ruled-site";
import { publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, preferencesOf } from "../fixtures/ui";

/**
 * The texts a rule adds speak the page's language, on the customer's own page placed by Caddy
 * from the address the visitor connects from: a UK visitor on a French page objects in French,
 * a Californian on a Spanish page opts out in Spanish. The site words none of them: they are
 * built in, fetched beside the language chunk only by visitors under such a rule. The receipt
 * records the language shown.
 */

let key: string;
test.beforeAll(async ({ admin }) => {
  key = siteKey("rule-languages");
  await publishSite(admin, key, ruledSiteConfig({ analytics: false }));
});

/** Every language file the page fetched from the consent host (`fr-HASH.js`, ...). */
function languageFiles(page: Page): string[] {
  const files: string[] = [];
  page.on("request", (request) => {
    const match = /\/sdk\/lang\/([\w-]+)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) files.push(match[1]);
  });
  return files;
}

test("a visitor from GB on a French page: the objection and its Object button in French; objecting is logged in French", async ({
  visitorFrom,
  admin,
}) => {
  const page = await (await visitorFrom("GB")).newPage();
  const fetched = languageFiles(page);
  await visitRuledSite(page, key, { analytics: false, lang: "fr" });
  expect(await counterRan(page)).toBe(true);

  const banner = bannerOf(page, "Cookies sur ce site");
  await expect(
    banner.getByText(
      "Sans vous le demander, nous comptons les visites et mémorisons vos réglages d'affichage, afin d'améliorer le site. Vous pouvez vous y opposer à tout moment : cela s'arrête aussitôt et les cookies correspondants sont supprimés.",
    ),
  ).toBeVisible();
  await expect(banner.getByRole("button")).toHaveText([
    "Tout accepter",
    "Tout refuser",
    "Gérer les préférences",
    "S'opposer",
  ]);
  // Not a word of the English objection beside the French banner.
  await expect(banner.getByText(/object|You can/i)).toHaveCount(0);
  expect(fetched).toEqual(["fr", "fr-uk-exemptions"]);

  const reloaded = page.waitForEvent("load");
  await banner.getByRole("button", { name: "S'opposer" }).click();
  await reloaded;
  await pageReady(page);
  expect(await counterRan(page)).toBe(false);
  expect(await visitCookie(page)).toBeUndefined();
  const stored = await storedReceipt(admin, page, key, "object");
  expect(stored).toMatchObject({ ruleId: "uk", jurisdiction: "GB", language: "fr" });

  // The preference centre says so in French.
  await page.getByRole("button", { name: "Cookie settings" }).click();
  await expect(
    preferencesOf(page, "Préférences de confidentialité").getByText(
      "Votre opposition est enregistrée : les statistiques et les réglages d'affichage ne sont plus collectés.",
    ),
  ).toBeVisible();
});

test("a visitor from FR on a French page fetches no rule's texts: its rule adds none", async ({
  visitorFrom,
}) => {
  const page = await (await visitorFrom("FR")).newPage();
  const fetched = languageFiles(page);
  await visitRuledSite(page, key, { analytics: false, lang: "fr" });
  await expect(bannerOf(page, "Cookies sur ce site").getByRole("button")).toHaveText([
    "Tout accepter",
    "Tout refuser",
    "Gérer les préférences",
  ]);
  // The banner shows once its texts are in: its language's and, fetched beside them and
  // awaited with them, a rule's.
  expect(fetched).toEqual(["fr"]);
});

test("a visitor from US-CA on a Spanish page: Sus opciones de privacidad, and the opt-out in California's Spanish wording", async ({
  visitorFrom,
  admin,
}) => {
  const page = await (await visitorFrom("US-CA")).newPage();
  const fetched = languageFiles(page);
  await visitRuledSite(page, key, { analytics: false, lang: "es", opener: false });

  const choices = page
    .locator("#assent-button")
    .getByRole("button", { name: "Sus opciones de privacidad" });
  await expect(choices).toBeVisible();
  await expect(choices.locator("svg")).toHaveCount(1);
  expect(fetched).toEqual(["es-opt-out"]);

  await choices.click();
  const centre = preferencesOf(page, "Sus opciones de privacidad");
  const optOut = centre.getByRole("button", {
    name: "No vender ni compartir mi información personal",
  });
  await expect(optOut).toBeVisible();
  await expect(page.locator("#assent-ui").getByText(/Do not sell|Privacy Choices/)).toHaveCount(0);
  const reloaded = page.waitForEvent("load");
  await optOut.click();
  await reloaded;
  await pageReady(page);
  const stored = await storedReceipt(admin, page, key, "opt-out");
  expect(stored).toMatchObject({ ruleId: "us-states", subdivision: "US-CA", language: "es" });
});

test("a visitor from US-CA with Global Privacy Control on a Spanish page: the opt-out shown as honoured, in Spanish", async ({
  visitorFrom,
  admin,
}) => {
  const context = await visitorFrom("US-CA");
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
  );
  const page = await context.newPage();
  const sent = nextReceipt(page);
  await visitRuledSite(page, key, { analytics: false, lang: "es", opener: false });
  expect(await findReceipt(admin, (await sent).id, key)).toMatchObject({
    method: "gpc",
    language: "es",
  });
  await page
    .locator("#assent-button")
    .getByRole("button", { name: "Sus opciones de privacidad" })
    .click();
  await expect(preferencesOf(page, "Sus opciones de privacidad").getByRole("status")).toHaveText(
    "Solicitud de exclusión voluntaria respetada",
  );
});
