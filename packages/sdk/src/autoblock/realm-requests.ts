import type { Engine } from "./engine";

type Realm = Window & typeof globalThis;

/**
 * Requests that are not elements, from code that already runs (a vendor's own snippet, an
 * allowed tag calling a service that is not): before a choice, a beacon to a tracker's collect
 * endpoint is not content the visitor sees, and it may not leave the page, so it is dropped, not
 * queued. Each fails as the browser reports a request it did not make:
 * - `new Audio(url)` (which sets no property a setter sees) is held like any `<audio>`;
 * - `navigator.sendBeacon` answers `false` (the beacon was not queued);
 * - `fetch` rejects with a `TypeError`, as for a network error;
 * - `XMLHttpRequest` ends as on a network error (`readyState` 4, `status` 0, `error` and
 *   `loadend`; a synchronous one throws a `NetworkError`);
 * - `new WebSocket(url)` and `new EventSource(url)` throw a `SecurityError`, as for a port the
 *   browser blocks.
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
  patchXhr(win, engine);
  guardConstructor(win, "WebSocket", engine);
  guardConstructor(win, "EventSource", engine);
}

/** A streaming connection (`WebSocket`, `EventSource`) to a denied tracker is refused at birth. */
function guardConstructor(win: Realm, name: "WebSocket" | "EventSource", engine: Engine): void {
  const Native = win[name] as (new (...args: unknown[]) => object) | undefined;
  if (!Native) return;
  const Guarded = function (this: unknown, ...args: unknown[]) {
    if (engine.denied(String(args[0])))
      throw new DOMException("The tracker's URL is not allowed yet.", "SecurityError");
    return Reflect.construct(Native, args, new.target ?? Native);
  } as unknown as typeof Native;
  Object.setPrototypeOf(Guarded, Native);
  Guarded.prototype = Native.prototype;
  (win as unknown as Record<string, unknown>)[name] = Guarded;
}

/** `XMLHttpRequest` to a denied tracker: opened as asked, ended as a network error at `send`. */
function patchXhr(win: Realm, engine: Engine): void {
  const X = win.XMLHttpRequest?.prototype;
  if (!X) return;
  const { open, send } = X;
  // The requests to drop, and whether each is asynchronous.
  const dropped = new WeakMap<XMLHttpRequest, boolean>();
  X.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    delete (this as { readyState?: number }).readyState;
    if (engine.denied(String(args[1]))) dropped.set(this, args[2] !== false);
    else dropped.delete(this);
    return (open as (...a: unknown[]) => void).apply(this, args);
  };
  X.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const async = dropped.get(this);
    if (async === undefined) return send.call(this, body);
    dropped.delete(this);
    Object.defineProperty(this, "readyState", { value: 4, configurable: true });
    if (!async) throw new DOMException("The tracker's URL is not allowed yet.", "NetworkError");
    setTimeout(() => {
      this.dispatchEvent(new win.Event("readystatechange"));
      for (const type of ["error", "loadend"]) this.dispatchEvent(new win.ProgressEvent(type));
    });
  };
}
