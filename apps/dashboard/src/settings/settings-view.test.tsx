import {
  type ConfigState,
  lintConfig,
  presetJurisdictions,
  type SiteConfig,
  warningRules,
} from "@assent/core";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, ok, stubApi } from "../testing/fake-api";
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
    acknowledged: [],
    config: CONFIG,
  },
  draft: null,
  findings: [],
};
const SETTINGS = {
  key: "example-union",
  name: "Example Union",
  role: "owner",
  allowedOrigins: ["https://example.org"],
  ipMode: "truncate",
  retentionDays: 2190,
  minRetentionDays: 2190,
  scheduledRetention: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};
const SCHEDULED = {
  retentionDays: 400,
  minRetentionDays: 400,
  requestedBy: "dpo@example.org",
  requestedAt: "2026-03-01T00:00:00.000Z",
  effectiveAt: "2026-03-08T00:00:00.000Z",
};

let draft: SiteConfig = CONFIG;

function stub() {
  return stubApi({
    "GET /v1/admin/sites/example-union/config": () => ok(STATE),
    "GET /v1/admin/sites/example-union": () => ok(SETTINGS),
    "PATCH /v1/admin/sites/example-union": () => ({
      status: 202,
      body: { ...SETTINGS, scheduledRetention: SCHEDULED },
    }),
    "DELETE /v1/admin/sites/example-union/retention-change": () => ok(SETTINGS),
    "PUT /v1/admin/sites/example-union/config/draft": (call) => {
      draft = call.body as SiteConfig;
      const findings = lintConfig(draft, { siteOrigins: SETTINGS.allowedOrigins });
      return ok({ ...STATE, draft: { config: draft, updatedAt: "", updatedBy: null }, findings });
    },
    // As the server does: exactly the draft's warnings must be acknowledged.
    "POST /v1/admin/sites/example-union/config/publish": (call) => {
      const wanted = warningRules(lintConfig(draft, { siteOrigins: SETTINGS.allowedOrigins }));
      const given = [...((call.body as { acknowledge: string[] }).acknowledge ?? [])].sort();
      return JSON.stringify(given) === JSON.stringify(wanted)
        ? ok({ ...STATE.published, version: 2, acknowledged: given })
        : apiError(422, "ACKNOWLEDGEMENT_REQUIRED", `Acknowledge ${wanted.join(", ")}`);
    },
    "POST /v1/admin/sites/example-union/config/bump": () =>
      ok({ ...STATE.published, version: 3, config: { ...CONFIG, policyVersion: "2" } }),
  });
}

