import { type SiteService, serviceMatcher, withCatalogueHosts } from "@assent/core";
import type { AutoblockHost } from "../loader/autoblock";
import { LOADED } from "../loader/gate-embeds";
import { MAY_HOLD, urlAttributes, WITH_URL, XLINK } from "./url-attributes";

// The browser's own methods, taken before any realm is patched.
const E = Element.prototype;
const { getAttribute, getAttributeNS, setAttribute, hasAttribute, removeAttribute } = E;
const innerHTML = Object.getOwnPropertyDescriptor(E, "innerHTML") as PropertyDescriptor;
const parseDocument = DOMParser.prototype.parseFromString;

const get = (el: Element, name: string) =>
  getAttribute.call(el, name) ?? (name === "href" ? getAttributeNS.call(el, XLINK, name) : null);
/** Sets an attribute without passing through the patched `setAttribute`. */
export const set = (el: Element, name: string, value: string) => setAttribute.call(el, name, value);

/** A URL's candidates: one, or each of a `srcset`. */
const candidates = (attr: string, value: string) =>
  attr === "srcset" || attr === "imagesrcset"
    ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "")
    : [value];

/** What the auto-blocking script needs to hold, parse and release content. */
export interface Engine {
  /** The service of a URL the decision does not allow, if it is a tracker's. */
  denied(url: string, base?: string): SiteService | undefined;
  /** Holds `el`'s URL attribute back when it is a denied tracker's; `true` when held. */
  hold(el: Element, attr: string, value: string): boolean;
  /** An attribute set through any door: `true` when the engine took care of it. */
  attribute(el: Element, name: string, value: unknown): boolean;
  /** Holds every tracker URL in a subtree (elements made without the patched setters). */
  sweep(root: Node): number;
  /** Markup with its trackers held: a fragment, or a whole document (`srcdoc`). */
  sanitize(html: string, whole?: boolean): string;
  /** Parses markup as `context`'s children would be, inertly, with its trackers held. */
  parse(html: string, context: Node | null): Node[];
  /**
   * After nodes were inserted: frames protected, and the gates run when held content came in
   * (`gates`: the observer, which sees the same insertions later, leaves that to the patches).
   */
  inserted(nodes: readonly unknown[], gates?: boolean): void;
  /** Runs the gates (and releases what the loader's gates do not know) in a microtask. */
  later(): void;
  /**
   * Marks the scripts in `root` that the browser made "already started" (parsed as markup, by
   * `DOMParser`): they never run, nor do their copies, so they are never held (a held one
   * would be released as a copy that never loads, and keep the gated scripts after it waiting).
   */
  inert(root: Node): void;
  /** After `from` was cloned as `to`: the copies keep their originals' marks, as the flag is. */
  cloned(from: Node, to: Node): void;
  /** Whether a frame was loaded by Assent's gates with this very URL ("Load this once"). */
  released(frame: Element, url: string): boolean;
  /** Set by the realm code: protects a frame's window (same origin) before its scripts run. */
  protectFrame(frame: Element): void;
  host: AutoblockHost;
  /** Everything but scripts this engine held, to count what is released (`reloadOnWithdraw`). */
  held: Element[];
}

const sameUrl = (a: string, b: string, base: string) => {
  try {
    return new URL(a, base).href === new URL(b, base).href;
  } catch {
    return false;
  }
};

/** Held content (by this script or marked up by the site) that the gates release once allowed. */
const HELD =
  ':is(script[type="text/plain"],[data-src],[data-href],[data-srcset],[data-imagesrcset],[data-ping],[data-data],[data-poster]):is([data-category],[data-service])';

const scriptsIn = (root: Node): Element[] => {
  const el = root as Element;
  const all = el.querySelectorAll ? [...el.querySelectorAll("script")] : [];
  return el.localName === "script" ? [el, ...all] : all;
};

