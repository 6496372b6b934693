import type { Allows } from "./gate-scripts";

const GATED = "iframe[data-src][data-category],iframe[data-src][data-service]";

/**
 * Loads the gated iframes the decision allows, by moving `data-src` into `src`. Until then an
 * iframe has no `src`, so nothing is requested from its host.
 */
export function activateEmbeds(allows: Allows, root: ParentNode = document): void {
  for (const frame of Array.from(root.querySelectorAll<HTMLIFrameElement>(GATED))) {
    const src = frame.getAttribute("data-src");
    if (!src || frame.getAttribute("src") === src) continue;
    if (allows(frame.getAttribute("data-category"), frame.getAttribute("data-service"))) {
      frame.setAttribute("src", src);
    }
  }
}
