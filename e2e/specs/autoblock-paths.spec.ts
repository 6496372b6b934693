import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { autoblockPage, TRACKERS } from "../setup/autoblock-pages";
import { stubRequests } from "../setup/trackers";

/**
 * Auto-blocking (`/s/demo.js?autoblock`) on every insertion path and element kind, against real
 * third-party hosts (a recording stub behind Caddy: nothing is intercepted). Each path runs in
 * 20 page views, three times per view (while parsed, at DOMContentLoaded, at load): not one
 * request may reach a tracker before a choice, and after "Accept all" each held element loads
 * exactly once.
 */
const VIEWS = 20;

interface Case {
  name: string;
  /** The body of `run(tag)`: `u(url, tag)`, `root()` and `TRACKERS` are in scope. */
  code: string;
  /** Parts of the URLs each run's held elements load once allowed (once each). */
  released: string[];
  /** Parts of the URLs a run made after the choice requests (content now allowed passes). */
  after?: string[];
  parseOnly?: boolean;
  /** Views that wait on frames' own documents: three times the time. */
  slow?: boolean;
  /** Parts of the URLs that never load, before or after the choice. */
  never?: string[];
  /** Markup in the page's `<head>`, before the runs. */
  head?: string;
  /** Markup in the page's `<body>`. */
  body?: string;
  /** Parts of the URLs of scripts that must run in this order (within each run) once released. */
  order?: string[];
  /** What else holds in each view before the choice. */
  check?: (page: Page) => Promise<void>;
}

