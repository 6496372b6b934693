import type { Page } from "@playwright/test";
import { outboxSettled } from "../../fixtures/ui";
import { embedAttributes, type PageParts, type Tag, ungated } from "./page";
import type { BannerLocator } from "./probe";

/** The page without a consent manager, and the managers measured on it. */
export type ContenderId = "none" | "assent" | "vanilla-cookieconsent" | "osano" | "klaro";

/** A consent manager as the bench installs it on the seed-shaped page. */
export interface Contender {
  id: ContenderId;
  name: string;
  /** Files copied into the manager's folder of the customer's site: [package file, file name]. */
  vendorFiles: Array<[string, string]>;
  /** Files written into that folder (the site owner's configuration). */
  files: Record<string, string>;
  /** The page's parts, given the consent host's origin and the manager's folder URL path. */
  parts(consentOrigin: string, folder: string): PageParts;
  banner: BannerLocator | null;
  /** Makes the first-visit decision (accept all) and waits until it is stored. */
  accept(page: Page): Promise<void>;
  /** Where this manager falls short of the equivalent configuration, in its own words. */
  limits: string[];
}

/** A script the manager activates: `type="text/plain"` plus the manager's attributes. */
const script = (tag: Tag, attrs: string, srcAttr = "data-src") =>
  tag.kind === "external"
    ? `<script type="text/plain" ${attrs} ${srcAttr}="${tag.src}" id="${tag.id}"></script>`
    : tag.kind === "inline"
      ? `<script type="text/plain" ${attrs} id="${tag.id}">\n    ${tag.code}\n  </script>`
      : "";

/** An inline script that gives an iframe its `data-src` (for managers that only gate scripts). */
const iframeSetter = (tag: Tag) =>
  `(function (f) { f.src = f.getAttribute("data-src"); })(document.getElementById("${tag.id}"));`;

const ENGLISH = {
  title: "Cookies on this site",
  description:
    "We use cookies for analytics, marketing and embedded content. Choose which ones we may use.",
  acceptAll: "Accept all",
  rejectAll: "Reject all",
  manage: "Manage preferences",
  analytics: "Analytics",
  marketing: "Marketing",
  embeds: "Embedded content and social media",
};

const none: Contender = {
  id: "none",
  name: "no consent manager",
  vendorFiles: [],
  files: {},
  parts: () => ({ head: "", settingsButton: "", gate: ungated }),
  banner: null,
  accept: async () => {},
  limits: [],
};

const assent: Contender = {
  id: "assent",
  name: "Assent",
  vendorFiles: [],
  files: {},
  parts: (consent) => ({
    head: `<script src="${consent}/s/demo.js"></script>`,
    settingsButton: "data-assent-open",
    gate: (tag) =>
      tag.kind === "embed"
        ? `<iframe data-src="${tag.src}" data-category="${tag.category}" data-service="${tag.service}" ${embedAttributes(tag)}></iframe>`
        : script(tag, `data-category="${tag.category}" data-service="${tag.service}"`),
  }),
  banner: { host: "#assent-ui", selector: "[role=dialog]" },
  accept: async (page) => {
    const stored = page.waitForResponse(
      (r) => r.url().endsWith("/v1/receipts") && r.request().method() === "POST",
    );
    await page.locator("#assent-ui").getByRole("button", { name: "Accept all" }).click();
    if (!(await stored).ok()) throw new Error("Assent did not store the receipt");
    // A returning visit that finds a receipt still waiting sends it (and loads the outbox).
    await outboxSettled(page);
  },
  limits: [],
};

