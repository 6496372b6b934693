import type { ConfigState, SiteConfig } from "@assent/core";
import { cleanup, fireEvent, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { SettingsView } from "./settings-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CONFIG: SiteConfig = {
  siteKey: "example-union",
  policyVersion: "1",
  defaultLanguage: "en",
  categories: [{ id: "necessary", required: true }, { id: "analytics" }, { id: "embeds" }],
  services: [],
  expiry: { acceptedDays: 365, rejectedDays: 182 },
  ui: { theme: "auto", position: "bar", floatingButton: false },
  texts: {},
};
const STATE: ConfigState = {
  published: {
    version: 1,
    hash: "a".repeat(64),
    policyVersion: "1",
    publishedAt: "2026-01-01T00:00:00.000Z",
    publishedBy: null,
    config: CONFIG,
  },
  draft: null,
};
const SETTINGS = {
  key: "example-union",
  name: "Example Union",
  role: "owner",
  allowedOrigins: ["https://example.org"],
  ipMode: "truncate",
  retentionDays: 2190,
  createdAt: "2026-01-01T00:00:00.000Z",
};

function stub() {
  return stubApi({
    "GET /v1/admin/sites/example-union/config": () => ok(STATE),
    "GET /v1/admin/sites/example-union": () => ok(SETTINGS),
    "PUT /v1/admin/sites/example-union/config/draft": (call) =>
      ok({ ...STATE, draft: { config: call.body, updatedAt: "", updatedBy: null } }),
    "POST /v1/admin/sites/example-union/config/publish": () =>
      ok({ ...STATE.published, version: 2 }),
    "POST /v1/admin/sites/example-union/config/bump": () =>
      ok({ ...STATE.published, version: 3, config: { ...CONFIG, policyVersion: "2" } }),
  });
}

describe("SettingsView", () => {
  it("previews text and theme changes live and publishes the edited config", async () => {
    const calls = stub();
    renderInSite(<SettingsView />, "admin");

    const preview = await screen.findByTestId("banner-preview");
    expect(preview.textContent).toContain("Cookies on this site");
    fireEvent.input(screen.getByLabelText("Title"), { target: { value: "Cookies at the Union" } });
    expect(preview.textContent).toContain("Cookies at the Union");
    fireEvent.change(screen.getByLabelText("Theme"), { target: { value: "dark" } });
    expect(screen.getByTestId("banner-preview").className).toContain("theme-dark");

    fireEvent.input(screen.getByLabelText("Service id"), { target: { value: "youtube" } });
    expect((screen.getByLabelText("in category") as HTMLSelectElement).value).toBe("embeds");
    fireEvent.click(screen.getByRole("button", { name: "Add service" }));

    fireEvent.click(screen.getByRole("button", { name: "Publish" }));
    expect(await screen.findByText(/Published as version 2/)).toBeTruthy();
    const saved = calls.find((c) => c.method === "PUT")?.body as SiteConfig;
    expect(saved.texts.en?.title).toBe("Cookies at the Union");
    expect(saved.ui.theme).toBe("dark");
    expect(saved.services).toEqual([{ id: "youtube", category: "embeds" }]);
    expect(calls.some((c) => c.url.pathname.endsWith("/publish"))).toBe(true);
  });

  it("explains a policy bump and only bumps once confirmed", async () => {
    const calls = stub();
    renderInSite(<SettingsView />, "admin");
    expect((await screen.findByTestId("policy-version")).textContent).toBe("1");
    expect(screen.getByText(/they will see the banner again/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Bump policy version" }));
    const dialog = screen.getByRole("dialog");
    expect(calls.some((c) => c.url.pathname.endsWith("/bump"))).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Bump and ask again" }));
    expect(await screen.findByText(/Policy version is now 2/)).toBeTruthy();
  });

  it("is read-only for a viewer, and shows the embed snippet", async () => {
    stub();
    renderInSite(<SettingsView />, "viewer");
    await screen.findByTestId("banner-preview");
    // The whole form sits in a disabled fieldset (happy-dom does not reflect it on the button).
    expect(screen.getByRole("button", { name: "Publish" }).closest("fieldset")?.disabled).toBe(
      true,
    );
    expect(screen.queryByRole("button", { name: "Bump policy version" })).toBeNull();
    expect(screen.getByTestId("embed-snippet").textContent).toBe(
      `<script src="${location.origin}/s/example-union.js"></script>`,
    );
  });
});
