import { allowsElement, DEFAULT_CATEGORIES, decide } from "@assent/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { activateScripts, ran } from "./gate-scripts";

const scope = {
  categories: [...DEFAULT_CATEGORIES],
  services: [
    { id: "google-analytics", category: "analytics" },
    { id: "youtube", category: "embeds" },
  ],
};
const allowing = (choice: Parameters<typeof decide>[1]) => {
  const decision = decide(scope, choice);
  return (c: string | null, s: string | null) => allowsElement(decision, c, s);
};

beforeEach(() => {
  (window as unknown as { order: string[] }).order = [];
  document.body.innerHTML = `
    <script type="text/plain" data-category="analytics" id="a1">window.order.push("a1")</script>
    <script type="text/plain" data-category="marketing" id="m1">window.order.push("m1")</script>
    <script type="text/plain" data-service="google-analytics" data-type="module" nonce="abc" id="ga">window.order.push("ga")</script>
    <script type="text/plain" id="unmarked">window.order.push("unmarked")</script>
    <img data-src="/pixel.gif" data-category="analytics" id="img" alt="">
    <link data-href="/tracker.css" data-category="marketing" rel="stylesheet" id="css">`;
});

describe("activateScripts", () => {
  it("activates allowed scripts only, keeping attributes and the nonce", async () => {
    await activateScripts(allowing({ categories: { analytics: true } }));
    const a1 = document.getElementById("a1") as HTMLScriptElement;
    expect(a1.getAttribute("type")).toBeNull();
    expect(a1.text).toBe('window.order.push("a1")');
    expect(a1.getAttribute("data-category")).toBe("analytics");
    const ga = document.getElementById("ga") as HTMLScriptElement;
    expect(ga.type).toBe("module");
    expect(ga.nonce || ga.getAttribute("nonce")).toBe("abc");
    expect(document.getElementById("m1")?.getAttribute("type")).toBe("text/plain");
    expect(document.getElementById("unmarked")?.getAttribute("type")).toBe("text/plain");
    expect(ran.map((el) => el.getAttribute("data-service"))).toContain("google-analytics");
  });

  it("runs each script in a task of its own, in document order, leaving the current task first", async () => {
    const gated = (id: string) =>
      document.getElementById(id)?.getAttribute("type") === "text/plain";
    const done = activateScripts(allowing({ categories: { analytics: true } }));
    // What the caller's task does next (a click handler closing the banner) comes first, and
    // its microtasks too: no gated script runs in the task that allowed it.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect([gated("a1"), gated("ga")]).toEqual([true, true]);
    // A task later, the first has run, and not yet the next.
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    expect([gated("a1"), gated("ga")]).toEqual([false, true]);
    await done;
    expect([gated("a1"), gated("ga"), gated("m1")]).toEqual([false, false, true]);
  });

  it("never activates the same script twice", async () => {
    const allows = allowing({ categories: { analytics: true } });
    await activateScripts(allows);
    const first = document.getElementById("a1");
    await activateScripts(allows);
    expect(document.getElementById("a1")).toBe(first);
    expect(document.querySelectorAll("#a1")).toHaveLength(1);
  });

  it("leaves everything inert without a decision", async () => {
    await activateScripts((c, s) => allowsElement(null, c, s));
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(4);
    expect(document.getElementById("img")?.getAttribute("src")).toBeNull();
  });

  it("goes on past a script the page refuses (Trusted Types), now and on every later call", async () => {
    // A Trusted Types page without a default policy refuses a script URL given as a string.
    const src = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, "src");
    Object.defineProperty(HTMLScriptElement.prototype, "src", {
      ...src,
      set() {
        throw new TypeError("This document requires 'TrustedScriptURL' assignment.");
      },
    });
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      document.body.innerHTML = `
        <script type="text/plain" data-category="analytics" data-src="/gtag.js" id="tag"></script>
        <img data-src="/pixel.gif" data-category="analytics" id="img" alt="">`;
      const allows = allowing({ categories: { analytics: true } });
      await activateScripts(allows);
      expect(reported).toHaveBeenCalledOnce();
      expect(reported.mock.calls[0]?.[1]).toBeInstanceOf(TypeError);
      expect(document.getElementById("img")?.getAttribute("src")).toBe("/pixel.gif");
      // Not run, so not counted as run (no reload on a withdrawal for it).
      expect(ran).not.toContain(document.getElementById("tag"));
      // What a single-page app adds later is still released (`apply()`).
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img data-src="/later.gif" data-category="analytics" id="later" alt="">`,
      );
      await activateScripts(allows);
      expect(document.getElementById("later")?.getAttribute("src")).toBe("/later.gif");
    } finally {
      Object.defineProperty(HTMLScriptElement.prototype, "src", src as PropertyDescriptor);
      reported.mockRestore();
    }
  });

  it("gates marked images and stylesheets the same way", async () => {
    await activateScripts(allowing({ categories: { analytics: true } }));
    expect(document.getElementById("img")?.getAttribute("src")).toBe("/pixel.gif");
    expect(document.getElementById("img")?.hasAttribute("data-src")).toBe(false);
    expect(document.getElementById("css")?.getAttribute("href")).toBeNull();
    await activateScripts(allowing({ categories: { marketing: true } }));
    expect(document.getElementById("css")?.getAttribute("href")).toBe("/tracker.css");
  });
});
