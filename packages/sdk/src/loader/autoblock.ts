import { type SiteService, serviceForUrl } from "@assent/core";
import { GATED_FRAME } from "./gate-embeds";
import type { Allows } from "./gate-scripts";

type Src = Element & { src: string; type?: string };

/**
 * Auto-blocking: scripts and iframes added by any code at any time (parser-inserted after the
 * loader, `document.createElement` + `appendChild`, `innerHTML`) whose URL matches a known
 * service's host are stopped before they run or load, and marked like hand-gated content
 * (`data-src`, `data-category`, `data-service`; scripts `type="text/plain"`) so that the usual
 * gates release them once allowed. Iframes that were stopped are handed to `blocked`.
 */
export function autoblock(
  services: readonly SiteService[],
  allows: Allows,
  blocked: (frames: HTMLIFrameElement[]) => void,
): void {
  const doc = document;
  const setAttr = Element.prototype.setAttribute;

  /** Marks an element as gated when its URL belongs to a service that is not allowed. */
  const block = (el: Element, url: string | null) => {
    const service = url ? serviceForUrl(url, services) : undefined;
    if (!service || allows(service.category, service.id)) return false;
    setAttr.call(el, "data-src", url as string);
    setAttr.call(el, "data-category", service.category);
    setAttr.call(el, "data-service", service.id);
    if (el.tagName === "SCRIPT") setAttr.call(el, "type", "text/plain");
    else el.removeAttribute("src");
    return true;
  };

  // `document.createElement`: `src` (property or attribute) is stopped before insertion.
  const create = doc.createElement;
  doc.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    const el = create.call(this, tag, options) as unknown as Src;
    if (/^(script|iframe)$/i.test(tag)) {
      const src = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "src");
      Object.defineProperty(el, "src", {
        configurable: true,
        get: () => src?.get?.call(el),
        set: (url: string) => block(el, String(url)) || src?.set?.call(el, url),
      });
      el.setAttribute = (name, value) =>
        (name.toLowerCase() === "src" && block(el, value)) || setAttr.call(el, name, value);
    }
    return el;
  } as Document["createElement"];

  // `innerHTML`: parsed in an inert template first, so a stopped iframe never starts loading.
  const inner = Object.getOwnPropertyDescriptor(
    Element.prototype,
    "innerHTML",
  ) as PropertyDescriptor;
  Object.defineProperty(Element.prototype, "innerHTML", {
    ...inner,
    set(this: Element, html: string) {
      if (!/<iframe/i.test(html)) return inner.set?.call(this, html);
      const template = create.call(doc, "template") as HTMLTemplateElement;
      inner.set?.call(template, html);
      for (const frame of template.content.querySelectorAll("iframe"))
        block(frame, frame.getAttribute("src"));
      this.replaceChildren(template.content);
    },
  });

  // Whatever is inserted, the parser included: stopped before it runs.
  new MutationObserver((records) => {
    const frames: HTMLIFrameElement[] = [];
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const el of [node, ...node.querySelectorAll("script,iframe")] as Src[]) {
          if (el.tagName === "IFRAME") {
            block(el, el.getAttribute("src"));
            if (el.matches(GATED_FRAME)) frames.push(el as unknown as HTMLIFrameElement);
          } else if (el.tagName === "SCRIPT" && el.type !== "text/plain")
            block(el, el.getAttribute("src") ?? el.getAttribute("data-src"));
        }
      }
    if (frames.length) blocked(frames);
  }).observe(doc.documentElement, { childList: true, subtree: true });
}
