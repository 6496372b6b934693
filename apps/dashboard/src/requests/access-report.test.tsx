import {
  type AccessReport,
  type AccessReportSiteInput,
  acceptAll,
  buildAccessReport,
  decide,
  defaultSiteConfig,
} from "@assent/core";
import { cleanup, fireEvent, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeReceipt, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { accessReportHtml } from "./access-report-file";
import { RequestsView } from "./requests-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const SUBJECT = "subjectAAAAAAAAAAAAAAA";
const config = defaultSiteConfig("example-union", [
  { id: "google-analytics", category: "analytics" },
  { id: "youtube", category: "embeds" },
]);
const published = { version: 3, hash: "c".repeat(64), config };

function site(overrides: Partial<AccessReportSiteInput>): AccessReportSiteInput {
  return {
    key: "example-union",
    name: "Example Union",
    ipMode: "truncate",
    retentionDays: 2190,
    scheduledRetention: null,
    origin: "https://www.example-union.org",
    configs: [published],
    receipts: [],
    erasures: [],
    ...overrides,
  };
}

/** A report as the API makes it: the union's two records, its shop erased, its zine empty. */
function report(): AccessReport {
  const stored = (id: string, serverTime: string, method: "accept-all" | "withdraw") => ({
    ...fakeReceipt({ id, serverTime, method, configHash: published.hash }),
    decision: method === "accept-all" ? acceptAll(config) : decide(config, {}),
  });
  return buildAccessReport({
    subjectId: SUBJECT,
    generatedAt: "2026-02-01T09:00:00.000Z",
    sites: [
      site({
        receipts: [
          stored("0192f0c1-7a3b-7c00-8000-00000000000a", "2026-01-05T10:00:00.000Z", "accept-all"),
          stored("0192f0c1-7a3b-7c00-8000-00000000000b", "2026-01-20T10:00:00.000Z", "withdraw"),
        ],
      }),
      site({
        key: "union-shop",
        name: "Union <shop>",
        ipMode: "none",
        erasures: [{ at: "2026-01-25T12:00:00.000Z", auditId: 77, records: 2 }],
      }),
      site({ key: "union-zine", name: "Union zine" }),
    ],
  });
}

function lookUp() {
  fireEvent.input(screen.getByLabelText("Subject id"), { target: { value: SUBJECT } });
  fireEvent.click(screen.getByRole("button", { name: "Find records" }));
}

/** Captures what "Download report" saves. */
function captureDownloads(): Blob[] {
  const saved: Blob[] = [];
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    saved.push(blob as Blob);
    return "blob:report";
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
  return saved;
}

describe("the access report in the requests view", () => {
  it("shows the report for every site of the admin in words, and downloads it as one page", async () => {
    const calls = stubApi({
      [`GET /v1/admin/subjects/${SUBJECT}`]: () =>
        ok({
          site: "example-union",
          subjectId: SUBJECT,
          receipts: [fakeReceipt()],
          held: 1,
          lastErasure: null,
        }),
      [`GET /v1/admin/subjects/${SUBJECT}/report`]: () => ok(report()),
    });
    const saved = captureDownloads();
    renderInSite(<RequestsView />, "viewer");
    lookUp();

    const region = await screen.findByRole("region", { name: "Access report" });
    expect(within(region).getByRole("heading", { name: "Your consent records" })).toBeTruthy();
    expect(region.textContent).toContain("2026-01-05 10:00:00 UTC: You accepted all.");
    expect(region.textContent).toContain("2026-01-20 10:00:00 UTC: You withdrew your consent.");
    expect(region.textContent).toContain("Allowed: Strictly necessary, Preferences, Analytics");
    expect(region.textContent).toContain("Google Analytics: refused in your latest choice");
    // The admin sees every site checked, those holding nothing too.
    expect(region.textContent).toContain("Nothing is held about this consent ID on Union zine.");
    expect(region.textContent).toContain("audit entry #77");
    // One lookup for the organisation: the report names no site.
    const asked = calls.find((c) => c.url.pathname.endsWith("/report"));
    expect(asked?.url.search).toBe("");

    fireEvent.click(screen.getByRole("button", { name: "Download report" }));
    expect(saved).toHaveLength(1);
    expect(saved[0]?.type).toBe("text/html;charset=utf-8");
    const html = await saved[0]?.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("You accepted all.");
    expect(html).toContain("You withdrew your consent.");
    expect(html).toContain("audit entry #77");
    expect(html).toContain("No other site checked holds anything about this consent ID.");
    expect(html).not.toContain("Union zine");
  });

  it("makes a page that runs nothing and loads nothing, whatever the report says", () => {
    const html = accessReportHtml(report());
    const doc = new DOMParser().parseFromString(html, "text/html");
    expect(doc.querySelectorAll("script, iframe, img, link, object, embed, form")).toHaveLength(0);
    expect(doc.querySelectorAll("[src], [srcset], [style]")).toHaveLength(0);
    for (const el of doc.querySelectorAll("*")) {
      for (const attr of el.getAttributeNames()) expect(attr).not.toMatch(/^on/);
    }
    const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(policy?.getAttribute("content")).toContain("default-src 'none'");
    // Text from the report is text: a site named `Union <shop>` stays a name.
    expect(html).toContain("Union &lt;shop&gt;");
    expect([...doc.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(
      expect.arrayContaining(["https://www.example-union.org/privacy"]),
    );
    for (const a of doc.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https:/);
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
  });

  it("still shows the site's records when the report cannot be made", async () => {
    stubApi({
      [`GET /v1/admin/subjects/${SUBJECT}`]: () =>
        ok({
          site: "example-union",
          subjectId: SUBJECT,
          receipts: [fakeReceipt()],
          held: 1,
          lastErasure: null,
        }),
      [`GET /v1/admin/subjects/${SUBJECT}/report`]: () =>
        apiError(500, "INTERNAL", "Something went wrong"),
    });
    renderInSite(<RequestsView />);
    lookUp();
    expect(await screen.findByText("1 record held.")).toBeTruthy();
    const region = screen.getByRole("region", { name: "Access report" });
    expect((await within(region).findByRole("alert")).textContent).not.toBe("");
    expect(
      (screen.getByRole("button", { name: "Download report" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
