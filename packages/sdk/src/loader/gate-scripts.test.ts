import { allowsElement, DEFAULT_CATEGORIES, decide } from "@assent/core";
import { beforeEach, describe, expect, it } from "vitest";
import { activateEmbeds } from "./gate-embeds";
import { activateScripts } from "./gate-scripts";

const scope = {
  categories: [...DEFAULT_CATEGORIES],
  services: [
    { id: "google-analytics", category: "analytics" },
    { id: "youtube", category: "embeds" },
  ],
};

beforeEach(() => {
  document.body.innerHTML = `
    <script type="text/plain" data-category="analytics" id="a1">window.order.push("a1")</script>
    <script type="text/plain" data-category="marketing" id="m1">window.order.push("m1")</script>
    <script type="text/plain" data-service="google-analytics" data-type="module" nonce="abc" id="ga">window.order.push("ga")</script>
    <script type="text/plain" id="unmarked">window.order.push("unmarked")</script>
    <iframe data-src="https://www.youtube-nocookie.com/embed/x" data-category="embeds" data-service="youtube" id="yt"></iframe>`;
});

describe("activateScripts", () => {
  it("activates allowed scripts only, keeping attributes and the nonce", async () => {
    const decision = decide(scope, { categories: { analytics: true } });
    await activateScripts((c, s) => allowsElement(decision, c, s));
    const a1 = document.getElementById("a1") as HTMLScriptElement;
    expect(a1.getAttribute("type")).toBeNull();
    expect(a1.text).toBe('window.order.push("a1")');
    expect(a1.getAttribute("data-category")).toBe("analytics");
    const ga = document.getElementById("ga") as HTMLScriptElement;
    expect(ga.type).toBe("module");
    expect(ga.nonce || ga.getAttribute("nonce")).toBe("abc");
    expect(document.getElementById("m1")?.getAttribute("type")).toBe("text/plain");
    expect(document.getElementById("unmarked")?.getAttribute("type")).toBe("text/plain");
  });

  it("never activates the same script twice", async () => {
    const decision = decide(scope, { categories: { analytics: true } });
    const allows = (c: string | null, s: string | null) => allowsElement(decision, c, s);
    await activateScripts(allows);
    const first = document.getElementById("a1");
    await activateScripts(allows);
    expect(document.getElementById("a1")).toBe(first);
    expect(document.querySelectorAll("#a1")).toHaveLength(1);
  });

  it("leaves everything inert without a decision", async () => {
    await activateScripts((c, s) => allowsElement(null, c, s));
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(4);
  });
});

describe("activateEmbeds", () => {
  it("gives an iframe its src only once its service is allowed", () => {
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    activateEmbeds((c, s) => allowsElement(decide(scope, {}), c, s));
    expect(frame.getAttribute("src")).toBeNull();
    activateEmbeds((c, s) => allowsElement(decide(scope, { services: { youtube: true } }), c, s));
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
  });
});
