import {
  allowsElement,
  CATALOGUE_HOSTS,
  DEFAULT_CATEGORIES,
  type Decision,
  decide,
} from "@assent/core";
import { describe, expect, it, vi } from "vitest";
import { autoblock } from "./autoblock";

let decision: Decision | null = null;
const inserted = vi.fn();
autoblock(CATALOGUE_HOSTS, (c, s) => allowsElement(decision, c, s), inserted);
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("autoblock", () => {
  it("stops a script from a known host before it is inserted, whether src is a property or an attribute", () => {
    const byProperty = document.createElement("script");
    byProperty.src = "https://www.googletagmanager.com/gtag/js?id=G-1";
    expect(byProperty.getAttribute("src")).toBeNull();
    expect(byProperty.type).toBe("text/plain");
    expect(byProperty.dataset).toMatchObject({
      src: "https://www.googletagmanager.com/gtag/js?id=G-1",
      category: "analytics",
      service: "google-analytics",
    });
    const byAttribute = document.createElement("script");
    byAttribute.setAttribute("src", "https://connect.facebook.net/en_US/fbevents.js");
    expect(byAttribute.getAttribute("src")).toBeNull();
    expect(byAttribute.dataset.service).toBe("meta-pixel");
  });

  it("lets through first-party scripts, unknown hosts and allowed services", () => {
    for (const url of ["/app.js", "https://cdn.example.org/lib.js"]) {
      const script = document.createElement("script");
      script.src = url;
      expect(script.getAttribute("src")).toBe(url);
    }
    decision = decide(
      { categories: [...DEFAULT_CATEGORIES], services: [] },
      { categories: { analytics: true } },
    );
    const script = document.createElement("script");
    script.src = "https://www.googletagmanager.com/gtag/js?id=G-1";
    expect(script.getAttribute("src")).toBe("https://www.googletagmanager.com/gtag/js?id=G-1");
    decision = null;
  });

  it("takes the src off iframes inserted by innerHTML and reports them", async () => {
    document.body.innerHTML = `<div id="box"></div>`;
    (document.getElementById("box") as HTMLElement).innerHTML =
      `<iframe src="https://player.vimeo.com/video/1" width="640" height="360"></iframe>`;
    await tick();
    const frame = document.querySelector("iframe") as HTMLIFrameElement;
    expect(frame.getAttribute("src")).toBeNull();
    expect(frame.dataset).toMatchObject({
      src: "https://player.vimeo.com/video/1",
      service: "vimeo",
    });
    expect(inserted).toHaveBeenCalled();
  });
});
