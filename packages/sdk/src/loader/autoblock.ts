import { type SiteService, serviceForUrl } from "@assent/core";
import type { Allows } from "./gate-scripts";

/**
 * Auto-blocking: scripts and iframes added by any code at any time (parser-inserted after the
 * loader, `document.createElement` + `appendChild`, `innerHTML`) whose URL matches a known
 * service's host are stopped before they run or load (a parser-inserted script may still be
 * fetched by the browser's preload scanner, never run), and marked like hand-gated content
 * (`data-src`, `data-category`, `data-service`; scripts `type="text/plain"`) so that the usual
 * gates release them once allowed. `inserted` is called after iframes were added.
 */
export function autoblock(
  services: readonly SiteService[],
  allows: Allows,
  inserted: () => void,
): void {
  const setAttr = Element.prototype.setAttribute;

  /** Marks an element as gated when its URL belongs to a service that is not allowed. */
  const block = (el: Element, url: string | null) => {
    let service: SiteService | undefined;
    try {
      // Relative URLs resolve to this site, `javascript:` and `data:` URLs to no host.
      service = serviceForUrl(new URL(url as string, location.href), services);
    } catch {
      // Not a URL: nothing to match.
    }
    if (!service || allows(service.category, service.id)) return false;
    setAttr.call(el, "data-src", url as string);
    setAttr.call(el, "data-category", service.category);
    setAttr.call(el, "data-service", service.id);
    if (el.tagName === "SCRIPT") setAttr.call(el, "type", "text/plain");
    else el.removeAttribute("src");
    return true;
  };

  // A script or an iframe added by code starts loading the moment it is inserted: its `src`
  // (property or attribute) is stopped when it is set.
  for (const proto of [HTMLScriptElement.prototype, HTMLIFrameElement.prototype]) {
    const src = Object.getOwnPropertyDescriptor(proto, "src") as PropertyDescriptor;
    Object.defineProperty(proto, "src", {
      ...src,
      set(this: Element, url: string) {
        if (!block(this, url)) src.set?.call(this, url);
      },
    });
    proto.setAttribute = function (this: Element, name: string, value: string) {
      if (name.toLowerCase() !== "src" || !block(this, value)) setAttr.call(this, name, value);
    };
  }

  // `innerHTML` with an iframe: parsed in an inert template first, so a stopped iframe never
  // starts loading.
  const inner = Object.getOwnPropertyDescriptor(
    Element.prototype,
    "innerHTML",
  ) as PropertyDescriptor;
  Object.defineProperty(Element.prototype, "innerHTML", {
    ...inner,
    set(this: Element, html: string) {
      if (!/<iframe/i.test(html)) return inner.set?.call(this, html);
      const template = document.createElement("template");
      inner.set?.call(template, html);
      for (const frame of template.content.querySelectorAll("iframe"))
        block(frame, frame.getAttribute("src"));
      this.replaceChildren(template.content);
    },
  });

  // What the parser inserts after the loader is seen before it runs (a parser-inserted script
  // runs only after observers are told); so is anything inserted some other way.
  new MutationObserver((records) => {
    let frames = false;
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element)
          for (const el of [node, ...node.querySelectorAll("script,iframe")])
            if (el.tagName === "IFRAME") {
              block(el, el.getAttribute("src"));
              frames = true;
            } else if (el instanceof HTMLScriptElement && el.type !== "text/plain")
              block(el, el.getAttribute("src") ?? el.getAttribute("data-src"));
    if (frames) inserted();
  }).observe(document.documentElement, { childList: true, subtree: true });
}
