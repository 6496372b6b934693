import type { Engine } from "./engine";
import { holdNavigation, holdTarget } from "./realm-targets";
import { URL_ATTRIBUTE_NAMES } from "./url-attributes";

type Realm = Window & typeof globalThis;

interface NavigateEvent extends Event {
  destination: { url: string };
}

/**
 * Frames in one realm: a same-origin frame's window (`about:blank`, `srcdoc`, a frame the page
 * writes into) is protected the moment the page can reach it (`contentWindow`,
 * `contentDocument`, `window.open`, its insertion; its next document at its `load`), before any
 * script runs in it. `window.open(url, name)` to a denied tracker holds the frame of that name.
 * Chromium keeps that window when the frame goes on to its `srcdoc` document, so the protection
 * holds there too.
 */
export function patchFrames(win: Realm, engine: Engine, protect: (w: Window) => void): void {
  const frame = win.HTMLIFrameElement.prototype;
  const window = Object.getOwnPropertyDescriptor(frame, "contentWindow") as PropertyDescriptor;
  engine.protectFrame = (el) => {
    try {
      const child = window.get?.call(el) as Window | null;
      if (child) protect(child);
    } catch {
      // Another origin: none of the page's code can reach into it either.
    }
  };
  for (const prop of ["contentWindow", "contentDocument"]) {
    const desc = Object.getOwnPropertyDescriptor(frame, prop) as PropertyDescriptor;
    Object.defineProperty(frame, prop, {
      ...desc,
      get(this: HTMLIFrameElement) {
        engine.protectFrame(this);
        return desc.get?.call(this);
      },
    });
  }
  const open = win.open;
  win.open = function (this: Window, ...args: Parameters<Window["open"]>) {
    // `window.open(url, name)` navigates the frame of that name, which sends it no `navigate`.
    const [url, name] = args;
    const held = url ? holdTarget(engine, win.document, name, String(url)) : null;
    if (held) return window.get?.call(held) as Window | null;
    const opened = open.apply(this, args);
    try {
      if (opened) protect(opened);
    } catch {}
    return opened;
  };
}

/**
 * A same-origin frame's navigations to a denied tracker are cancelled through the Navigation API,
 * whoever starts them (its own scripts, a link or a form in it, or the page:
 * `frame.contentWindow.location.replace(url)`, `.href =`, `.assign()`, a link targeting it), and
 * the frame is held like any other: it gets its placeholder and is loaded once allowed.
 * A frame still on its initial `about:blank` gets no `navigate` event at all (the Navigation API
 * is off until it has loaded another document; a synchronous `about:blank` commit or
 * `document.open()` does not count): a link or a form targeting it is held where it is clicked
 * or submitted (`realm-targets.ts`), but `Location`'s methods cannot be replaced (they are
 * unforgeable). Its `beforeunload` fires before the request but does not say where it goes, and
 * only removing the frame then stops it: the navigation could never be let through once known
 * harmless, so that one door stays open (see the README).
 */
export function guardNavigation(win: Realm, engine: Engine): void {
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;

  navigation?.addEventListener("navigate", (event) => {
    const e = event as NavigateEvent;
    const frame = win.frameElement;
    if (e.cancelable && frame && holdNavigation(engine, frame, e.destination.url))
      e.preventDefault();
  });
}

/**
 * The last line, for what no patch sees: elements the HTML parser inserts after the loader, and
 * attributes set through doors not patched. A parser-inserted script is seen before it runs (the
 * parser lets observers run first) and held; an iframe, image or link from the HTML source has
 * already started its request by then (see the README).
 */
export function observe(win: Realm, engine: Engine): void {
  // A frame's next document (a `srcdoc`, say) is protected when it has loaded. (An element's
  // `load` never reaches the window: it is caught on the document.)
  win.document.addEventListener(
    "load",
    (event) => {
      const target = event.target as Element;
      if (target.localName === "iframe") engine.protectFrame(target);
    },
    true,
  );
  new win.MutationObserver((records) => {
    const added: Node[] = [];
    for (const record of records)
      if (record.type === "attributes") engine.sweep(record.target);
      else
        for (const node of record.addedNodes) {
          engine.sweep(node);
          added.push(node);
        }
    engine.inserted(added, false);
  }).observe(win.document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [...URL_ATTRIBUTE_NAMES, "srcdoc"],
  });
}