describe("SettingsView", () => {
  it("previews text and theme changes live and publishes the edited config", async () => {
    const calls = stub();
    renderInSite(<SettingsView />, "admin");

    const preview = await screen.findByTestId("banner-preview");
    // The SDK's banner, in its shadow root, with the site's texts and theme.
    await waitFor(() => expect(preview.shadowRoot?.textContent).toContain("Cookies on this site"));
    const buttons = () =>
      [...(preview.shadowRoot?.querySelectorAll("button") ?? [])].map((b) => b.textContent);
    expect(buttons()).toEqual(["Accept all", "Reject all", "Manage preferences"]);
    expect(preview.inert).toBe(true);
    fireEvent.input(screen.getByLabelText("Title"), { target: { value: "Cookies at the Union" } });
    await waitFor(() => expect(preview.shadowRoot?.textContent).toContain("Cookies at the Union"));
    fireEvent.change(screen.getByLabelText("Theme"), { target: { value: "dark" } });
    await waitFor(() => expect(preview.dataset.theme).toBe("dark"));

    fireEvent.input(screen.getByLabelText("Service id"), { target: { value: "youtube" } });
    expect((screen.getByLabelText("in category") as HTMLSelectElement).value).toBe("embeds");
    fireEvent.click(screen.getByRole("button", { name: "Add service" }));

    fireEvent.click(screen.getByLabelText("I acknowledge withdraw-page-link-only"));
    fireEvent.click(screen.getByLabelText("I acknowledge refusal-shorter-than-consent"));
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));
    expect(await screen.findByText(/Published as version 2/)).toBeTruthy();
    const published = calls.find((c) => c.url.pathname.endsWith("/publish"));
    expect(published?.body).toEqual({
      acknowledge: ["refusal-shorter-than-consent", "withdraw-page-link-only"],
    });
    const saved = calls.find((c) => c.method === "PUT")?.body as SiteConfig;
    expect(saved.texts.en?.title).toBe("Cookies at the Union");
    expect(saved.ui.theme).toBe("dark");
    expect(saved.services).toEqual([{ id: "youtube", category: "embeds" }]);
    expect(calls.some((c) => c.url.pathname.endsWith("/publish"))).toBe(true);
  });

  it("says another version was published meanwhile and loads it, keeping the edits", async () => {
    let published = STATE.published;
    const calls = stubApi({
      "GET /v1/admin/sites/example-union/config": () => ok({ ...STATE, published }),
      "GET /v1/admin/sites/example-union": () => ok(SETTINGS),
      "PUT /v1/admin/sites/example-union/config/draft": (call) =>
        ok({ ...STATE, published, draft: { config: call.body, updatedAt: "", updatedBy: null } }),
      "POST /v1/admin/sites/example-union/config/publish": () => {
        // Another admin's version 2 went live while this one edited.
        published = { ...STATE.published, version: 2 } as ConfigState["published"];
        return apiError(409, "CONFIG_CHANGED", "Another version was published meanwhile");
      },
    });
    renderInSite(<SettingsView />, "admin");
    fireEvent.input(await screen.findByLabelText("Title"), {
      target: { value: "Cookies at the Union" },
    });
    fireEvent.click(screen.getByLabelText("I acknowledge withdraw-page-link-only"));
    fireEvent.click(screen.getByLabelText("I acknowledge refusal-shorter-than-consent"));
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));
    expect(await screen.findByText(/Another version was published meanwhile/)).toBeTruthy();
    const loads = () =>
      calls.filter((c) => c.method === "GET" && c.url.pathname.endsWith("/config"));
    await waitFor(() => expect(loads()).toHaveLength(2));
    expect((screen.getByLabelText("Title") as HTMLTextAreaElement).value).toBe(
      "Cookies at the Union",
    );
  });

  it("shows the linter's findings beside the preview, and publishes only acknowledged warnings", async () => {
    const calls = stub();
    renderInSite(<SettingsView />, "admin");
    await screen.findByTestId("banner-preview");
    const warnings = screen.getByRole("list", { name: "Warnings" });
    expect(within(warnings).getByText("withdraw-page-link-only")).toBeTruthy();
    for (const link of within(warnings).getAllByRole("link", { name: "Guidance" }))
      expect(link.getAttribute("href")).toMatch(/^https:\/\//);
    expect(screen.queryByRole("list", { name: "Errors" })).toBeNull();

    fireEvent.input(screen.getByLabelText("Reject button"), { target: { value: "Continue" } });
    const errors = await screen.findByRole("list", { name: "Errors" });
    expect(within(errors).getByText("reject-label-means-accept")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Reject button"), { target: { value: "" } });
    await waitFor(() => expect(screen.queryByRole("list", { name: "Errors" })).toBeNull());

    // One warning ticked of two: the server refuses, and says which is missing.
    fireEvent.click(screen.getByLabelText("I acknowledge withdraw-page-link-only"));
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));
    expect(await screen.findByText(/Acknowledge refusal-shorter-than-consent/)).toBeTruthy();
    expect(calls.filter((c) => c.url.pathname.endsWith("/publish"))).toHaveLength(1);
  });

  it("explains a policy bump and only bumps once confirmed", async () => {
    const calls = stub();
    renderInSite(<SettingsView />, "admin");
    expect((await screen.findByTestId("policy-version")).textContent).toBe("1");
    expect(screen.getByText(/they will see the banner again/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Bump policy version" }));
    const dialog = screen.getByRole("dialog");
    expect(calls.some((c) => c.url.pathname.endsWith("/bump"))).toBe(false);
    // The bump re-publishes the published configuration: its warnings are shown and acknowledged.
    const warned = warningRules(lintConfig(CONFIG, { siteOrigins: [] }));
    expect(warned.length).toBeGreaterThan(0);
    const listed = within(within(dialog).getByRole("list", { name: "Warnings acknowledged" }));
    for (const rule of warned) expect(listed.getByText(rule)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Bump and ask again" }));
    expect(await screen.findByText(/Policy version is now 2/)).toBeTruthy();
    const bump = calls.find((c) => c.url.pathname.endsWith("/bump"));
    expect(bump?.body).toEqual({ acknowledge: warned });
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

  it("sends only the retention fields changed, shows the scheduled drop with its date, and cancels it", async () => {
    const calls = stub();
    renderInSite(<SettingsView />, "owner");
    const retention = await screen.findByLabelText("Keep receipts for (days)");
    fireEvent.input(retention, { target: { value: "400" } });
    fireEvent.input(screen.getByLabelText("Declared minimum retention (days)"), {
      target: { value: "400" },
    });
    fireEvent.submit(retention.closest("form") as Element);
    const date = new Date(SCHEDULED.effectiveAt).toLocaleDateString();
    expect(
      await screen.findByText(
        `Site settings saved. Retention will drop to 400 days on ${date}; you can cancel until then.`,
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({
      allowedOrigins: ["https://example.org"],
      ipMode: "truncate",
      retentionDays: 400,
      minRetentionDays: 400,
    });
    const schedule = screen.getByTestId("retention-schedule");
    expect(schedule.textContent).toContain(`Retention will drop to 400 days on ${date}`);
    expect(schedule.textContent).toContain("asked by dpo@example.org");

    fireEvent.click(within(schedule).getByRole("button", { name: "Cancel the change" }));
    await waitFor(() => expect(screen.queryByTestId("retention-schedule")).toBeNull());
    expect(calls.some((c) => c.method === "DELETE")).toBe(true);
  });

  it("says why a retention shorter than the banner remembers a decision is refused", async () => {
    const why =
      "Retention of 30 days is shorter than the 365 days the published configuration remembers a decision: a receipt must be kept as long as the decision it proves may be in force. Keep receipts at least 365 days";
    stubApi({
      "GET /v1/admin/sites/example-union/config": () => ok(STATE),
      "GET /v1/admin/sites/example-union": () => ok(SETTINGS),
      "PATCH /v1/admin/sites/example-union": () => apiError(409, "RETENTION_BELOW_EXPIRY", why),
    });
    renderInSite(<SettingsView />, "owner");
    const retention = await screen.findByLabelText("Keep receipts for (days)");
    fireEvent.input(retention, { target: { value: "30" } });
    fireEvent.submit(retention.closest("form") as Element);
    const form = retention.closest("form") as HTMLElement;
    await waitFor(() => expect(within(form).getByRole("alert").textContent).toBe(why));
    expect(screen.queryByText(/Site settings saved/)).toBeNull();
    expect(screen.queryByTestId("retention-schedule")).toBeNull();
  });

  it("leaves retention out of a save that does not change it", async () => {
    const calls = stub();
    renderInSite(<SettingsView />, "owner");
    const origins = await screen.findByLabelText("Allowed origins (one a line)");
    fireEvent.submit(origins.closest("form") as Element);
    await screen.findByText(/Site settings saved/);
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({
      allowedOrigins: ["https://example.org"],
      ipMode: "truncate",
    });
  });
});

describe("SettingsView with rules per region", () => {
  it("previews the banner as a visitor under each rule sees it", async () => {
    const ruled: SiteConfig = {
      ...CONFIG,
      categories: [...CONFIG.categories, { id: "statistics", exemption: "statistics" }],
      services: [{ id: "visit-counter", category: "statistics", purposes: ["analytics"] }],
      jurisdictions: presetJurisdictions(),
    };
    stubApi({
      "GET /v1/admin/sites/example-union/config": () =>
        ok({ ...STATE, published: { ...STATE.published, config: ruled } }),
      "GET /v1/admin/sites/example-union": () => ok(SETTINGS),
    });
    renderInSite(<SettingsView />, "admin");
    const preview = await screen.findByTestId("banner-preview");
    const buttons = () =>
      [...(preview.shadowRoot?.querySelectorAll("button") ?? [])].map((b) => b.textContent);
    await waitFor(() =>
      expect(buttons()).toEqual(["Accept all", "Reject all", "Manage preferences"]),
    );
    const under = screen.getByLabelText("Preview a visitor under");
    fireEvent.change(under, { target: { value: "uk" } });
    await waitFor(() =>
      expect(buttons()).toEqual(["Accept all", "Reject all", "Manage preferences", "Object"]),
    );
    expect(preview.shadowRoot?.textContent).toContain("You can object at any time");
    fireEvent.change(under, { target: { value: "us-states" } });
    await waitFor(() => expect(buttons()).toEqual(["Your Privacy Choices"]));
  });
});
