import { report } from "./page";

/** Decides whether a gated element may run, from its `data-category` and `data-service`. */
export type Allows = (category: string | null, service: string | null) => boolean;

const MARKED = ":is([data-category],[data-service])";
const GATED = `script[type="text/plain"]${MARKED},img[data-src]${MARKED},link[data-href]${MARKED}`;

let queue: Promise<void> = Promise.resolve();

/**
 * Every gated element that ran on this page (its `data-category` and `data-service` are read
 * again on a withdrawal, both of them: `reloadOnWithdraw`).
 */
export const ran: Element[] = [];

/** An element's `data-category`. */
export const cat = (el: Element) => el.getAttribute("data-category");
/** An element's `data-service`. */
export const svc = (el: Element) => el.getAttribute("data-service");

/**
 * Ends the current task, so that the browser can paint and answer input before the next gated
 * script runs: a click on "Accept all" paints the banner closed before the site's tags run, and
 * a returning visitor's tags run in short tasks of their own rather than one long one. A message
 * to itself, not a timer: a background tab's timers are throttled to a second.
 */
const yieldToPage = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });

function activate(original: HTMLScriptElement): Promise<void> {
  // A clone keeps every attribute, the text and the nonce; it is not "already started".
  const script = original.cloneNode(true) as HTMLScriptElement;
  const type = original.getAttribute("data-type");
  const src = original.getAttribute("data-src");
  if (type) script.type = type;
  else script.removeAttribute("type");
  return new Promise((resolve) => {
    // Throws on a Trusted Types page whose default policy does not pass the URL: the promise is
    // rejected, the script left as it was, and not counted as run.
    if (src) script.src = src;
    if (script.src) script.onload = script.onerror = () => resolve();
    else resolve();
    original.replaceWith(script);
    ran.push(original);
  });
}

/**
 * Activates the gated scripts (and marked `<img data-src>` and `<link data-href>`) the decision
 * allows, in document order, each script in a task of its own; an external script is loaded
 * before the next gated one runs. A script never runs twice. Calls are queued, so a choice made
 * while scripts are loading cannot reorder them; a script that cannot be activated (a Trusted
 * Types page refusing its URL) is reported and stops neither the others nor later calls.
 */
export function activateScripts(allows: Allows): Promise<void> {
  queue = queue.then(async () => {
    for (const el of document.querySelectorAll<HTMLElement>(GATED)) {
      const runs = () => el.isConnected && allows(cat(el), svc(el));
      if (!runs()) continue;
      // By name: a script made in another (same-origin) frame is not this realm's instance.
      if (el.localName === "script") {
        await yieldToPage();
        // Looked at again: meanwhile the page may have removed it, or a choice changed. One
        // that cannot be activated is reported, and the rest still are.
        if (runs()) await activate(el as HTMLScriptElement).catch(report);
      } else {
        // Without `data-src` / `data-href` it is no longer gated: it is never activated twice.
        const attr = el.tagName === "LINK" ? "href" : "src";
        el.setAttribute(attr, el.getAttribute(`data-${attr}`) as string);
        el.removeAttribute(`data-${attr}`);
      }
    }
  });
  return queue;
}