const CASES: Case[] = [
  {
    name: "appendChild-script",
    code: `var s = document.createElement("script"); s.src = u(TRACKERS.gtag, tag); root().appendChild(s);`,
    released: ["/gtag/js"],
  },
  {
    name: "setAttribute-scripts",
    code: `var a = document.createElement("script"); a.setAttribute("src", u(TRACKERS.fbevents, tag));
      root().append(a);
      var b = document.createElement("script"); b.setAttributeNS(null, "src", u(TRACKERS.twitter, tag));
      root().insertBefore(b, root().firstChild);`,
    released: ["/fbevents.js", "/widgets.js"],
  },
  {
    name: "image-constructor-pixel",
    code: `new Image().src = u(TRACKERS.pixel, tag);`,
    // Never inserted, so never released; the same call after the choice goes through.
    released: [],
    after: ["/tr?"],
  },
  {
    name: "image-in-the-page",
    code: `var i = document.createElement("img"); root().append(i); i.src = u(TRACKERS.collect, tag);`,
    released: ["/g/collect"],
  },
  {
    name: "innerHTML",
    code: `var d = document.createElement("div"); root().append(d);
      d.innerHTML = '<iframe src="' + u(TRACKERS.youtube, tag) + '"></iframe><img src="' + u(TRACKERS.pixel, tag) + '">';`,
    released: ["/embed/e2e", "/tr?"],
  },
  {
    name: "insertAdjacentHTML",
    code: `root().insertAdjacentHTML("beforeend", '<iframe src="' + u(TRACKERS.youtube, tag) + '"></iframe><img src="' + u(TRACKERS.flickr, tag) + '">');`,
    released: ["/embed/e2e", "/e2e_b.jpg"],
  },
  {
    name: "outerHTML",
    code: `var d = document.createElement("div"); root().append(d);
      d.outerHTML = '<iframe src="' + u(TRACKERS.youtube, tag) + '"></iframe>';`,
    released: ["/embed/e2e"],
  },
  {
    name: "document-write",
    parseOnly: true,
    code: `document.write('<script src="' + u(TRACKERS.gtag, tag) + '"><\\/script><img src="' + u(TRACKERS.pixel, tag) + '">');
      document.write('<iframe src="' + u(TRACKERS.youtube, tag) + '"></iframe>');`,
    released: ["/gtag/js", "/tr?", "/embed/e2e"],
  },
  {
    name: "createContextualFragment",
    code: `root().append(document.createRange().createContextualFragment('<script src="' + u(TRACKERS.gtag, tag) + '"><\\/script><img src="' + u(TRACKERS.flickr, tag) + '">'));`,
    released: ["/gtag/js", "/e2e_b.jpg"],
  },
  {
    // Templates in the page's source: their scripts are not "already started", so they run
    // once imported (those of a template filled by innerHTML never run, with or without Assent).
    name: "template-import",
    head: ["parse", "ready", "load", "after"]
      .map(
        (tag) => `<template id="tpl-${tag}">
  <iframe src="${TRACKERS.youtube}?t={{.Req.URL.Query.Get "t"}}-${tag}"></iframe>
  <script src="${TRACKERS.fbevents}?t={{.Req.URL.Query.Get "t"}}-${tag}"></script>
</template>`,
      )
      .join("\n"),
    code: `root().append(document.importNode(document.getElementById("tpl-" + tag).content, true));`,
    released: ["/embed/e2e", "/fbevents.js"],
    // Imported again after the choice (the template itself held its tracker before): it loads.
    after: ["/embed/e2e", "/fbevents.js"],
  },
  {
    // A template filled by markup, a document from DOMParser: their scripts are "already
    // started" and never run, with or without Assent (nor do copies of them), so nothing holds
    // them, and the gated scripts after them are not kept waiting for their load.
    name: "template-markup-clone",
    code: `var t = document.createElement("template");
      t.innerHTML = '<img src="' + u(TRACKERS.pixel, tag) + '"><script src="' + u(TRACKERS.fbevents, tag) + '"><\\/script>';
      root().append(t.content.cloneNode(true));
      var d = new DOMParser().parseFromString('<script src="' + u(TRACKERS.fbevents + "?k=p", tag) + '"><\\/script>', "text/html");
      root().append(document.adoptNode(d.querySelector("script")));
      var s = document.createElement("script"); s.src = u(TRACKERS.gtag, tag); root().append(s);`,
    released: ["/tr?", "/gtag/js"],
    after: ["/tr?", "/gtag/js"],
    never: ["/fbevents.js"],
  },
  {
    name: "DOMParser-adoptNode",
    code: `var doc = new DOMParser().parseFromString('<iframe src="' + u(TRACKERS.youtube, tag) + '"></iframe><img src="' + u(TRACKERS.flickr, tag) + '">', "text/html");
      var frame = doc.body.firstChild, img = doc.body.lastChild;
      root().append(document.adoptNode(frame)); root().append(img);`,
    released: ["/embed/e2e", "/e2e_b.jpg"],
  },
  {
    name: "detached-document-image",
    code: `var d = document.implementation.createHTMLDocument("");
      d.body.innerHTML = '<img src="' + u(TRACKERS.pixel, tag) + '">';
      var i = d.createElement("img"); i.src = u(TRACKERS.flickr, tag);
      root().append(d.body.firstChild, i);`,
    released: ["/tr?", "/e2e_b.jpg"],
  },
  {
    name: "ParentNode-ChildNode-methods",
    code: `var d = document.implementation.createHTMLDocument("");
      d.body.innerHTML = ["pixel", "collect", "flickr", "thumbnail", "pixel", "collect"].map(function (k, n) {
        var url = TRACKERS[k] + (TRACKERS[k].indexOf("?") < 0 ? "?" : "&") + "n=" + n;
        return '<img src="' + u(url, tag) + '">'; }).join("");
      var imgs = Array.prototype.slice.call(d.body.children);
      var box = document.createElement("div"), mid = document.createElement("span"), old = document.createElement("i");
      root().append(box); box.append(mid, old);
      box.prepend(imgs[0]); mid.before(imgs[1]); mid.after(imgs[2]); old.replaceWith(imgs[3]);
      box.insertAdjacentElement("beforeend", imgs[4]); box.replaceChild(imgs[5], mid);`,
    released: [0, 1, 2, 3, 4, 5].map((n) => `n=${n}&`),
  },
  {
    // Scripts made in documents without a window (createHTMLDocument, DOMParser, a template's
    // content), protocol-relative URLs among them (a windowless document's base is about:blank,
    // so they only become URLs in the page), moved into the page before a choice.
    name: "windowless-document-scripts",
    code: `var html = document.implementation.createHTMLDocument(""), t = document.createElement("template");
      var a = html.createElement("script"); a.src = u(TRACKERS.gtag, tag);
      var b = html.createElement("script"); b.setAttribute("src", u("//connect.facebook.net/en_US/fbevents.js", tag));
      var c = new DOMParser().parseFromString("<p></p>", "text/html").createElement("script"); c.src = u(TRACKERS.twitter, tag);
      var d = t.content.ownerDocument.createElement("script"); d.src = u("//www.googletagmanager.com/gtag/js?id=G-T", tag); t.content.append(d);
      var i = html.createElement("img"); i.src = u("//live.staticflickr.com/65535/e2e_b.jpg", tag);
      root().append(a, b, c, document.importNode(t.content, true), i);`,
    released: ["/gtag/js?id=G-E2E", "/fbevents.js", "/widgets.js", "id=G-T&", "/e2e_b.jpg"],
    order: ["/gtag/js?id=G-E2E", "/fbevents.js", "/widgets.js", "id=G-T&"],
  },
  {
    // Made (and held) in windowless documents before a choice, moved into the page only once
    // the choice is made: they run then, once each, in the order they were inserted. Made after
    // the choice, they run as the page asks.
    name: "windowless-scripts-moved-after-choice",
    code: `var html = document.implementation.createHTMLDocument("");
      var a = html.createElement("script"); a.src = u(TRACKERS.gtag, tag);
      var b = html.createElement("script"); b.setAttribute("src", u("//connect.facebook.net/en_US/fbevents.js", tag));
      var c = new DOMParser().parseFromString("", "text/html").createElement("script"); c.src = u(TRACKERS.twitter, tag);
      if (tag === "after") return root().append(a, b, c);
      var off = assent.on("change", function () { off(); root().append(a, b, c); });`,
    released: ["/gtag/js", "/fbevents.js", "/widgets.js"],
    order: ["/gtag/js", "/fbevents.js", "/widgets.js"],
    after: ["/gtag/js", "/fbevents.js", "/widgets.js"],
  },
  {
    // A script with its own type (`text/javascript`, a module's) runs with it once released.
    name: "typed-script",
    code: `var s = document.createElement("script"); s.type = "text/javascript"; s.src = u(TRACKERS.gtag, tag); root().append(s);
      var n = document.createElement("script"); n.src = u(TRACKERS.fbevents, tag); root().append(n);`,
    released: ["/gtag/js", "/fbevents.js"],
    order: ["/gtag/js", "/fbevents.js"],
  },
  {
    name: "attribute-nodes",
    code: `var i = document.createElement("img"); var a = document.createAttribute("src");
      a.value = u(TRACKERS.pixel, tag); i.setAttributeNode(a); root().append(i);
      var j = document.createElement("img"); j.setAttribute("alt", ""); root().append(j);
      j.setAttribute("src", "/favicon.ico"); j.getAttributeNode("src").value = u(TRACKERS.collect, tag);`,
    released: ["/tr?", "/g/collect"],
  },
  {
    name: "other-frame-elements",
    code: `var f = document.createElement("iframe"); root().append(f);
      var s = f.contentDocument.createElement("script"); s.src = u(TRACKERS.gtag, tag); root().append(s);
      var i = f.contentDocument.createElement("img"); i.src = u(TRACKERS.pixel, tag); f.contentDocument.body.append(i);`,
    released: ["/gtag/js", "/tr?"],
  },
  {
    name: "srcdoc-frame",
    code: `var f = document.createElement("iframe");
      f.srcdoc = '<script src="' + u(TRACKERS.gtag, tag) + '"><\\/script><img src="' + u(TRACKERS.pixel, tag) + '">' +
        '<script>var s = document.createElement("script"); s.src = "' + u(TRACKERS.fbevents, tag) + '"; document.head.appendChild(s);<\\/script>';
      root().append(f);`,
    released: ["/gtag/js", "/tr?", "/fbevents.js"],
  },
  {
    // A frame's own navigation (its script, a link in it). One started by another document,
    // `frame.contentWindow.location.replace(url)`, is not seen (see the SDK's README).
    name: "frame-navigation",
    code: `var f = document.createElement("iframe");
      f.srcdoc = '<p>frame</p><script>location.href = "' + u(TRACKERS.youtube, tag) + '";<\\/script>';
      root().append(f);`,
    released: ["/embed/e2e"],
  },
  {
    // Navigated by the page, once the frame has a document of its own (a `srcdoc`): through its
    // Location, a link targeting it, and `window.open(url, name)`. A frame still on its initial
    // about:blank gets no navigate event (see the SDK's README).
    name: "frame-navigated-by-page",
    code: `["replace", "href", "assign", "link", "open"].forEach(function (how) {
        var f = document.createElement("iframe"); f.name = "f-" + how + "-" + tag; f.srcdoc = "<p>frame</p>";
        f.onload = function () {
          f.onload = null;
          var url = u(TRACKERS.youtube + "?k=" + how, tag), w = f.contentWindow;
          if (how === "replace") w.location.replace(url);
          else if (how === "href") w.location.href = url;
          else if (how === "assign") w.location.assign(url);
          else if (how === "open") open(url, f.name);
          else { var a = document.createElement("a"); a.href = url; a.target = f.name; root().append(a); a.click(); }
          window.__navigated = (window.__navigated || 0) + 1;
        };
        root().append(f);
      });`,
    released: ["replace", "href", "assign", "link", "open"].map((how) => `k=${how}&`),
    slow: true,
    check: (page) => windowIs(page, "__navigated", 15),
  },
  {
    // A frame still on its initial about:blank, navigated by its name: `window.open(url, name)`
    // is held whatever the frame's document. (Its Location is not seen: that document has no
    // navigate event; see the SDK's README.)
    name: "blank-frame-opened-by-name",
    code: `var f = document.createElement("iframe"); f.name = "blank-" + tag; root().append(f);
      open(u(TRACKERS.youtube, tag), f.name);`,
    released: ["/embed/e2e"],
  },
  {
    // Links targeting a frame still on its initial about:blank, clicked by script: one in the
    // page, one never inserted (it navigates all the same), one through the page's
    // `<base target>`; and one in the page's source, clicked by the visitor.
    name: "blank-frame-link-clicked",
    code: `["in", "out", "base"].forEach(function (how) {
        var f = document.createElement("iframe"); f.name = "link-" + how + "-" + tag; root().append(f);
        var a = document.createElement("a"); a.href = u(TRACKERS.youtube + "?k=" + how, tag);
        if (how === "base") document.querySelector("base").target = f.name; else a.target = f.name;
        if (how !== "out") root().append(a);
        a.click();
      });`,
    head: `<base target="_self">`,
    body: `<iframe name="visitor"></iframe>
<a id="visit" target="visitor" href="${TRACKERS.youtube}?k=visitor&t={{.Req.URL.Query.Get "t"}}-click">visit</a>`,
    released: ["in", "out", "base"].map((how) => `k=${how}&`),
    check: async (page) => {
      await page.click("#visit");
      await expect(page.locator('iframe[name="visitor"]')).toHaveAttribute("data-src", /k=visitor/);
    },
  },
  {
    // Forms (GET: the form's data is the URL's query) targeting a frame still on its initial
    // about:blank: `form.submit()`, which fires no submit event, `requestSubmit(button)` with
    // the button's own `formtarget` and `formaction`, and one in the page's source, sent by the
    // visitor.
    name: "blank-frame-form-submitted",
    code: `["submit", "request"].forEach(function (how) {
        var f = document.createElement("iframe"); f.name = "form-" + how + "-" + tag; root().append(f);
        var form = document.createElement("form"), b = document.createElement("button");
        form.innerHTML = '<input name="k" value="' + how + '"><input name="t" value="' + T + "-" + tag + '">';
        form.append(b); root().append(form);
        if (how === "submit") { form.action = TRACKERS.youtube; form.target = f.name; form.submit(); }
        else { form.action = "/e2e/none"; b.formAction = TRACKERS.youtube; b.formTarget = f.name; form.requestSubmit(b); }
      });`,
    body: `<iframe name="visitor"></iframe>
<form action="${TRACKERS.youtube}" target="visitor">
  <input name="k" value="visitor"><input name="t" value="{{.Req.URL.Query.Get "t"}}-click"><button id="send">Send</button>
</form>`,
    released: ["submit", "request"].map((how) => `k=${how}&`),
    check: async (page) => {
      await page.click("#send");
      await expect(page.locator('iframe[name="visitor"]')).toHaveAttribute("data-src", /k=visitor/);
    },
  },
  {
    name: "link-hints",
    code: `[["prefetch", TRACKERS.gtag], ["stylesheet", "https://www.googletagmanager.com/e2e.css"],
        ["preload", TRACKERS.fbevents], ["preconnect", "https://connect.facebook.net/"], ["dns-prefetch", "https://www.youtube.com/"]]
        .forEach(function (hint) { var l = document.createElement("link"); l.rel = hint[0];
          if (hint[0] === "preload") l.as = "script"; l.href = u(hint[1], tag); document.head.append(l); });`,
    released: ["/gtag/js", "/e2e.css", "/fbevents.js"],
    after: ["/gtag/js", "/e2e.css", "/fbevents.js"],
    check: async (page) => {
      const hrefs = await page.evaluate(() =>
        [...document.querySelectorAll('link[rel="preconnect"],link[rel="dns-prefetch"]')].map((l) =>
          l.getAttribute("href"),
        ),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.every((h) => h === null)).toBe(true);
    },
  },
  {
    name: "object-embed-poster-media",
    // Appended where they are rendered (in <head> an object or embed loads nothing at all).
    code: `function root() { return document.body || document.documentElement; }
      var o = document.createElement("object"); o.data = u(TRACKERS.youtube + "?k=o", tag); root().append(o);
      var e = document.createElement("embed"); e.src = u(TRACKERS.youtube + "?k=e", tag); root().append(e);
      var v = document.createElement("video"); v.poster = u(TRACKERS.thumbnail, tag); v.src = u(TRACKERS.video, tag); root().append(v);`,
    released: ["k=o&", "k=e&", "/hqdefault.jpg", "/e2e.mp4"],
  },
  {
    // Dropped before a choice, each as the browser reports a request it did not make.
    name: "xhr-websocket-and-eventsource",
    code: `var x = new XMLHttpRequest(); x.open("POST", u(TRACKERS.collect, tag));
      x.onerror = function () { if (x.readyState === 4 && x.status === 0) window.__failed = (window.__failed || 0) + 1; };
      x.send("en=page_view");
      try { new WebSocket(u(TRACKERS.socket, tag)); } catch (e) { if (e.name === "SecurityError") window.__failed = (window.__failed || 0) + 1; }
      try { new EventSource(u(TRACKERS.pixel, tag)); } catch (e) { if (e.name === "SecurityError") window.__failed = (window.__failed || 0) + 1; }`,
    released: [],
    check: (page) => windowIs(page, "__failed", 9),
    after: ["/g/collect", "/client/ws", "/tr?"],
  },
  {
    name: "svg-image",
    code: `function root() { return document.body || document.documentElement; }
      var NS = "http://www.w3.org/2000/svg", svg = document.createElementNS(NS, "svg"); root().append(svg);
      function image() { var i = document.createElementNS(NS, "image"); svg.append(i); return i; }
      function url(k) { return u(TRACKERS.flickr + "?k=" + k, tag); }
      image().setAttribute("href", url("a"));
      image().setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", url("b"));
      image().href.baseVal = url("c");
      var d = document.createElement("div"); root().append(d);
      d.innerHTML = '<svg><image href="' + url("d") + '"></image><image xlink:href="' + url("e") + '"></image></svg>';`,
    released: ["a", "b", "c", "d", "e"].map((k) => `k=${k}&`),
  },
  {
    name: "beacon-and-fetch",
    code: `navigator.sendBeacon(u(TRACKERS.collect, tag));
      fetch(u(TRACKERS.pixel, tag), { mode: "no-cors" }).catch(function () {});`,
    released: [],
    after: ["/g/collect", "/tr?"],
  },
];

