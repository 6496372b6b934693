import { start } from "./controller";
import "./page-globals";

// The API serves this file after `window.__assent_boot = {...}` (the site's published config).
const boot = window.__assent_boot;
if (!boot) {
  console.error("[assent] no site config: load /s/SITE_KEY.js");
} else if (!window.assent?.consentId) {
  // Not Assent's API (only it has `consentId`): nothing yet, a stub the site set
  // (`window.assent || {q: []}`; what it queued is not run) or an element named `assent`
  // (`<section id="assent">`, `<form name="assent">`), which the real API replaces. A loader
  // loaded twice finds its API and does nothing.
  window.assent = start(boot, {
    // Composed before the loader by /s/SITE_KEY.js?autoblock; the attribute alone is told so.
    autoblock:
      !!window.__assent_autoblock || !!document.currentScript?.hasAttribute("data-autoblock"),
  });
}
