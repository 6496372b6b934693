import { decide, defaultSiteConfig } from "@assent/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import en from "./lang/en";
import { Preferences, type PreferencesProps } from "./preferences";
import { textsFor } from "./texts";

const config = {
  ...defaultSiteConfig("demo", [
    { id: "google-analytics", category: "analytics" },
    { id: "youtube", category: "embeds" },
    { id: "vimeo", category: "embeds" },
  ]),
  texts: {
    en: {
      "service.youtube": "YouTube",
      "service.youtube.provider": "Google Ireland Limited",
      "service.youtube.purpose": "Showing videos",
      "service.youtube.privacy": "https://policies.google.com/privacy",
    },
  },
};
const t = textsFor(config, "en", en);
const switchNamed = (name: string) => screen.getByRole("switch", { name }) as HTMLInputElement;

function setup(overrides: Partial<PreferencesProps> = {}) {
  const props: PreferencesProps = {
    config,
    t,
    language: "en",
    initial: null,
    consentId: "AbCdEfGhIjKlMnOpQrStUv",
    gpc: false,
    loadHistory: async () => [],
    onSave: vi.fn(),
    onAcceptAll: vi.fn(),
    onRejectAll: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<Preferences {...props} />);
  return props;
}

describe("Preferences", () => {
  it("has nothing pre-ticked but necessary, which is locked on", () => {
    setup();
    expect(switchNamed("Strictly necessary").checked).toBe(true);
    expect(switchNamed("Strictly necessary").disabled).toBe(true);
    for (const name of [
      "Preferences",
      "Analytics",
      "Marketing",
      "Embedded content and social media",
      "YouTube",
      "Vimeo",
    ]) {
      expect(switchNamed(name).checked, name).toBe(false);
    }
  });

  it("shows a service in the locked category as on, since it runs whatever the visitor chooses", () => {
    const own = { id: "session", category: "necessary", name: "Session" };
    setup({ config: { ...config, services: [...config.services, own] } });
    expect(switchNamed("Session").checked).toBe(true);
    expect(switchNamed("Session").disabled).toBe(true);
    expect(switchNamed("YouTube").checked).toBe(false);
  });

  it("saves the switches as a choice, a category carrying its services", () => {
    const props = setup();
    fireEvent.click(switchNamed("Analytics"));
    fireEvent.click(screen.getByRole("button", { name: "Save choices" }));
    const choice = vi.mocked(props.onSave).mock.calls[0]?.[0];
    expect(choice?.categories?.analytics).toBe(true);
    expect(choice?.categories?.marketing).toBe(false);
    expect(choice?.services?.["google-analytics"]).toBe(true);
    expect(choice?.services?.youtube).toBe(false);
  });

  it("lets one service be chosen on its own", () => {
    const props = setup();
    fireEvent.click(switchNamed("YouTube"));
    fireEvent.click(screen.getByRole("button", { name: "Save choices" }));
    const choice = vi.mocked(props.onSave).mock.calls[0]?.[0];
    expect(choice?.services).toMatchObject({ youtube: true, vimeo: false });
    expect(choice?.categories?.embeds).toBe(false);
  });

  it("pre-fills the previous decision and leaves a service it never named off", () => {
    const before = decide(
      { categories: config.categories, services: config.services.slice(0, 2) },
      { categories: { embeds: true } },
    );
    setup({ initial: { categories: before.categories, services: before.services } });
    expect(switchNamed("Embedded content and social media").checked).toBe(true);
    expect(switchNamed("YouTube").checked).toBe(true);
    expect(switchNamed("Vimeo").checked).toBe(false);
  });

  it("shows each service's provider, purpose, cookies and privacy policy", () => {
    setup();
    expect(screen.getByText("Google Ireland Limited")).toBeTruthy();
    expect(screen.getByText("Showing videos")).toBeTruthy();
    // Cookies and the privacy policy come from the catalogue; the site's texts translate words.
    expect(
      screen.getByText("_ga (730 d), _ga_* (730 d), _gid (1 d), _gat* (0 d), _gcl_au (90 d)"),
    ).toBeTruthy();
    expect(
      screen.getByRole("link", { name: "Privacy policy of YouTube" }).getAttribute("href"),
    ).toBe("https://policies.google.com/privacy");
  });

  it("names the cookies without lifetimes from the loader's config, which leaves them out", () => {
    const inlined = {
      ...config,
      services: config.services.map((s) => ({
        ...s,
        cookies: s.cookies?.map(({ name }) => ({ name })) as typeof s.cookies,
      })),
    };
    setup({ config: inlined });
    expect(screen.getByText("_ga, _ga_*, _gid, _gat*, _gcl_au")).toBeTruthy();
  });

  it("shows the consent ID and the receipts this browser kept", async () => {
    setup({
      loadHistory: async () => [
        {
          id: "0193aaaa-0000-7000-8000-000000000001",
          serverTime: "2025-01-02T10:00:00.000Z",
          method: "custom",
          policyVersion: "1",
          granted: ["analytics"],
        },
      ],
    });
    expect(screen.getByText("AbCdEfGhIjKlMnOpQrStUv")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByText("0193aaaa-0000-7000-8000-000000000001")).toBeTruthy(),
    );
    expect(screen.getByRole("listitem").textContent).toContain("Custom choice: Analytics");
  });

  it("says so when nothing was kept yet, and mentions Global Privacy Control", async () => {
    setup({ gpc: true });
    await waitFor(() => expect(screen.getByText(/No choices recorded/)).toBeTruthy());
    expect(screen.getByText(/Global Privacy Control/)).toBeTruthy();
  });

  it("is a labelled modal dialog that takes focus and closes on Escape or Close", async () => {
    const props = setup();
    const dialog = screen.getByRole("dialog", { name: "Privacy preferences" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    // Focus moves in once the dialog has been painted (after the first frame).
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    fireEvent.keyDown(dialog, { key: "Escape" });
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it("says why a locked switch cannot be turned off in its description: Always on", () => {
    setup();
    const locked = switchNamed("Strictly necessary");
    const description = (locked.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" ");
    expect(description).toBe(
      "Always on Security, load balancing and remembering your privacy choices.",
    );
    // A switch the visitor may turn is described by its category's text alone.
    expect(switchNamed("Analytics").getAttribute("aria-describedby")).toBe(
      "assent-cat-analytics-text",
    );
  });

  it("says a receipt's proof is not ready through a live region that was there before", async () => {
    setup({
      loadHistory: async () => [
        {
          id: "0193aaaa-0000-7000-8000-000000000001",
          serverTime: "2025-01-02T10:00:00.000Z",
          method: "reject-all",
          policyVersion: "1",
          granted: [],
        },
      ],
      downloadProof: async () => false,
    });
    const entry = await screen.findByRole("listitem");
    // Screen readers announce a change inside a live region, not one inserted with its text: the
    // notice goes into one that was there before it (the history shown with it).
    const live = entry.closest("[aria-live=polite]");
    expect(live).not.toBeNull();
    expect(live?.textContent).not.toContain("Not in the public log yet");
    fireEvent.click(within(entry).getByRole("button", { name: "Download with its proof" }));
    await waitFor(() =>
      expect(entry.textContent).toContain("Not in the public log yet. Try again in a minute."),
    );
    expect(entry.closest("[aria-live=polite]")).toBe(live);
  });
});
