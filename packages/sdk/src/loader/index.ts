import { start } from "./controller";

// The API serves this file after `window.__assent_boot = {...}` (the site's published config).
const boot = window.__assent_boot;
if (!boot) {
  console.error("[assent] no site config: load /s/SITE_KEY.js");
} else if (!window.assent) {
  window.assent = start(boot, {
    // Composed before the loader by /s/SITE_KEY.js?autoblock; the attribute alone is told so.
    autoblock:
      !!window.__assent_autoblock || !!document.currentScript?.hasAttribute("data-autoblock"),
  });
}
