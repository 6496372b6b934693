import type { SiteService } from "@assent/core";
import { type Allows, cat, ran, svc } from "./gate-scripts";

/** Gated iframes: `data-src` and a category and/or a service. */
export const GATED_FRAME = "iframe[data-src]:is([data-category],[data-service])";
/** On a frame Assent loaded: the URL it loaded (so that it can be held again, and auto-blocking lets it through). */
export const LOADED = "data-assent-loaded";
/** On a frame loaded by "Load this once": it stays for this page view, whatever is chosen. */
const ONCE = "data-assent-once";

/** What the embed gate needs from the loader. */
export interface EmbedGate {
  allows: Allows;
  /** The site's services, then the catalogue's. */
  services: readonly SiteService[];
  /** Puts a placeholder in a held-back iframe (from the lazily imported placeholder module). */
  placehold(frame: HTMLIFrameElement, service?: SiteService): void;
}

/**
 * Loads one gated iframe the decision allows: `data-src` (rewritten if need be) becomes its
 * `src`. It counts as content that ran (`reloadOnWithdraw`).
 */
export function loadEmbed(frame: HTMLIFrameElement, service?: SiteService) {
  let src = frame.getAttribute("data-src") as string;
  const embed = service?.embed;
  if (embed && src.startsWith(embed.from)) src = embed.to + src.slice(embed.from.length);
  frame.setAttribute(LOADED, src);
  // Without `data-src` it is no longer gated.
  frame.removeAttribute("data-src");
  frame.removeAttribute("srcdoc");
  frame.src = src;
  ran.push(frame);
}

/** "Load this once": loads a held-back iframe that stays for this page view, whatever is chosen. */
export function loadOnce(frame: HTMLIFrameElement, service?: SiteService) {
  frame.setAttribute(ONCE, "");
  loadEmbed(frame, service);
}

/**
 * After a choice: a frame loaded because it was allowed goes back to being held (`data-src`, no
 * `src`) once it no longer is, so `gateEmbeds` gives it its placeholder (a withdrawal stops the
 * embed). Only a choice can withdraw, so this is in the choice module, not the loader.
 */
export function holdWithdrawn(allows: Allows): void {
  for (const frame of document.querySelectorAll<HTMLIFrameElement>(`iframe[${LOADED}]`))
    if (!frame.hasAttribute(ONCE) && !allows(cat(frame), svc(frame))) {
      frame.setAttribute("data-src", frame.getAttribute(LOADED) as string);
      frame.removeAttribute(LOADED);
      frame.removeAttribute("src");
    }
}

/**
 * Gates iframes marked with `data-src` and `data-category`/`data-service`: an allowed one is
 * loaded; any other gets a placeholder of the same box size that names the service, its purpose
 * and privacy policy, with "Load this once" and "Always allow". Until it is loaded an iframe has
 * no `src`, so nothing at all is requested from its host.
 */
export function gateEmbeds(gate: EmbedGate): void {
  for (const frame of document.querySelectorAll<HTMLIFrameElement>(GATED_FRAME)) {
    const id = svc(frame);
    const service = gate.services.find((s) => s.id === id);
    if (gate.allows(cat(frame), id)) loadEmbed(frame, service);
    else if (!frame.srcdoc) gate.placehold(frame, service);
  }
}
