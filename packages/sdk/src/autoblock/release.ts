import type { Engine } from "./engine";
import { set } from "./engine";
import { HELD_HERE, urlAttributes } from "./url-attributes";

/** In a frame's document (no loader gates there), everything held is released from here. */
const HELD_ANY = `${HELD_HERE},script[type="text/plain"][data-src],img[data-src],link[data-href],iframe[data-src]`;

/** Releases one held element: its URL attributes back, a script as a new one that runs. */
function releaseOne(el: Element, engine: Engine): void {
  if (el.localName !== "script") {
    for (const attr of urlAttributes(el)) {
      const url = el.getAttribute(`data-${attr}`);
      if (url === null) continue;
      el.removeAttribute(`data-${attr}`);
      set(el, attr, url);
    }
    return;
  }
  const script = el.ownerDocument.createElement("script");
  for (const { name, value } of el.attributes)
    if (!/^(type|data-src|data-type)$/.test(name)) set(script, name, value);
  const type = el.getAttribute("data-type");
  if (type) set(script, "type", type);
  script.text = el.textContent ?? "";
  set(script, "src", el.getAttribute("data-src") as string);
  engine.host.ran.push(el);
  el.replaceWith(script);
}

/**
 * Releases, in document order and once each, what the loader's gates (scripts, images, links and
 * iframes of the page) do not: `srcset`, `object`, `embed`, `source`, media and posters, and
 * everything held inside same-origin frames. Whatever this engine held and is now released
 * counts for `reloadOnWithdraw`. Run after the loader's gates, on every change.
 */
export function releaser(engine: Engine, documents: Set<Document>): () => void {
  const { host } = engine;
  return () => {
    for (const doc of documents)
      for (const el of doc.querySelectorAll(doc === document ? HELD_HERE : HELD_ANY))
        if (host.allows(el.getAttribute("data-category"), el.getAttribute("data-service")))
          releaseOne(el, engine);
    engine.held = engine.held.filter((el) => {
      const held = urlAttributes(el).some((attr) => el.hasAttribute(`data-${attr}`));
      if (!held) host.ran.push(el);
      return held;
    });
  };
}
