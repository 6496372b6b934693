import type { SiteStats, StatsBucket } from "@assent/core";
import { cleanup, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { OverviewView } from "./overview-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function bucket(total: number, accept: number, reject: number, custom: number): StatsBucket {
  return {
    total,
    methods: {
      "accept-all": accept,
      "reject-all": reject,
      custom,
      withdraw: 0,
      gpc: 0,
      api: 0,
      object: 0,
      "opt-out": 0,
    },
    categories: {
      analytics: { granted: accept + custom, denied: reject, optInRate: (accept + custom) / total },
    },
  };
}

const STATS: SiteStats = {
  site: "example-union",
  from: "2026-01-02",
  to: "2026-01-31",
  totals: bucket(4, 2, 1, 1),
  byPolicyVersion: { "1": bucket(3, 2, 1, 0), "2": bucket(1, 0, 0, 1) },
  days: [
    { date: "2026-01-30", ...bucket(3, 2, 1, 0), byPolicyVersion: {} },
    { date: "2026-01-31", ...bucket(1, 0, 0, 1), byPolicyVersion: {} },
  ],
};

describe("OverviewView", () => {
  it("asks for the last 30 days and shows today's and the month's figures", async () => {
    const calls = stubApi({ "GET /v1/admin/stats": () => ok(STATS) });
    renderInSite(<OverviewView now={() => new Date("2026-01-31T12:00:00Z")} />);

    expect(await screen.findByTestId("total-30")).toHaveProperty("textContent", "4");
    expect(calls[0]?.url.searchParams.get("from")).toBe("2026-01-02");
    expect(calls[0]?.url.searchParams.get("to")).toBe("2026-01-31");
    expect(screen.getByTestId("total-today").textContent).toBe("1");

    const rates = screen.getByRole("region", { name: "Consent rates by category" });
    const analytics = within(rates).getByRole("row", { name: /Analytics/ });
    expect(analytics.textContent).toContain("100% (1 of 1)");
    expect(analytics.textContent).toContain("75% (3 of 4)");

    const split = screen.getByRole("region", { name: "How visitors decided" });
    expect(within(split).getByRole("row", { name: /^Accept all/ }).textContent).toContain(
      "2 (50%)",
    );
    const versions = screen.getByRole("region", { name: /By policy version/ });
    expect(within(versions).getAllByRole("row")).toHaveLength(3);
  });

  it("shows decisions by jurisdiction, most first, with objections and opt-outs", async () => {
    const counts = (total: number, methods: Partial<StatsBucket["methods"]>) => ({
      total,
      methods: { ...bucket(0, 0, 0, 0).methods, ...methods },
    });
    stubApi({
      "GET /v1/admin/stats": () =>
        ok({
          ...STATS,
          byJurisdiction: {
            GB: counts(3, { "accept-all": 1, object: 2 }),
            "US-CA": counts(4, { "accept-all": 3, "opt-out": 1 }),
            unknown: counts(1, { "reject-all": 1 }),
          },
        }),
    });
    renderInSite(<OverviewView now={() => new Date("2026-01-31T12:00:00Z")} />);
    const places = await screen.findByRole("region", { name: /By jurisdiction/ });
    const rows = within(places).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-jurisdiction"))).toEqual([
      "US-CA",
      "GB",
      "unknown",
    ]);
    expect(rows[1]?.textContent).toContain("2 (67%)");
    expect(rows[0]?.textContent).toContain("1 (25%)");
    expect(rows[2]?.textContent).toContain("Unknown");
  });

  it("says so when the API fails, and retries", async () => {
    let fail = true;
    stubApi({
      "GET /v1/admin/stats": () =>
        fail ? { status: 500, body: { error: { code: "X", message: "Boom" } } } : ok(STATS),
    });
    renderInSite(<OverviewView />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Boom");
    fail = false;
    within(alert).getByRole("button", { name: "Try again" }).click();
    expect(await screen.findByTestId("total-30")).toBeTruthy();
  });
});
