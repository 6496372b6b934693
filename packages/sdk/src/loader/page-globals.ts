import type { LoaderBoot } from "@assent/core";

// What the loader reads and writes on the page's `window` besides `window.assent` (which
// `contract.ts` declares for sites). Kept out of `@assent/sdk`'s public types: a site's own
// `interface Window { dataLayer: ... }` must not clash with Assent's view of it. The files that
// touch them import this module (types only: it adds no code).
declare global {
  interface Window {
    /** Set by `/s/SITE_KEY.js` before the loader: the site's published config. */
    __assent_boot?: LoaderBoot;
    /**
     * Google's command queue. The page may have set anything here (an object with its own
     * `push`, an element named `dataLayer`): read it as such (`consent-mode.ts`).
     */
    dataLayer?: unknown[];
    /** The Meta pixel, once it ran. */
    fbq?: (...args: unknown[]) => void;
  }
}