const TAGS = ["parse", "ready", "load"];

/** How many requests the stub got for each of a run's URLs: `"TAG URL-PART": count`. */
async function loads(token: string, tags: string[], parts: string[]) {
  const requests = await stubRequests(token);
  return Object.fromEntries(
    tags.flatMap((tag) =>
      parts.map((part) => [
        `${tag} ${part}`,
        requests.filter((r) => r.url.includes(`t=${token}-${tag}`) && r.url.includes(part)).length,
      ]),
    ),
  );
}

/**
 * Waits until the page's `window[name]` is `value`, checked by the page itself every 10 ms within
 * one evaluation: the condition `page.waitForFunction` would wait on, without installing
 * Playwright's injected script in each view's fresh document (60 ms or more a view, and seconds
 * on a busy machine, over the 21 views of each case).
 */
const windowIs = (page: Page, name: string, value: unknown) =>
  page.evaluate(
    ([name, value]) =>
      new Promise<void>((resolve) => {
        const w = window as unknown as Record<string, unknown>;
        const check = () => (w[name] === value ? resolve() : setTimeout(check, 10));
        check();
      }),
    [name, value] as const,
  );

const done = (page: Page) => windowIs(page, "__done", true);

for (const c of CASES)
  test(`auto-blocking holds ${c.name} in ${VIEWS} page views, and releases it once allowed`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    if (c.slow) test.slow();
    const url = await autoblockPage(c.name, c.code, c);
    const token = `${c.name}-${randomBytes(4).toString("hex")}`;
    for (let view = 0; view < VIEWS; view++) {
      await page.goto(url(`${token}v${view}`));
      await done(page);
      expect(
        await page.evaluate(() => (window as { __stubRan?: unknown }).__stubRan),
      ).toBeUndefined();
      await c.check?.(page);
    }
    await page.waitForTimeout(300);
    expect(await stubRequests(token)).toEqual([]);

    const chosen = `${token}x`;
    await page.goto(url(chosen));
    await done(page);
    await page.waitForTimeout(200);
    expect(await stubRequests(chosen)).toEqual([]);
    await page.evaluate(() => (window as { assent?: { acceptAll(): void } }).assent?.acceptAll());
    const tags = c.parseOnly ? ["parse"] : TAGS;
    const once = (parts: string[], on: string[]) =>
      Object.fromEntries(on.flatMap((tag) => parts.map((part) => [`${tag} ${part}`, 1])));
    await expect.poll(() => loads(chosen, tags, c.released)).toEqual(once(c.released, tags));
    if (c.after) {
      await page.evaluate(() => (window as unknown as { run(tag: string): void }).run("after"));
      await expect
        .poll(() => loads(chosen, ["after"], c.after ?? []))
        .toEqual(once(c.after, ["after"]));
    }
    if (c.order) {
      const ran: string[] = await page.evaluate(
        () => (window as { __stubRan?: string[] }).__stubRan ?? [],
      );
      for (const tag of tags) {
        const mine = ran.filter((url) => url.includes(`t=${chosen}-${tag}`));
        expect(mine.map((url) => c.order?.findIndex((part) => url.includes(part)))).toEqual(
          c.order.map((_, i) => i),
        );
      }
    }
    // Exactly once: nothing loads a second time.
    await page.waitForTimeout(500);
    expect(await loads(chosen, tags, c.released)).toEqual(once(c.released, tags));
    if (c.never) {
      const none = Object.fromEntries(
        [...tags, "after"].flatMap((tag) => (c.never ?? []).map((part) => [`${tag} ${part}`, 0])),
      );
      expect(await loads(chosen, [...tags, "after"], c.never)).toEqual(none);
    }
  });
