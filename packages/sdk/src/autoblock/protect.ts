import type { Engine } from "./engine";
import { patchAttributes } from "./realm-attributes";
import { guardNavigation, observe, patchFrames } from "./realm-frames";
import { patchHtml } from "./realm-html";
import { patchInsertion } from "./realm-insertion";
import { patchRequests } from "./realm-requests";
import { patchTargets, watchTargets } from "./realm-targets";

type Realm = Window & typeof globalThis;

/**
 * Protects realms (this window and every same-origin frame's) once each: attributes, insertion,
 * markup, frames, requests, links and forms, and the observer as the last line. Returns
 * `protect(window)`.
 */
export function protector(engine: Engine, documents: Set<Document>): (win: Window) => void {
  const done = new WeakSet<Window>();
  const protect = (target: Window) => {
    const win = target as Realm;
    let doc: Document;
    try {
      doc = win.document;
    } catch {
      return; // Another origin.
    }
    if (done.has(win) && documents.has(doc)) return;
    // A frame's window, kept for its next document, is patched once; its new document observed.
    if (!done.has(win)) {
      done.add(win);
      patchAttributes(win, engine);
      patchInsertion(win, engine);
      patchHtml(win, engine);
      patchFrames(win, engine, protect);
      patchRequests(win, engine);
      patchTargets(win, engine);
      if (win !== window) guardNavigation(win, engine);
    }
    documents.add(doc);
    observe(win, engine);
    watchTargets(doc, engine);
    engine.sweep(doc);
  };
  return protect;
}
