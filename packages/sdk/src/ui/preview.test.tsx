import { defaultSiteConfig, presetJurisdictions } from "@assent/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mountPreview } from "./preview";

afterEach(() => {
  document.body.innerHTML = "";
  vi.unstubAllGlobals();
});

describe("mountPreview", () => {
  it("renders the banner's first layer in the chosen language, inert and without side effects", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const host = document.createElement("div");
    document.body.append(host);
    const config = {
      ...defaultSiteConfig("preview"),
      texts: { fr: { title: "Cookies chez nous" } },
    };
    const preview = mountPreview(host);
    preview.update({ config, language: "fr", scheme: "dark" });
    const shadow = host.shadowRoot as ShadowRoot;
    expect(shadow.querySelector("h2")?.textContent).toBe("Cookies chez nous");
    const buttons = [...shadow.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual([
      "Tout accepter",
      "Tout refuser",
      "Gérer les préférences",
    ]);
    expect(host.inert).toBe(true);
    expect(host.dataset).toMatchObject({ theme: "dark", position: "bar" });
    expect(shadow.adoptedStyleSheets).toHaveLength(2);

    for (const button of buttons) button.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.cookie).toBe("");
    expect(localStorage.length).toBe(0);
    expect(fetch).not.toHaveBeenCalled();
    // Still there: a click chooses nothing.
    expect(shadow.querySelectorAll("button")).toHaveLength(3);

    preview.update({
      config: { ...config, ui: { ...config.ui, theme: "light", position: "modal" } },
      language: "ar",
      scheme: "dark",
    });
    expect(host.dir).toBe("rtl");
    expect(host.dataset.theme).toBe("light");
    expect(shadow.querySelector(".overlay .banner")).not.toBeNull();
    preview.unmount();
    expect(shadow.querySelector(".banner")).toBeNull();
  });

  it("previews the first layer as a visitor under one of the site's rules sees it", () => {
    const host = document.createElement("div");
    document.body.append(host);
    const base = defaultSiteConfig("preview", [
      { id: "visit-counter", category: "statistics", purposes: ["analytics"] },
    ]);
    const config = {
      ...base,
      categories: [...base.categories, { id: "statistics", exemption: "statistics" as const }],
      jurisdictions: presetJurisdictions(),
    };
    const preview = mountPreview(host);
    const shadow = host.shadowRoot as ShadowRoot;
    const labels = () => [...shadow.querySelectorAll("button")].map((b) => b.textContent);
    preview.update({ config, language: "en", scheme: "light", rule: "uk" });
    expect(labels()).toEqual(["Accept all", "Reject all", "Manage preferences", "Object"]);
    expect(shadow.textContent).toContain("You can object at any time");
    preview.update({ config, language: "en", scheme: "light", rule: "eu-eea" });
    expect(labels()).toEqual(["Accept all", "Reject all", "Manage preferences"]);
    preview.update({ config, language: "en", scheme: "light", rule: "us-states" });
    expect(labels()).toEqual(["Your Privacy Choices"]);
    // In the preview's language, as its visitors get them.
    preview.update({ config, language: "fr-FR", scheme: "light", rule: "uk" });
    expect(labels()).toEqual([
      "Tout accepter",
      "Tout refuser",
      "Gérer les préférences",
      "S'opposer",
    ]);
    expect(shadow.textContent).toContain("Vous pouvez vous y opposer à tout moment");
    preview.update({ config, language: "es", scheme: "light", rule: "us-states" });
    expect(labels()).toEqual(["Sus opciones de privacidad"]);
  });
});
