import {
  allowsElement,
  completeService,
  DEFAULT_CATEGORIES,
  decide,
  defaultSiteConfig,
  pageServices,
} from "@assent/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { publishedConfig } from "../transport/published-config";
import { type PlaceholderHost, placehold } from "./embed-placeholder";
import { type EmbedGate, gateEmbeds, holdWithdrawn, loadOnce } from "./gate-embeds";
import { ran } from "./gate-scripts";

const listed = [completeService({ id: "youtube", category: "embeds" })];
const services = pageServices(listed);
const scope = { categories: [...DEFAULT_CATEGORIES], services: listed };

/** The published config the placeholders fetch (the inlined one has no descriptions). */
const published = { ...defaultSiteConfig("demo"), services: listed };
const inlined = { ...published, services: [{ id: "youtube", category: "embeds" }] };

/** Lets the placeholder module fetch the services' descriptions and fill the frames. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The page's session as the placeholders read it: the config, the language, the decision. */
const host = (choose = vi.fn()): PlaceholderHost => ({
  api: "https://consent.example.org",
  config: inlined,
  configHash: "h1",
  language: "en",
  current: null,
  before: null,
  choose,
});

function gate(choice: Parameters<typeof decide>[1], on = host()): EmbedGate {
  const decision = decide(scope, choice);
  return {
    allows: (c, s) => allowsElement(decision, c, s),
    services,
    placehold: (frame, service) => placehold(frame, on, service),
  };
}

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ version: 1, hash: "h1", config: published })),
  );
  document.body.innerHTML = `
    <iframe data-src="https://www.youtube.com/embed/x" data-category="embeds" data-service="youtube" width="560" height="315" id="yt"></iframe>
    <iframe data-src="https://www.flickr.com/photos/x/player" data-category="embeds" data-service="flickr" id="fl"></iframe>`;
});