/** The engine over one page's services and decision. */
export function createEngine(host: AutoblockHost, release: () => void): Engine {
  const { allows } = host;
  // The loader knows the catalogue's services by their cookies; auto-blocking adds their hosts.
  const services = withCatalogueHosts(host.services);
  // Remembered per host name: most URLs a page sets are its own, and cost a lookup.
  const serviceFor = serviceMatcher(services);
  const heldScripts = new WeakSet<Element>();
  const inertScripts = new WeakSet<Element>();
  let inert: Document | undefined;
  // Whether any script is marked yet: until then, copies need no looking at.
  let marked = false;
  let pending = false;

  /** Markup parsed as `context`'s children, in a document that loads and runs nothing. */
  const inertBox = (html: string, context: Node | null) => {
    inert ??= document.implementation.createHTMLDocument("");
    const el = context as Element | null;
    const box =
      el?.nodeType === 1 && el.localName !== "template"
        ? inert.createElementNS(el.namespaceURI, el.localName)
        : inert.createElement("body");
    innerHTML.set?.call(box, html);
    return box;
  };

  const engine: Engine = {
    held: [],
    host,
    protectFrame: () => {},

    denied(url, base = document.baseURI) {
      let service: SiteService | undefined;
      try {
        const parsed = new URL(url.trim(), base);
        if (/^(https?|wss?):$/.test(parsed.protocol)) service = serviceFor(parsed);
      } catch {
        // Not a URL: nothing to match.
      }
      return service && !allows(service.category, service.id) ? service : undefined;
    },

    hold(el, attr, value) {
      const name = attr.toLowerCase();
      if (!urlAttributes(el).includes(name) || inertScripts.has(el)) return false;
      // A document without a window (`createHTMLDocument`, `DOMParser`, a template's content) has
      // about:blank as its base, or one of its own: its elements' URLs are resolved where they
      // are inserted, so `//host/path` is a tracker's URL there too.
      const doc = el.ownerDocument;
      const base = (doc.defaultView ? doc : document).baseURI;
      const service = candidates(name, value)
        .map((url) => engine.denied(url, base))
        .find(Boolean);
      if (!service) return false;
      const category = get(el, "data-category");
      const id = get(el, "data-service");
      // Marked by the site or by Assent: the gates decide (they release only what is allowed).
      if ((category || id) && allows(category, id)) return false;
      if (engine.released(el, value)) return false;
      set(el, `data-${name}`, value);
      if (!category && !id) {
        set(el, "data-category", service.category);
        set(el, "data-service", service.id);
      }
      if (el.localName === "script") {
        const type = get(el, "type");
        if (type && type !== "text/plain") set(el, "data-type", type);
        set(el, "type", "text/plain");
        heldScripts.add(el);
        marked = true;
      } else engine.held.push(el);
      removeAttribute.call(el, name);
      if (name === "href") el.removeAttributeNS(XLINK, name);
      engine.later();
      return true;
    },

    attribute(el, name, value) {
      const attr = name.toLowerCase();
      if (attr === "srcdoc" && el.localName === "iframe") {
        set(el, "srcdoc", engine.sanitize(String(value), true));
        return true;
      }
      // A held script's type waits aside while its service is denied; the gates' copy, made to
      // run it once allowed, takes its own.
      if (
        attr === "type" &&
        heldScripts.has(el) &&
        hasAttribute.call(el, "data-src") &&
        !allows(get(el, "data-category"), get(el, "data-service"))
      ) {
        set(el, "data-type", String(value));
        return true;
      }
      return engine.hold(el, attr, String(value));
    },

    sweep(root) {
      let held = 0;
      const els: Element[] = root.nodeType === 1 ? [root as Element] : [];
      // A leaf (most insertions) needs no search below it.
      if ((root as ParentNode).firstElementChild)
        els.push(...(root as ParentNode).querySelectorAll(WITH_URL));
      for (const el of els) {
        for (const attr of urlAttributes(el)) {
          const value = get(el, attr);
          if (value !== null && engine.hold(el, attr, value)) held++;
        }
        const doc = el.localName === "iframe" ? get(el, "srcdoc") : null;
        if (doc !== null) {
          const clean = engine.sanitize(doc, true);
          if (clean !== doc) {
            set(el, "srcdoc", clean);
            held++;
          }
        }
      }
      return held;
    },

    sanitize(html, whole) {
      if (!MAY_HOLD.test(html)) return html;
      if (whole) {
        const doc = parseDocument.call(new DOMParser(), html, "text/html");
        return engine.sweep(doc) ? `<!doctype html>${doc.documentElement.outerHTML}` : html;
      }
      const box = inertBox(html, null);
      return engine.sweep(box) ? innerHTML.get?.call(box) : html;
    },

    parse(html, context) {
      const box = inertBox(html, context);
      engine.inert(box);
      engine.sweep(box);
      return [...box.childNodes];
    },

    inserted(nodes, gates = true) {
      let held = false;
      for (const node of nodes) {
        if ((node as Node)?.nodeType !== 1 || !(node as Node).isConnected) continue;
        const root = node as Element;
        const parent = !!root.firstElementChild;
        if (root.localName === "iframe") engine.protectFrame(root);
        if (parent) for (const frame of root.querySelectorAll("iframe")) engine.protectFrame(frame);
        // Held before (a copy of a template's held content, say) and inserted now: the gates see
        // it, in case it is already allowed.
        held ||= gates && (root.matches(HELD) || (parent && !!root.querySelector(HELD)));
      }
      if (held) engine.later();
    },

    later() {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        release();
      });
    },

    inert(root) {
      for (const script of scriptsIn(root)) {
        inertScripts.add(script);
        marked = true;
      }
    },

    cloned(from, to) {
      if (!marked || !from || !to) return;
      const copies = scriptsIn(to);
      scriptsIn(from).forEach((script, i) => {
        const copy = copies[i];
        if (copy && inertScripts.has(script)) inertScripts.add(copy);
        if (copy && heldScripts.has(script)) heldScripts.add(copy);
      });
    },

    released(frame, url) {
      const loaded = get(frame, LOADED);
      return !!loaded && sameUrl(loaded, url, frame.ownerDocument.baseURI);
    },
  };
  return engine;
}
