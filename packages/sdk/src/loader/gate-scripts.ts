/** Decides whether a gated element may run, from its `data-category` and `data-service`. */
export type Allows = (category: string | null, service: string | null) => boolean;

const GATED = 'script[type="text/plain"][data-category],script[type="text/plain"][data-service]';
const DONE = "data-assent-done";

let queue: Promise<void> = Promise.resolve();

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
 * Activates the gated scripts the decision allows, in document order; an external script is
 * loaded before the next gated one runs. A script never runs twice. Calls are queued, so a choice
 * made while scripts are loading cannot reorder them.
 */
export function activateScripts(allows: Allows, root: ParentNode = document): Promise<void> {
  queue = queue.then(async () => {
    const candidates = Array.from(root.querySelectorAll<HTMLScriptElement>(GATED));
    for (const original of candidates) {
      if (original.hasAttribute(DONE) || !original.isConnected) continue;
      if (!allows(original.getAttribute("data-category"), original.getAttribute("data-service")))
        continue;
      await activate(original);
    }
  });
  return queue;
}
