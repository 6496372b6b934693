import type { SiteService } from "@assent/core";
import type { Allows } from "./gate-scripts";

/** What the loader hands the auto-blocking script (`src/autoblock`, served only when asked for). */
export interface AutoblockHost {
  /** The site's services, then the catalogue's. */
  services: readonly SiteService[];
  /** Whether the current decision lets an element of this category and service load. */
  allows: Allows;
  /** Brings the page in line with the decision: the loader's gates release what is allowed. */
  release: () => void;
  /** Every held element that ran (its category and service), for `reloadOnWithdraw`. */
  ran: Element[];
}

declare global {
  interface Window {
    /** Set by the auto-blocking script, composed before the loader by `/s/SITE_KEY.js?autoblock`. */
    __assent_autoblock?: (host: AutoblockHost) => void;
  }
}

/**
 * Hands the page to the auto-blocking script when `/s/SITE_KEY.js?autoblock` composed it into
 * this loader; the default loader carries none of its code. A page that asks for it with the
 * `data-autoblock` attribute alone is told where it is.
 */
export function autoblock(host: AutoblockHost) {
  const install = window.__assent_autoblock;
  if (install) install(host);
  else console.error("[assent] auto-blocking is served by /s/SITE_KEY.js?autoblock");
}
