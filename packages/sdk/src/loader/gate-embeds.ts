import type { SiteService } from "@assent/core";
import { type Allows, cat, svc } from "./gate-scripts";

/** Gated iframes: `data-src` and a category and/or a service. */
export const GATED_FRAME = "iframe[data-src]:is([data-category],[data-service])";

/** What the embed gate needs from the controller. */
export interface EmbedGate {
  allows: Allows;
  /** The site's services, then the catalogue's. */
  services: readonly SiteService[];
  /** The site's own text for a placeholder key in the page's language, if it gave one. */
  text(key: string): string | undefined;
  /** Records "always allow" for a service, or `undefined` when the site does not list it. */
  alwaysAllow(id: string): (() => void) | undefined;
  /** Puts a placeholder in a held-back iframe (from the lazily imported placeholder module). */
  placehold(frame: HTMLIFrameElement, service?: SiteService): void;
}

/** Loads one gated iframe: `data-src` (rewritten if need be) becomes its `src`. */
export function loadEmbed(frame: HTMLIFrameElement, service?: SiteService): void {
  let src = frame.getAttribute("data-src") as string;
  const embed = service?.embed;
  if (embed && src.startsWith(embed.from)) src = embed.to + src.slice(embed.from.length);
  // Without `data-src` it is no longer gated.
  frame.removeAttribute("data-src");
  frame.removeAttribute("srcdoc");
  frame.src = src;
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
