/** Decides whether a gated element may run, from its `data-category` and `data-service`. */
export type Allows = (category: string | null, service: string | null) => boolean;

const MARKED = ":is([data-category],[data-service])";
const GATED = `script[type="text/plain"]${MARKED},img[data-src]${MARKED},link[data-href]${MARKED}`;
const DONE = "data-assent-done";

let queue: Promise<void> = Promise.resolve();

/** The `[category, service]` of every script that ran on this page. */
export const ran: Array<[string | null, string | null]> = [];

const cat = (el: Element) => el.getAttribute("data-category");
const svc = (el: Element) => el.getAttribute("data-service");

function activate(original: HTMLScriptElement): Promise<void> {
  const script = document.createElement("script");
  for (const attr of Array.from(original.attributes)) {
    if (attr.name === "type" || attr.name === "data-src") continue;
    script.setAttribute(attr.name, attr.value);
  }
  const nonce = original.nonce;
  if (nonce) script.nonce = nonce;
  const type = original.getAttribute("data-type");
  if (type) script.type = type;
  const src = original.getAttribute("data-src") ?? original.getAttribute("src");
  original.setAttribute(DONE, "");
  ran.push([cat(original), svc(original)]);
  if (!src) {
    script.text = original.text;
    original.replaceWith(script);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    script.onload = script.onerror = () => resolve();
    script.async = false;
    script.src = src;
    original.replaceWith(script);
  });
}

/**
 * Activates the gated scripts (and marked `<img data-src>` and `<link data-href>`) the decision
 * allows, in document order; an external script is loaded before the next gated one runs. A
 * script never runs twice. Calls are queued, so a choice made while scripts are loading cannot
 * reorder them.
 */
export function activateScripts(allows: Allows, root: ParentNode = document): Promise<void> {
  queue = queue.then(async () => {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(GATED))) {
      if (el.hasAttribute(DONE) || !el.isConnected || !allows(cat(el), svc(el))) continue;
      if (el instanceof HTMLScriptElement) await activate(el);
      else {
        const attr = el instanceof HTMLLinkElement ? "href" : "src";
        el.setAttribute(DONE, "");
        el.setAttribute(attr, el.getAttribute(`data-${attr}`) as string);
      }
    }
  });
  return queue;
}