describe("gateEmbeds", () => {
  it("shows a placeholder naming the service, its purpose and policy, and loads nothing", async () => {
    gateEmbeds(gate({}));
    await settle();
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.getAttribute("src")).toBeNull();
    expect(frame.srcdoc).toContain("<b>YouTube</b>");
    expect(frame.srcdoc).toContain("Plays videos from YouTube");
    expect(frame.srcdoc).toContain('href="https://policies.google.com/privacy"');
    expect(frame.srcdoc).toContain("<button>Load this once</button>");
    expect(frame.srcdoc).toContain("<button>Always allow YouTube</button>");
    expect(frame.srcdoc).not.toMatch(/ytimg|youtube\.com\/(vi|embed)/);
  });

  it("speaks the page's language, right to left where it is written so", async () => {
    gateEmbeds(gate({}, { ...host(), language: "ar" }));
    await settle();
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.srcdoc).toContain('<body lang="ar" dir="rtl"');
    expect(frame.srcdoc).toContain("<button>التحميل هذه المرة فقط</button>");
    expect(frame.srcdoc).toContain("<button>السماح دائمًا بـ YouTube</button>");
  });

  it("offers only 'Load this once' for a service the site does not list", async () => {
    gateEmbeds(gate({}));
    await settle();
    const flickr = (document.getElementById("fl") as HTMLIFrameElement).srcdoc;
    expect(flickr).toContain("<b>www.flickr.com</b>");
    expect(flickr).not.toContain("Always allow");
  });

  it("loads an allowed embed from its privacy-friendlier address", async () => {
    gateEmbeds(gate({ services: { youtube: true } }));
    await settle();
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(frame.hasAttribute("srcdoc")).toBe(false);
    expect(frame.hasAttribute("data-src")).toBe(false);
    expect(document.getElementById("fl")?.getAttribute("src")).toBeNull();
  });

  it("puts an embed that was allowed back behind its placeholder once it is withdrawn", async () => {
    gateEmbeds(gate({ services: { youtube: true } }));
    await settle();
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(ran).toContain(frame);
    const withdrawn = gate({});
    holdWithdrawn(withdrawn.allows);
    gateEmbeds(withdrawn);
    await settle();
    expect(frame.getAttribute("src")).toBeNull();
    expect(frame.getAttribute("data-src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(frame.srcdoc).toContain("<button>Load this once</button>");
    gateEmbeds(gate({ services: { youtube: true } }));
    await settle();
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
  });

  it("keeps an embed loaded once for this page view, whatever is chosen next", async () => {
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    loadOnce(
      frame,
      services.find((s) => s.id === "youtube"),
    );
    gateEmbeds(gate({ categories: { analytics: true } }));
    await settle();
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/x");
    expect(frame.hasAttribute("data-src")).toBe(false);
  });

  it("records 'Always allow' as the visitor's choice, and speaks the site's own words", async () => {
    const choose = vi.fn(async () => {});
    const french = {
      ...host(choose),
      language: "fr",
      config: {
        ...inlined,
        texts: { fr: { "embed.alwaysAllow": "Autoriser {service} à chaque visite" } },
      },
    };
    gateEmbeds(gate({}, french));
    await settle();
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.srcdoc).toContain("<button>Autoriser YouTube à chaque visite</button>");
    // What the site did not word itself is in French too, not English.
    expect(frame.srcdoc).toContain("<button>Charger cette fois seulement</button>");
    frame.onload?.(new Event("load"));
    const [, always] = frame.contentDocument?.querySelectorAll("button") ?? [];
    always?.click();
    expect(choose).toHaveBeenCalledWith("custom", {
      categories: {},
      services: { youtube: true },
    });
  });

  it("fetches the published config once per page, whoever shows it first", async () => {
    const shared = host();
    gateEmbeds(gate({}, shared));
    await settle();
    await publishedConfig(shared);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("styles the placeholder without a style attribute, which a strict CSP refuses", async () => {
    gateEmbeds(gate({}));
    await settle();
    const frame = document.getElementById("yt") as HTMLIFrameElement;
    expect(frame.srcdoc).not.toMatch(/style/i);
    frame.onload?.(new Event("load"));
    const body = frame.contentDocument?.body as HTMLElement;
    expect(body.style.background).toMatch(/#eee|rgb\(238, 238, 238\)/);
    expect(body.style.textAlign).toBe("center");
    expect(body.style.font).toContain("14px");
  });

  it("writes the placeholder through the Trusted Types policy named assent", async () => {
    const created: string[] = [];
    const written: string[] = [];
    vi.stubGlobal("trustedTypes", {
      createPolicy: (name: string, rules: { createHTML(html: string): string }) => {
        created.push(name);
        return {
          createHTML: (html: string) => {
            written.push(html);
            return rules.createHTML(html);
          },
        };
      },
    });
    // A module of its own: the policy is created once per page, on the first placeholder.
    vi.resetModules();
    const { placehold: fresh } = await import("./embed-placeholder");
    gateEmbeds({ ...gate({}), placehold: (frame, service) => fresh(frame, host(), service) });
    await settle();
    vi.unstubAllGlobals();
    expect(created).toEqual(["assent"]);
    expect(written).toHaveLength(2);
    expect(written[0]).toContain("<b>YouTube</b>");
    expect((document.getElementById("yt") as HTMLIFrameElement).srcdoc).toBe(written[0]);
  });

  it("escapes what it writes into the placeholder", async () => {
    document.body.innerHTML = `<iframe data-src="https://x.test/" data-service="evil" id="x"></iframe>`;
    const evil = completeService({
      id: "evil",
      category: "embeds",
      name: '<img src=x onerror="1">',
    });
    gateEmbeds({ ...gate({}), services: [evil] });
    await settle();
    const srcdoc = (document.getElementById("x") as HTMLIFrameElement).srcdoc;
    expect(srcdoc).toContain("&#60;img src=x onerror=&#34;1&#34;>");
    expect(srcdoc).not.toContain("<img");
  });
});