const vanillaConfig = `CookieConsent.run({
  // Its default hides the banner from automated browsers (navigator.webdriver), as this one is.
  hideFromBots: false,
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: "_gid" }] } },
    marketing: { autoClear: { cookies: [{ name: "_fbp" }] } },
    embeds: {},
  },
  guiOptions: { consentModal: { layout: "box", position: "bottom right" } },
  language: {
    default: "en",
    translations: {
      en: {
        consentModal: {
          title: ${JSON.stringify(ENGLISH.title)},
          description: ${JSON.stringify(ENGLISH.description)},
          acceptAllBtn: ${JSON.stringify(ENGLISH.acceptAll)},
          acceptNecessaryBtn: ${JSON.stringify(ENGLISH.rejectAll)},
          showPreferencesBtn: ${JSON.stringify(ENGLISH.manage)},
          footer: '<a href="/privacy.html">Privacy policy</a>',
        },
        preferencesModal: {
          title: "Privacy preferences",
          acceptAllBtn: ${JSON.stringify(ENGLISH.acceptAll)},
          acceptNecessaryBtn: ${JSON.stringify(ENGLISH.rejectAll)},
          savePreferencesBtn: "Save my choices",
          closeIconLabel: "Close",
          sections: [
            { title: "Necessary", description: "Needed for the site to work.", linkedCategory: "necessary" },
            { title: ${JSON.stringify(ENGLISH.analytics)}, description: "Google Analytics.", linkedCategory: "analytics" },
            { title: ${JSON.stringify(ENGLISH.marketing)}, description: "The Meta pixel.", linkedCategory: "marketing" },
            { title: ${JSON.stringify(ENGLISH.embeds)}, description: "YouTube and X.", linkedCategory: "embeds" },
          ],
        },
      },
    },
  },
});
`;

const vanilla: Contender = {
  id: "vanilla-cookieconsent",
  name: "vanilla-cookieconsent 3",
  vendorFiles: [
    ["vanilla-cookieconsent/dist/cookieconsent.umd.js", "cookieconsent.umd.js"],
    ["vanilla-cookieconsent/dist/cookieconsent.css", "cookieconsent.css"],
  ],
  files: { "config.js": vanillaConfig },
  parts: (_consent, folder) => ({
    head: `<link rel="stylesheet" href="${folder}/cookieconsent.css">
  <script defer src="${folder}/cookieconsent.umd.js"></script>
  <script defer src="${folder}/config.js"></script>`,
    settingsButton: 'data-cc="show-preferencesModal"',
    gate: (tag) =>
      tag.kind === "embed"
        ? `<iframe data-src="${tag.src}" ${embedAttributes(tag)}></iframe>
            <script type="text/plain" data-category="${tag.category}">${iframeSetter(tag)}</script>`
        : script(tag, `data-category="${tag.category}"`),
  }),
  banner: { selector: "#cc-main .cm" },
  accept: async (page) => {
    await page.locator("#cc-main .cm").getByRole("button", { name: ENGLISH.acceptAll }).click();
    await page.waitForFunction(() => document.cookie.includes("cc_cookie="));
  },
  limits: [
    "gates scripts only: the YouTube iframe is given its src by a gated inline script (the placeholder needs the separate iframemanager library)",
  ],
};

const klaroConfig = `var klaroConfig = {
  version: 1,
  elementID: "klaro",
  storageMethod: "cookie",
  cookieName: "klaro",
  privacyPolicy: "/privacy.html",
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  groupByPurpose: true,
  lang: "en",
  translations: {
    en: {
      purposes: {
        analytics: ${JSON.stringify(ENGLISH.analytics)},
        marketing: ${JSON.stringify(ENGLISH.marketing)},
        embeds: ${JSON.stringify(ENGLISH.embeds)},
      },
      "google-analytics": { description: "Google Analytics." },
      "meta-pixel": { description: "The Meta pixel." },
      youtube: { description: "Videos from YouTube." },
      twitter: { description: "Share buttons from X." },
    },
  },
  services: [
    { name: "google-analytics", title: "Google Analytics", purposes: ["analytics"], cookies: [/^_ga/, "_gid"] },
    { name: "meta-pixel", title: "Meta pixel", purposes: ["marketing"], cookies: ["_fbp"] },
    { name: "youtube", title: "YouTube", purposes: ["embeds"] },
    { name: "twitter", title: "X (Twitter)", purposes: ["embeds"] },
  ],
};
`;

