import {
  allowsElement,
  completeService,
  DEFAULT_CATEGORIES,
  decide,
  pageServices,
} from "@assent/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { EMBED_TEXTS, placehold } from "./embed-placeholder";
import { type EmbedGate, gateEmbeds, loadEmbed } from "./gate-embeds";
import { ran } from "./gate-scripts";

const listed = [completeService({ id: "youtube", category: "embeds" })];
const services = pageServices(listed);
const scope = { categories: [...DEFAULT_CATEGORIES], services: listed };

function gate(choice: Parameters<typeof decide>[1], always = vi.fn()): EmbedGate {
  const decision = decide(scope, choice);
  const g: EmbedGate = {
    allows: (c, s) => allowsElement(decision, c, s),
    services,
    text: (key) => EMBED_TEXTS[key],
    alwaysAllow: (id) => (listed.some((s) => s.id === id) ? always : undefined),
    placehold: (frame, service) => placehold(frame, g, service),
  };
  return g;
}

beforeEach(() => {
  document.body.innerHTML = `
    <iframe data-src="https://www.youtube.com/embed/x" data-category="embeds" data-service="youtube" width="560" height="315" id="yt"></iframe>
    <iframe data-src="https://www.flickr.com/photos/x/player" data-category="embeds" data-service="flickr" id="fl"></iframe>`;
});

describe("gateEmbeds", () => {
  it("shows a placeholder naming the service, its purpose and policy, and loads nothing", () => {
    gateEmbeds(gate({}));
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.getAttribute("src")).toBeNull();
    expect(frame.srcdoc).toContain("<b>YouTube</b>");
    expect(frame.srcdoc).toContain("Plays videos from YouTube");
    expect(frame.srcdoc).toContain('href="https://policies.google.com/privacy"');
    expect(frame.srcdoc).toContain("<button>Load this once</button>");
    expect(frame.srcdoc).toContain("<button>Always allow YouTube</button>");
    expect(frame.srcdoc).not.toMatch(/ytimg|youtube\.com\/(vi|embed)/);
  });

  it("offers only 'Load this once' for a service the site does not list", () => {
    gateEmbeds(gate({}));
    const flickr = (document.getElementById("fl") as HTMLIFrameElement).srcdoc;
    expect(flickr).toContain("<b>www.flickr.com</b>");
    expect(flickr).not.toContain("Always allow");
  });

  it("loads an allowed embed from its privacy-friendlier address", () => {
    gateEmbeds(gate({ services: { youtube: true } }));
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(frame.hasAttribute("srcdoc")).toBe(false);
    expect(frame.hasAttribute("data-src")).toBe(false);
    expect(document.getElementById("fl")?.getAttribute("src")).toBeNull();
  });

  it("puts an embed that was allowed back behind its placeholder once it is withdrawn", () => {
    gateEmbeds(gate({ services: { youtube: true } }));
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(ran).toContain("youtube");
    gateEmbeds(gate({}));
    expect(frame.getAttribute("src")).toBeNull();
    expect(frame.getAttribute("data-src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(frame.srcdoc).toContain("<button>Load this once</button>");
    gateEmbeds(gate({ services: { youtube: true } }));
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
  });

  it("keeps an embed loaded once for this page view, whatever is chosen next", () => {
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    loadEmbed(
      frame,
      services.find((s) => s.id === "youtube"),
    );
    gateEmbeds(gate({ categories: { analytics: true } }));
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(frame.hasAttribute("data-src")).toBe(false);
  });

  it("escapes what it writes into the placeholder", () => {
    document.body.innerHTML = `<iframe data-src="https://x.test/" data-service="evil" id="x"></iframe>`;
    const evil = completeService({
      id: "evil",
      category: "embeds",
      name: '<img src=x onerror="1">',
    });
    gateEmbeds({ ...gate({}), services: [evil] });
    const srcdoc = (document.getElementById("x") as HTMLIFrameElement).srcdoc;
    expect(srcdoc).toContain("&#60;img src=x onerror=&#34;1&#34;>");
    expect(srcdoc).not.toContain("<img");
  });
});
