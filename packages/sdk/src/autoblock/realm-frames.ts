import type { Engine } from "./engine";

type Realm = Window & typeof globalThis;

interface NavigateEvent extends Event {
  destination: { url: string };
}

/**
 * Frames in one realm: a same-origin frame's window (`about:blank`, `srcdoc`, a frame the page
 * writes into) is protected the moment the page can reach it (`contentWindow`,
 * `contentDocument`, `window.open`, its insertion; its next document at its `load`), before any
 * script runs in it.
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
    const opened = open.apply(this, args);
    try {
      if (opened) protect(opened);
    } catch {}
    return opened;
  };
}

/**
 * A frame's own navigations to a denied tracker (its scripts' `location.href = ...`, a link or a
 * form in it) are cancelled through the Navigation API, and the frame is held like any other: it
 * gets its placeholder and is loaded once allowed. Chromium sends no such event for a navigation
 * another document starts (`frame.contentWindow.location.replace(url)` from the page), nor from a
 * frame's initial empty document, and `Location`'s methods cannot be replaced (they are
 * unforgeable): that door stays open (see the README).
 */
export function guardNavigation(win: Realm, engine: Engine): void {
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;

  navigation?.addEventListener("navigate", (event) => {
    const e = event as NavigateEvent;
    const frame = win.frameElement;
    const url = e.destination.url;
    if (!e.cancelable || !frame || !engine.denied(url) || engine.released(frame, url)) return;
    e.preventDefault();
    // The frame was leaving its document for the tracker's: it shows the placeholder instead
    // (a cancelled navigation would also leave that document's load, and the page's, pending).
    if (engine.hold(frame, "src", url)) frame.removeAttribute("srcdoc");
  });
}

/**
 * Requests that are not elements: `new Audio(url)` (which sets no property a setter sees), and
 * `navigator.sendBeacon` and `fetch` to a denied tracker from code that already runs (an allowed
 * tag calling a service that is not): the beacon is refused (`false`), the fetch fails as a
 * network error would.
 */
export function patchRequests(win: Realm, engine: Engine): void {
  const NativeAudio = win.Audio;
  if (NativeAudio) {
    const Audio = ((src?: string) => {
      const audio = new NativeAudio();
      if (src !== undefined) audio.src = src;
      return audio;
    }) as unknown as typeof win.Audio;
    Audio.prototype = NativeAudio.prototype;
    win.Audio = Audio;
  }
  const nav = win.Navigator.prototype;
  const beacon = nav.sendBeacon;
  if (beacon)
    nav.sendBeacon = function (this: Navigator, url: string | URL, data?: BodyInit | null) {
      return !engine.denied(String(url)) && beacon.call(this, url, data);
    };
  const fetch = win.fetch;
  win.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof win.Request ? input.url : String(input);
    return engine.denied(url)
      ? Promise.reject(new TypeError("Failed to fetch"))
      : fetch.call(this ?? win, input, init);
  };
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
    attributeFilter: ["src", "srcset", "href", "data", "poster", "srcdoc"],
  });
}