const klaro: Contender = {
  id: "klaro",
  name: "Klaro 0.7",
  vendorFiles: [["klaro/dist/klaro.js", "klaro.js"]],
  files: { "config.js": klaroConfig },
  parts: (_consent, folder) => ({
    head: `<script defer src="${folder}/config.js"></script>
  <script defer data-config="klaroConfig" src="${folder}/klaro.js"></script>`,
    settingsButton: 'onclick="klaro.show(); return false"',
    gate: (tag) =>
      tag.kind === "embed"
        ? `<iframe data-name="${tag.service}" data-src="${tag.src}" ${embedAttributes(tag)}></iframe>`
        : script(tag, `data-type="text/javascript" data-name="${tag.service}"`),
  }),
  banner: { selector: ".cookie-notice:not(.cookie-notice-hidden)" },
  accept: async (page) => {
    await page.locator(".cookie-notice .cm-btn-success").click();
    await page.waitForFunction(() => document.cookie.includes("klaro="));
  },
  limits: [
    "its first layer offers accept, decline and a 'learn more' link to the settings (by purpose)",
    "hides a held-back iframe (display: none) instead of showing a placeholder of its size",
  ],
};

const osanoConfig = `(function () {
  // Osano's banner has one consent for the whole site: on it, every held-back tag runs.
  function activate() {
    document.querySelectorAll("script[data-consent=osano]").forEach(function (held) {
      var s = document.createElement("script");
      if (held.hasAttribute("data-src")) s.src = held.getAttribute("data-src");
      else s.text = held.text;
      held.replaceWith(s);
    });
    document.querySelectorAll("iframe[data-consent=osano]").forEach(function (f) {
      f.src = f.getAttribute("data-src");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    window.cookieconsent.initialise({
      type: "opt-in",
      position: "bottom",
      revokable: true,
      content: {
        message: ${JSON.stringify(ENGLISH.description)},
        allow: ${JSON.stringify(ENGLISH.acceptAll)},
        deny: ${JSON.stringify(ENGLISH.rejectAll)},
        link: "Privacy policy",
        href: "/privacy.html",
      },
      onInitialise: function () { if (this.hasConsented()) activate(); },
      onStatusChange: function () { if (this.hasConsented()) activate(); },
    });
  });
})();
`;

const osano: Contender = {
  id: "osano",
  name: "Osano cookieconsent 3",
  vendorFiles: [
    ["cookieconsent/build/cookieconsent.min.js", "cookieconsent.min.js"],
    ["cookieconsent/build/cookieconsent.min.css", "cookieconsent.min.css"],
  ],
  files: { "config.js": osanoConfig },
  parts: (_consent, folder) => ({
    head: `<link rel="stylesheet" href="${folder}/cookieconsent.min.css">
  <script src="${folder}/cookieconsent.min.js" data-cfasync="false"></script>
  <script src="${folder}/config.js"></script>`,
    settingsButton: "",
    gate: (tag) =>
      tag.kind === "embed"
        ? `<iframe data-consent="osano" data-src="${tag.src}" ${embedAttributes(tag)}></iframe>`
        : script(tag, 'data-consent="osano"'),
  }),
  banner: { selector: ".cc-window" },
  accept: async (page) => {
    await page.locator(".cc-window .cc-allow").click();
    await page.waitForFunction(() => document.cookie.includes("cookieconsent_status="));
  },
  limits: [
    "no categories: one site-wide allow or deny (analytics, marketing and embeds cannot be chosen apart)",
    "no 'manage' on the first layer: accept and reject only, then a revoke tab",
    "does not gate tags itself: the site's config activates them in its onInitialise/onStatusChange callbacks",
  ],
};

/** In the order of every run: the page without a manager first, then Assent, then the peers. */
export const CONTENDERS: Contender[] = [none, assent, vanilla, osano, klaro];
