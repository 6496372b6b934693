import {
  type Decision,
  decide,
  defaultSiteConfig,
  presetJurisdictions,
  type RuleModel,
  ruleTexts,
  type SiteConfig,
  selectRule,
  UI_DEFAULTS,
  visitorRule,
} from "@assent/core";
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UiHost } from "../contract";
import { mountFloatingButton } from "./floating-button";
import { mount } from "./index";
import { DICTIONARIES } from "./lang/dictionaries";
import en from "./lang/en";
import * as centre from "./preference-centre";
import { FIRST_LAYER_KEYS, NOTE_KEYS } from "./texts";

const config = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);

beforeEach(() => {
  // A top page, as a browser has it (happy-dom has no `frameElement`).
  vi.stubGlobal("frameElement", null);
  // The whole published config, services' descriptions included (`/v1/sites/demo/config`).
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ version: 1, hash: "h1", config })),
  );
});

/** Empties the page, the UI's host too (it is beside `<body>`, between it and `<head>`). */
function clearPage() {
  document.body.innerHTML = "";
  document.getElementById("assent-ui")?.remove();
}

afterEach(() => {
  clearPage();
  vi.unstubAllGlobals();
});

/** Mounts the UI with the language and the preference centre imported from source. */
function setup({
  last = null,
  reconsent = false,
  gpc = false,
  rule,
  site = config,
  language = "en",
  unreachable = "",
}: Partial<{ last: Decision | null; site: SiteConfig; unreachable: string }> &
  Partial<Pick<UiHost, "reconsent" | "gpc" | "rule" | "language">> = {}) {
  // The published config is fetched once per page and hash: each site has its own hash.
  const hash = site === config ? "h1" : `h-${site.siteKey}-${site.categories.length}`;
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ version: 1, hash, config: site })),
  );
  const host: UiHost = {
    config: site,
    configHash: hash,
    api: "https://consent.example.org",
    language,
    decision: () => last,
    holding: () => last ?? (rule?.before || null),
    rule,
    reconsent,
    consentId: () => "AbCdEfGhIjKlMnOpQrStUv",
    gpc,
    choose: vi.fn(async () => {}),
  };
  const imported: string[] = [];
  const load = async (url: string) => {
    imported.push(url.replace(/.*\//, ""));
    // A language chunk that cannot be fetched, as `import()` fails.
    if (unreachable && url.includes(`/lang/${unreachable}`))
      throw new TypeError("Failed to fetch dynamically imported module");
    // A rule's texts in a language (`lang/fr-uk-exemptions-test.js`), built from core's.
    const ruled = /\/lang\/(\w+)-(uk-exemptions|opt-out)-test\.js$/.exec(url);
    if (ruled) return { default: ruleTexts(ruled[1] as string, ruled[2] as RuleModel) };
    // As built: the first layer's texts, its notes, or every text (`-centre`).
    const [, code = "", part] = /\/lang\/(\w+)(?:-(centre|notes))?-test\.js$/.exec(url) ?? [];
    const all = DICTIONARIES[code] ?? en;
    const keys = part === "centre" ? Object.keys(all) : part ? NOTE_KEYS : FIRST_LAYER_KEYS;
    const texts = Object.fromEntries(keys.map((k) => [k, all[k as keyof typeof all]]));
    return url.includes("/lang/") ? { default: texts } : centre;
  };
  const ui = mount(host, load);
  const shadow = (document.getElementById("assent-ui") as HTMLElement).shadowRoot as ShadowRoot;
  const view = within(shadow as unknown as HTMLElement);
  return { host, ui, shadow, view, imported };
}

describe("mount", () => {
  it("shows the first layer without the preference centre, and Accept all records and closes", async () => {
    const { host, ui, view, shadow, imported } = setup();
    ui.open("banner");
    const accept = await view.findByRole("button", { name: "Accept all" });
    expect(imported).toEqual(["en-test.js"]);
    // Focus moves in once the dialog has been painted (after the first frame).
    const dialog = view.getByRole("dialog", { name: "Cookies on this site" });
    await waitFor(() => expect(shadow.activeElement).toBe(dialog));
    fireEvent.click(accept);
    expect(host.choose).toHaveBeenCalledWith("accept-all");
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
  });

  it("keeps the banner open when the choice cannot be recorded, and lets the visitor try again", async () => {
    const { host, ui, view } = setup();
    const failed = new TypeError("Failed to fetch dynamically imported module: choice-test.js");
    vi.mocked(host.choose).mockRejectedValueOnce(failed);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    ui.open("banner");
    fireEvent.click(await view.findByRole("button", { name: "Reject all" }));
    await waitFor(() => expect(logged).toHaveBeenCalledWith(failed));
    expect(view.getByRole("dialog")).toBeTruthy();
    fireEvent.click(view.getByRole("button", { name: "Reject all" }));
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
    expect(host.choose).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it("shows a config without the banner's looks as core's defaults: /s/KEY.js leaves them out", async () => {
    const { ui: _looks, ...inlined } = config;
    const { ui, view } = setup({ site: inlined as SiteConfig });
    ui.open("banner");
    await view.findByRole("button", { name: "Accept all" });
    const element = document.getElementById("assent-ui") as HTMLElement;
    expect(element.dataset).toMatchObject({
      theme: UI_DEFAULTS.theme,
      position: UI_DEFAULTS.position,
    });
    // Not the modal: the page behind stays reachable.
    expect(view.getByRole("dialog").getAttribute("aria-modal")).toBe("false");
  });

  it("is first in the page's order, between <head> and <body>, mounted while the page is parsed", async () => {
    const readyState = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    try {
      document.body.innerHTML = `<input id="search">`;
      const { ui, view, shadow } = setup();
      ui.open("banner");
      const dialog = await view.findByRole("dialog", { name: "Cookies on this site" });
      expect(document.head.nextElementSibling?.id).toBe("assent-ui");
      expect(document.body.previousElementSibling?.id).toBe("assent-ui");
      // A bar takes the focus only once the page is parsed: a field it autofocuses comes first.
      await new Promise((r) => setTimeout(r, 50));
      expect(shadow.activeElement).toBeNull();
      (document.getElementById("search") as HTMLInputElement).focus();
      readyState.mockReturnValue("interactive");
      document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
      expect(document.activeElement?.id).toBe("search");
      expect(dialog.isConnected).toBe(true);
    } finally {
      readyState.mockRestore();
    }
  });

  it("makes the page behind a modal inert, what the parser adds to it later too, and gives the page's own inert back", async () => {
    const modal = { ...config, ui: { ...config.ui, position: "modal" as const } };
    document.body.inert = false;
    const { ui, view } = setup({ site: modal });
    ui.open("banner");
    await view.findByRole("dialog", { name: "Cookies on this site" });
    const later = document.createElement("a");
    document.body.append(later);
    expect(later.closest("[inert]")).toBe(document.body);
    expect(document.getElementById("assent-ui")?.closest("[inert]")).toBeNull();
    fireEvent.click(view.getByRole("button", { name: "Reject all" }));
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
    expect(document.body.inert).toBe(false);
    // A page whose <body> was inert before keeps it so.
    clearPage();
    document.body.inert = true;
    const again = setup({ site: modal });
    again.ui.open("preferences");
    await again.view.findByRole("dialog", { name: "Privacy preferences" });
    fireEvent.click(again.view.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(again.view.queryByRole("dialog")).toBeNull());
    expect(document.body.inert).toBe(true);
    document.body.inert = false;
  });

  it("makes the page behind a modal shown before <body> inert once the page is parsed", async () => {
    const modal = { ...config, ui: { ...config.ui, position: "modal" as const } };
    const readyState = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    const body = document.body;
    // Only this test's UI hears the page parsed: earlier tests' mounts listen on this window too.
    const listen = vi.spyOn(globalThis, "addEventListener");
    const parsed = () => {
      document.documentElement.append(body);
      readyState.mockReturnValue("interactive");
      for (const [type, listener] of listen.mock.calls)
        if (type === "DOMContentLoaded") (listener as EventListener)(new Event(type));
    };
    try {
      // The loader in <head>: the banner shows while the parser has not reached <body>.
      body.remove();
      const { ui, view } = setup({ site: modal });
      ui.open("banner");
      await view.findByRole("dialog", { name: "Cookies on this site" });
      parsed();
      expect(document.body.inert).toBe(true);
      fireEvent.click(view.getByRole("button", { name: "Reject all" }));
      await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
      expect(document.body.inert).toBe(false);
      // Decided before the page is parsed: nothing covers it once it is.
      clearPage();
      body.remove();
      readyState.mockReturnValue("loading");
      listen.mockClear();
      const again = setup({ site: modal });
      again.ui.open("banner");
      fireEvent.click(await again.view.findByRole("button", { name: "Accept all" }));
      await waitFor(() => expect(again.view.queryByRole("dialog")).toBeNull());
      parsed();
      expect(document.body.inert).toBe(false);
    } finally {
      if (!body.isConnected) document.documentElement.append(body);
      document.body.inert = false;
      readyState.mockRestore();
      listen.mockRestore();
    }
  });

  it("shows no banner in a frame of a page of this origin that runs Assent, which asks", async () => {
    vi.stubGlobal("frameElement", document.createElement("iframe"));
    vi.stubGlobal("parent", { assent: { consentId: () => null } });
    const { ui, view } = setup();
    await ui.open("banner");
    expect(view.queryByRole("dialog")).toBeNull();
    // The preference centre still opens here, for the frame's own controls.
    await ui.open("preferences");
    expect(view.getByRole("dialog", { name: "Privacy preferences" })).toBeTruthy();
  });

  it("fetches the preference centre on intent, opens it on Manage, and goes back on Escape", async () => {
    const { host, ui, view, imported } = setup();
    ui.open("banner");
    fireEvent.pointerEnter(await view.findByRole("button", { name: "Manage preferences" }));
    expect(imported).toEqual(["en-test.js", "preferences-test.js", "en-centre-test.js"]);
    fireEvent.click(view.getByRole("button", { name: "Manage preferences" }));
    const prefs = await view.findByRole("dialog", { name: "Privacy preferences" });
    expect(view.queryByRole("dialog", { name: "Cookies on this site" })).toBeNull();
    fireEvent.keyDown(prefs, { key: "Escape" });
    await view.findByRole("dialog", { name: "Cookies on this site" });
    expect(view.queryByRole("dialog", { name: "Privacy preferences" })).toBeNull();
    expect(host.choose).not.toHaveBeenCalled();
  });

  it("records a custom choice from the preference centre and closes", async () => {
    const { host, ui, view } = setup();
    ui.open("preferences");
    fireEvent.click(await view.findByRole("switch", { name: "Embedded content and social media" }));
    fireEvent.click(view.getByRole("button", { name: "Save choices" }));
    expect(host.choose).toHaveBeenCalledWith(
      "custom",
      expect.objectContaining({ categories: expect.objectContaining({ embeds: true }) }),
    );
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
  });

  it("pre-fills the preference centre from the current decision, and closes without a banner when decided", async () => {
    const { ui, view } = setup({ last: decide(config, { categories: { embeds: true } }) });
    ui.open("preferences");
    const embeds = await view.findByRole("switch", { name: "Embedded content and social media" });
    expect((embeds as HTMLInputElement).checked).toBe(true);
    fireEvent.click(view.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
  });

  it("says why it asks again after a policy change, and that Global Privacy Control is honoured", async () => {
    const { ui, view, imported } = setup({ reconsent: true, gpc: true });
    ui.open("banner");
    expect(await view.findByText(/changed since you last chose/)).toBeTruthy();
    expect(view.getByText(/Global Privacy Control signal is honoured/)).toBeTruthy();
    // The notes come in a chunk of their own, beside the first layer's texts.
    expect(imported).toEqual(["en-test.js", "en-notes-test.js"]);
  });

  it("says either note alone in the visitor's language, with its notes fetched beside", async () => {
    const { ui, view, imported } = setup({ gpc: true, language: "de" });
    ui.open("banner");
    expect(await view.findByText(DICTIONARIES.de?.gpcHonoured as string)).toBeTruthy();
    expect(view.getByRole("button", { name: "Alle ablehnen" })).toBeTruthy();
    expect(imported).toEqual(["de-test.js", "de-notes-test.js"]);
  });

  it("keeps what the keyboard focuses on the page clear of the bar while it shows, then puts the page's padding back", async () => {
    const html = document.documentElement;
    html.style.scrollPaddingBottom = "10px";
    // The bar's height as the browser lays it out (happy-dom lays nothing out).
    const offsetHeight = vi.spyOn(HTMLElement.prototype, "offsetHeight", "get");
    offsetHeight.mockReturnValue(132);
    try {
      const { ui, view } = setup();
      ui.open("banner");
      await view.findByRole("dialog", { name: "Cookies on this site" });
      await waitFor(() => expect(html.style.scrollPaddingBottom).toBe("132px"));
      fireEvent.click(view.getByRole("button", { name: "Accept all" }));
      await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
      expect(html.style.scrollPaddingBottom).toBe("10px");
    } finally {
      offsetHeight.mockRestore();
      html.style.scrollPaddingBottom = "";
    }
  });

  it("gives focus back to the floating button when the preference centre it opened closes", async () => {
    const { ui, view } = setup({ last: decide(config, {}) });
    mountFloatingButton("Cookie settings", () => ui.open("preferences"));
    const shadow = document.getElementById("assent-button")?.shadowRoot as ShadowRoot;
    const button = shadow.querySelector("button") as HTMLButtonElement;
    button.focus();
    button.click();
    fireEvent.keyDown(await view.findByRole("dialog", { name: "Privacy preferences" }), {
      key: "Escape",
    });
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
    expect(shadow.activeElement).toBe(button);
  });

  it("gives focus back to the page's own opener used while the banner shows, once its choice is saved", async () => {
    document.body.innerHTML = `<a href="#" id="settings" data-assent-open>Cookie settings</a>`;
    document.body.inert = false; // as an earlier test's modal may have left it
    const { ui, view } = setup();
    // A first visit: the bar shows while nothing has the focus.
    await ui.open("banner");
    await view.findByRole("button", { name: "Accept all" });
    const link = document.getElementById("settings") as HTMLAnchorElement;
    link.focus();
    await ui.open("preferences");
    fireEvent.click(await view.findByRole("button", { name: "Save choices" }));
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(link);
    document.body.replaceChildren();
  });

  it("closes when the loader records a choice made elsewhere", async () => {
    const { ui, view } = setup();
    ui.open("banner");
    await view.findByRole("dialog");
    ui.close();
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("when the visitor's language cannot be loaded", () => {
  it("shows everything in English and says so, for the receipt to record", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const site: SiteConfig = { ...config, texts: { de: { title: "Cookies auf dieser Website" } } };
    const { host, ui, view } = setup({ site, language: "de", unreachable: "de" });
    ui.open("banner");
    // Not the site's German title over English buttons: the whole banner in one language.
    await view.findByRole("dialog", { name: "Cookies on this site" });
    expect(view.queryByText("Cookies auf dieser Website")).toBeNull();
    expect(document.getElementById("assent-ui")?.lang).toBe("en");
    expect(host.languageShown).toBe("en");
  });

  it("leaves the language as it is when its texts load", async () => {
    const { host, ui, view } = setup({ language: "de" });
    ui.open("banner");
    await view.findByRole("dialog");
    expect(document.getElementById("assent-ui")?.lang).toBe("de");
    expect(host.languageShown).toBe("de");
  });

  it("records the language of the layer the visitor chose in, when only the centre's fell back", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const de = DICTIONARIES.de as Record<string, string>;
    const { host, ui, view } = setup({ language: "de", unreachable: "de-centre" });
    ui.open("banner");
    fireEvent.click(await view.findByRole("button", { name: de.manage }));
    // The preference centre in English, as its German texts could not be loaded.
    const centre = await view.findByRole("dialog", { name: "Privacy preferences" });
    expect(host.languageShown).toBe("en");
    fireEvent.keyDown(centre, { key: "Escape" });
    // Back on the German banner: a choice there is recorded in German.
    fireEvent.click(await view.findByRole("button", { name: de.acceptAll }));
    await waitFor(() => expect(host.choose).toHaveBeenCalledWith("accept-all"));
    expect(host.languageShown).toBe("de");
    expect(document.getElementById("assent-ui")?.lang).toBe("de");
  });
});

describe("under a visitor's rule", () => {
  /** A UK site counting visits itself under the statistics exemption, with the preset rules. */
  const ruled: SiteConfig = {
    ...defaultSiteConfig("demo", [
      { id: "visit-counter", category: "statistics", purposes: ["analytics"] },
      { id: "meta-pixel", category: "marketing" },
    ]),
    jurisdictions: presetJurisdictions(),
  };
  ruled.categories = [...ruled.categories, { id: "statistics", exemption: "statistics" }];
  const ruleFor = (country: string, subdivision?: string) =>
    visitorRule(ruled, selectRule(ruled, { country, subdivision }));

  it("shows a UK visitor what runs without consent, and Object on the first layer records an objection", async () => {
    const { host, ui, view } = setup({ site: ruled, rule: ruleFor("GB") });
    ui.open("banner");
    fireEvent.click(await view.findByRole("button", { name: "Object" }));
    expect(view.getByText(/You can object at any time/)).toBeTruthy();
    expect(host.choose).toHaveBeenCalledWith("object");
    await waitFor(() => expect(view.queryByRole("dialog")).toBeNull());
  });

  it("pre-fills the UK visitor's centre with what runs, and offers Object there too", async () => {
    const { host, ui, view } = setup({ site: ruled, rule: ruleFor("GB") });
    ui.open("preferences");
    const statistics = await view.findByRole("switch", { name: "statistics" });
    expect((statistics as HTMLInputElement).checked).toBe(true);
    expect((view.getByRole("switch", { name: "Marketing" }) as HTMLInputElement).checked).toBe(
      false,
    );
    fireEvent.click(view.getByRole("button", { name: "Object" }));
    expect(host.choose).toHaveBeenCalledWith("object");
  });

  it("says a UK visitor objected, instead of offering Object again", async () => {
    const rule = ruleFor("GB");
    const objected = decide(ruled, {});
    const { ui, view } = setup({ site: ruled, rule, last: objected });
    ui.open("preferences");
    expect(await view.findByText(/You objected/)).toBeTruthy();
    expect(view.queryByRole("button", { name: "Object" })).toBeNull();
  });

  it("has no Object where no rule runs anything without consent", async () => {
    const { ui, view } = setup({ site: ruled, rule: ruleFor("FR") });
    ui.open("banner");
    await view.findByRole("button", { name: "Accept all" });
    expect(view.queryByRole("button", { name: "Object" })).toBeNull();
  });

  it("speaks the visitor's language in the objection too, fetched beside the language chunk", async () => {
    const { host, ui, view, imported } = setup({
      site: ruled,
      rule: ruleFor("GB"),
      language: "fr",
    });
    ui.open("banner");
    fireEvent.click(await view.findByRole("button", { name: "S'opposer" }));
    expect(view.getByText(/Vous pouvez vous y opposer à tout moment/)).toBeTruthy();
    expect(view.getByRole("button", { name: "Tout accepter" })).toBeTruthy();
    expect(imported).toEqual(["fr-test.js", "fr-uk-exemptions-test.js"]);
    expect(host.languageShown).toBe("fr");
    expect(host.choose).toHaveBeenCalledWith("object");
  });

  it("fetches the rule's texts only under a rule that adds some, and not in English", async () => {
    const eu = setup({ site: ruled, rule: ruleFor("FR"), language: "fr" });
    eu.ui.open("banner");
    await eu.view.findByRole("button", { name: "Tout accepter" });
    expect(eu.imported).toEqual(["fr-test.js"]);
    clearPage();
    const uk = setup({ site: ruled, rule: ruleFor("GB") });
    uk.ui.open("banner");
    await uk.view.findByRole("button", { name: "Object" });
    expect(uk.imported).toEqual(["en-test.js"]);
  });

  it("is wholly English when the rule's texts in the visitor's language cannot be loaded", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { host, ui, view } = setup({
      site: ruled,
      rule: ruleFor("GB"),
      language: "fr",
      unreachable: "fr-uk-exemptions",
    });
    ui.open("banner");
    // Not a French banner with an English Object: English, which the receipt records.
    await view.findByRole("button", { name: "Object" });
    expect(view.getByRole("button", { name: "Accept all" })).toBeTruthy();
    expect(view.queryByRole("button", { name: "Tout accepter" })).toBeNull();
    expect(view.getByText(/You can object at any time/)).toBeTruthy();
    expect(document.getElementById("assent-ui")?.lang).toBe("en");
    expect(host.languageShown).toBe("en");
  });

  it("is the Your Privacy Choices page in the visitor's language for a US visitor", async () => {
    const rule = ruleFor("US", "CA");
    const { host, ui, view, imported } = setup({ site: ruled, rule, language: "es" });
    ui.open("preferences");
    await view.findByRole("dialog", { name: "Sus opciones de privacidad" });
    fireEvent.click(
      view.getByRole("button", { name: "No vender ni compartir mi información personal" }),
    );
    expect(host.choose).toHaveBeenCalledWith("opt-out");
    expect(imported).toContain("es-opt-out-test.js");
    clearPage();
    const withGpc = setup({ site: ruled, rule, language: "es", gpc: true, last: rule.beforeGpc });
    withGpc.ui.open("preferences");
    expect(await withGpc.view.findByRole("status")).toHaveProperty(
      "textContent",
      "Solicitud de exclusión voluntaria respetada",
    );
  });

  it("is the Your Privacy Choices page for a US visitor: opt out, or the opt-out shown as honoured", async () => {
    const { host, ui, view } = setup({ site: ruled, rule: ruleFor("US", "CA") });
    ui.open("preferences");
    await view.findByRole("dialog", { name: "Your Privacy Choices" });
    fireEvent.click(
      view.getByRole("button", { name: "Do not sell or share my personal information" }),
    );
    expect(host.choose).toHaveBeenCalledWith("opt-out");
    clearPage();
    const rule = ruleFor("US", "CA");
    const withGpc = setup({ site: ruled, rule, gpc: true, last: rule.beforeGpc ?? null });
    withGpc.ui.open("preferences");
    expect(await withGpc.view.findByRole("status")).toHaveProperty(
      "textContent",
      "Opt-out request honoured",
    );
    expect(withGpc.view.queryByRole("button", { name: /Do not sell/ })).toBeNull();
  });
});
