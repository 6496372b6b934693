import {
  allowsElement,
  completeService,
  DEFAULT_CATEGORIES,
  type Decision,
  decide,
  pageServices,
} from "@assent/core";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AutoblockHost } from "../loader/autoblock";
import "./index";

const listed = [completeService({ id: "google-analytics", category: "analytics" })];
const scope = { categories: [...DEFAULT_CATEGORIES], services: listed };
let decision: Decision | null = null;
const release = vi.fn();
const host: AutoblockHost = {
  services: pageServices(listed),
  allows: (c, s) => allowsElement(decision, c, s),
  release,
  ran: [],
};
const tick = () => new Promise((r) => setTimeout(r, 0));
const GTAG = "https://www.googletagmanager.com/gtag/js?id=G-1";
const PIXEL = "https://www.facebook.com/tr?id=1&ev=PageView";

beforeAll(() => window.__assent_autoblock?.(host));
beforeEach(() => {
  decision = null;
  document.body.replaceChildren();
});

describe("auto-blocking", () => {
  it("holds a tracker's script, set as a property or an attribute, before it is inserted", () => {
    const byProperty = document.createElement("script");
    byProperty.src = GTAG;
    expect(byProperty.getAttribute("src")).toBeNull();
    expect(byProperty.type).toBe("text/plain");
    expect(byProperty.dataset).toMatchObject({
      src: GTAG,
      category: "analytics",
      service: "google-analytics",
    });
    const byAttribute = document.createElement("script");
    byAttribute.setAttributeNS(null, "src", "https://connect.facebook.net/en_US/fbevents.js");
    expect(byAttribute.getAttribute("src")).toBeNull();
    expect(byAttribute.dataset).toMatchObject({ service: "meta-pixel", category: "marketing" });
  });

  it("holds pixels: images by property, constructor and srcset, keeping first-party pages", () => {
    const pixel = new Image();
    pixel.src = PIXEL;
    expect(pixel.getAttribute("src")).toBeNull();
    expect(pixel.dataset.service).toBe("meta-pixel");
    const set = document.createElement("img");
    set.srcset = "https://live.staticflickr.com/1_b.jpg 2x";
    expect(set.dataset).toMatchObject({ service: "flickr", category: "embeds" });
    const page = document.createElement("img");
    page.src = "https://www.facebook.com/images/logo.png";
    expect(page.getAttribute("src")).toBe("https://www.facebook.com/images/logo.png");
  });

  it("holds what markup brings, parsed where nothing loads, and leaves other markup alone", () => {
    document.body.innerHTML = `<p id="p">x</p><iframe src="https://www.youtube.com/embed/a"></iframe>`;
    const frame = document.querySelector("iframe");
    expect(frame?.getAttribute("src")).toBeNull();
    expect(frame?.dataset).toMatchObject({
      src: "https://www.youtube.com/embed/a",
      service: "youtube",
    });
    document.getElementById("p")?.insertAdjacentHTML("afterend", `<img src="${PIXEL}">`);
    expect(document.querySelector("img")?.getAttribute("src")).toBeNull();
    document.body.insertAdjacentHTML("beforeend", `<img id="own" src="/logo.png">`);
    expect(document.getElementById("own")?.getAttribute("src")).toBe("/logo.png");
  });

  it("sweeps nodes made elsewhere before they are inserted", () => {
    const doc = document.implementation.createHTMLDocument("");
    const img = doc.createElement("img");
    img.setAttribute("src", PIXEL);
    document.body.append(img);
    expect(img.getAttribute("src")).toBeNull();
    expect(img.dataset.service).toBe("meta-pixel");
  });

  it("keeps a held script's type aside while denied; the gates' copy takes its own once allowed", () => {
    const held = document.createElement("script");
    held.src = GTAG;
    held.type = "module";
    expect(held.type).toBe("text/plain");
    expect(held.dataset.type).toBe("module");
    decision = decide(scope, { categories: { analytics: true } });
    const copy = held.cloneNode(true) as HTMLScriptElement;
    copy.type = "module";
    expect(copy.type).toBe("module");
  });

  // (Templates filled by markup: in the e2e spec, as Chromium keeps `innerHTML` on Element.)
  it("never holds scripts the browser already started (DOMParser), nor their copies", () => {
    const parsed = new DOMParser().parseFromString(`<script src="${GTAG}"></script>`, "text/html");
    const adopted = document.importNode(parsed.querySelector("script") as Element, true);
    document.body.append(adopted);
    expect(adopted.getAttribute("src")).toBe(GTAG);
    // A script made by the page is not started: it is held.
    const made = document.createElement("script");
    made.src = GTAG;
    document.body.append(made.cloneNode(true));
    expect(document.body.lastElementChild?.getAttribute("type")).toBe("text/plain");
  });

  it("runs the gates when content held earlier is inserted (once allowed, it loads)", async () => {
    const img = document.createElement("img");
    img.src = PIXEL;
    await tick();
    release.mockClear();
    document.body.append(img.cloneNode());
    await tick();
    expect(release).toHaveBeenCalledTimes(1);
  });

  it("lets allowed services through, and releases held content through the gates once allowed", async () => {
    decision = decide(scope, { categories: { analytics: true } });
    const allowed = document.createElement("script");
    allowed.src = GTAG;
    expect(allowed.getAttribute("src")).toBe(GTAG);
    decision = null;
    release.mockClear();
    const thumb = document.createElement("img");
    thumb.srcset = "https://i.ytimg.com/vi/a/hq.jpg 2x";
    document.body.append(thumb);
    await tick();
    expect(release).toHaveBeenCalledTimes(1);
    expect(thumb.getAttribute("srcset")).toBeNull();
    decision = decide(scope, { categories: { embeds: true } });
    dispatchEvent(new CustomEvent("assent:change"));
    expect(thumb.getAttribute("srcset")).toBe("https://i.ytimg.com/vi/a/hq.jpg 2x");
    expect(thumb.hasAttribute("data-srcset")).toBe(false);
    expect(host.ran.map((el) => el.getAttribute("data-service"))).toEqual(["youtube"]);
    // Exactly once: a second change finds nothing left to release.
    dispatchEvent(new CustomEvent("assent:change"));
    expect(host.ran.map((el) => el.getAttribute("data-service"))).toEqual(["youtube"]);
  });

  it("refuses beacons and fetches to a denied tracker from code that already runs", async () => {
    expect(navigator.sendBeacon?.("https://www.google-analytics.com/g/collect?v=2")).toBe(false);
    await expect(fetch("https://www.facebook.com/tr?id=1")).rejects.toThrow(TypeError);
  });

  it("ends an XMLHttpRequest to a denied tracker as a network error, and refuses its sockets", async () => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "https://www.google-analytics.com/g/collect?v=2");
    const events: string[] = [];
    for (const type of ["readystatechange", "error", "loadend"])
      xhr.addEventListener(type, () => events.push(`${type} ${xhr.readyState} ${xhr.status}`));
    xhr.send("en=page_view");
    await tick();
    expect(events).toEqual(["readystatechange 4 0", "error 4 0", "loadend 4 0"]);
    const sync = new XMLHttpRequest();
    sync.open("GET", "https://www.facebook.com/tr?id=1", false);
    expect(() => sync.send()).toThrow(expect.objectContaining({ name: "NetworkError" }));
    expect(() => new WebSocket("wss://ws.hotjar.com/api/v2/client/ws")).toThrow(
      expect.objectContaining({ name: "SecurityError" }),
    );
    if (typeof EventSource === "function") {
      expect(() => new EventSource("https://www.google-analytics.com/g/collect?v=2")).toThrow(
        expect.objectContaining({ name: "SecurityError" }),
      );
    }
  });

  it("holds the frame a link or a form navigates by name; new tabs and cancelled clicks pass", () => {
    const YT = "https://www.youtube.com/embed/a";
    // Whatever passes is stopped here, after auto-blocking has decided: nothing loads.
    const stop = (e: Event) => e.preventDefault();
    document.addEventListener("click", stop);
    document.addEventListener("submit", stop);
    document.body.innerHTML = `<iframe name="f" srcdoc=""></iframe><a target="f" href="${YT}">a</a>`;
    const frame = document.querySelector("iframe") as HTMLIFrameElement;
    const link = document.querySelector("a") as HTMLAnchorElement;
    const click = (init: MouseEventInit = {}) => {
      const e = new MouseEvent("click", { bubbles: true, cancelable: true, ...init });
      link.dispatchEvent(e);
      return e.defaultPrevented;
    };
    click({ ctrlKey: true });
    click({ button: 1 });
    const cancel = (e: Event) => e.preventDefault();
    addEventListener("click", cancel, true);
    click();
    removeEventListener("click", cancel, true);
    expect(frame.hasAttribute("data-src")).toBe(false);
    expect(click()).toBe(true);
    expect(frame.dataset).toMatchObject({ src: YT, service: "youtube" });

    // A GET form's URL has its data as the query; a POST form's is its action.
    document.body.innerHTML = `<iframe name="g" srcdoc=""></iframe><iframe name="p" srcdoc=""></iframe>
      <form id="get" target="g" action="${YT}?x=1"><input name="k" value="v"></form>
      <form id="post" method="post" action="/own"><button formtarget="p" formaction="${YT}?x=2"></button></form>
      <form id="dialog" method="dialog" target="g" action="${YT}"></form>`;
    const [g, p] = document.querySelectorAll("iframe");
    (document.getElementById("dialog") as HTMLFormElement).requestSubmit();
    expect(g?.hasAttribute("data-src")).toBe(false);
    (document.getElementById("get") as HTMLFormElement).submit();
    expect(g?.dataset.src).toBe(`${YT}?k=v`);
    const post = document.getElementById("post") as HTMLFormElement;
    post.requestSubmit(post.querySelector("button"));
    expect(p?.dataset.src).toBe(`${YT}?x=2`);
    document.removeEventListener("click", stop);
    document.removeEventListener("submit", stop);
  });

  it("holds an image preload's imagesrcset and a link's ping, and releases them once allowed", () => {
    const preload = document.createElement("link");
    preload.setAttribute("rel", "preload");
    preload.setAttribute("imagesrcset", `${PIXEL} 1x`);
    // (happy-dom has no `imageSrcset` property: the browser's is patched as `srcset` is.)
    document.body.innerHTML = `<a href="/about" ping="${PIXEL}">About</a>
      <link rel="preload" as="image" imagesrcset="${PIXEL} 1x"><map><area ping="${PIXEL}"></map>`;
    const link = document.createElement("a");
    link.ping = PIXEL;
    const parsed = [...document.body.querySelectorAll("a, link, area")];
    for (const el of [preload, link, ...parsed]) {
      expect(el.getAttribute("imagesrcset") ?? el.getAttribute("ping")).toBeNull();
      expect(el.getAttribute("data-service")).toBe("meta-pixel");
    }
    decision = decide(scope, { categories: { marketing: true } });
    dispatchEvent(new CustomEvent("assent:change"));
    expect(parsed.map((el) => el.getAttribute("ping") ?? el.getAttribute("imagesrcset"))).toEqual([
      PIXEL,
      `${PIXEL} 1x`,
      PIXEL,
    ]);
  });

  it("holds a URL given through the attribute map (attributes.setNamedItem, setNamedItemNS)", () => {
    for (const method of ["setNamedItem", "setNamedItemNS"] as const) {
      const script = document.createElement("script");
      document.head.append(script); // connected without src: a src given now runs it at once
      const attr = document.createAttribute("src");
      attr.value = "https://connect.facebook.net/en_US/fbevents.js";
      script.attributes[method](attr);
      expect(script.getAttribute("src")).toBeNull();
      expect(script.dataset.service).toBe("meta-pixel");
      script.remove();
    }
  });

  it("holds a tracker's URL written with its host's trailing dot, the same host to the browser", () => {
    const pixel = new Image();
    pixel.src = "https://www.facebook.com./tr?id=1&ev=PageView";
    expect(pixel.getAttribute("src")).toBeNull();
    expect(pixel.dataset.service).toBe("meta-pixel");
  });

  it("holds SVG images, by attribute (href, xlink:href) and by href.baseVal", () => {
    const NS = "http://www.w3.org/2000/svg";
    const a = document.createElementNS(NS, "image");
    a.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", PIXEL);
    expect(a.getAttribute("data-href")).toBe(PIXEL);
    expect(a.getAttributeNS("http://www.w3.org/1999/xlink", "href")).toBeNull();
    const b = document.createElementNS(NS, "image") as SVGImageElement;
    b.href.baseVal = PIXEL;
    expect(b.getAttribute("href")).toBeNull();
    expect(b.dataset.service).toBe("meta-pixel");
  });
});
