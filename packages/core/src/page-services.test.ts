import { describe, expect, it } from "vitest";
import { CATALOGUE_TRACES } from "./catalogue-hosts";
import { catalogueTraces, pageServices } from "./page-services";

describe("catalogueTraces (boot.traces)", () => {
  it("gives the loader every catalogue service the site does not list, and only those", () => {
    const site = [{ id: "google-analytics", category: "analytics" }];
    const traces = catalogueTraces(site);
    expect(traces.map((s) => s.id)).toEqual(
      CATALOGUE_TRACES.map((s) => s.id).filter((id) => id !== "google-analytics"),
    );
    // The site's list then these is the list the loader used to build itself.
    expect([...site, ...traces].map((s) => s.id)).toEqual(pageServices(site).map((s) => s.id));
  });

  it("keeps what clearing reads, and leaves empty lists out", () => {
    const traces = catalogueTraces([]);
    expect(traces.find((s) => s.id === "google-ads")).toMatchObject({
      category: "marketing",
      cookies: expect.arrayContaining([{ name: "_gcl_*", days: 90 }]),
    });
    expect(traces.find((s) => s.id === "youtube")?.storage).toContain("yt-*");
    expect(traces.find((s) => s.id === "twitter")).toEqual({ id: "twitter", category: "embeds" });
  });
});
