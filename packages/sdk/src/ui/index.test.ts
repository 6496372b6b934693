import { type Decision, decide, defaultSiteConfig } from "@assent/core";
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UiHost } from "../contract";
import { mount } from "./index";
import en from "./lang/en";
import * as centre from "./preference-centre";

const config = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);

beforeEach(() => {
  // The whole published config, services' descriptions included (`/v1/sites/demo/config`).
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ version: 1, hash: "h1", config })),
  );
});

afterEach(() => {
  document.body.innerHTML = "";
  vi.unstubAllGlobals();
});

/** Mounts the UI with the language and the preference centre imported from source. */
function setup({
  last = null,
  reconsent = false,
  gpc = false,
}: Partial<{ last: Decision | null }> & Partial<Pick<UiHost, "reconsent" | "gpc">> = {}) {
  const host: UiHost = {
    config,
    configHash: "h1",
    api: "https://consent.example.org",
    language: "en",
    decision: () => last,
    reconsent,
    consentId: () => "AbCdEfGhIjKlMnOpQrStUv",
    gpc,
    choose: vi.fn(),
  };
  const imported: string[] = [];
  const load = async (url: string) => {
    imported.push(url.replace(/.*\//, ""));
    return url.includes("/lang/") ? { default: en } : centre;
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
    const { ui, view } = setup({ reconsent: true, gpc: true });
    ui.open("banner");
    expect(await view.findByText(/changed since you last chose/)).toBeTruthy();
    expect(view.getByText(/Global Privacy Control signal is honoured/)).toBeTruthy();
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
