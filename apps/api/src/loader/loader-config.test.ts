import { catalogueTraces, decide, defaultSiteConfig, gpcRefused, UI_DEFAULTS } from "@assent/core";
import { describe, expect, it } from "vitest";
import { loaderConfig, loaderTraces } from "./loader-config";

const published = defaultSiteConfig("demo", [
  { id: "google-analytics", category: "analytics" },
  { id: "meta-pixel", category: "marketing" },
  { id: "youtube", category: "embeds" },
  { id: "flickr", category: "embeds" },
  { id: "chat", category: "preferences", name: "Chat", hosts: [] },
]);

describe("loaderConfig", () => {
  it("leaves out descriptions, hosts and empty lists, and keeps what gates, clears and signals", () => {
    const inlined = loaderConfig(published, { hosts: false });
    const by = (id: string) => inlined.services.find((s) => s.id === id);
    expect(by("google-analytics")).toEqual({
      id: "google-analytics",
      category: "analytics",
      // By name only: a lifetime is the preference centre's, from the published config.
      cookies: expect.arrayContaining([{ name: "_ga" }]),
      purposes: ["analytics"],
      consentModeKeys: ["analytics_storage"],
    });
    expect(by("youtube")).toMatchObject({
      storage: ["yt-*", "ytidb::*"],
      embed: expect.any(Object),
    });
    expect(by("youtube")).not.toHaveProperty("cookies");
    for (const service of inlined.services)
      for (const cookie of service.cookies ?? []) expect(Object.keys(cookie)).toEqual(["name"]);
    expect(by("flickr")).not.toHaveProperty("consentModeKeys");
    // What the SDK works out from it is what it works out from the published config.
    expect(gpcRefused(inlined)).toEqual(gpcRefused(published));
    expect(decide(inlined, { categories: { embeds: true } })).toEqual(
      decide(published, { categories: { embeds: true } }),
    );
  });

  it("leaves out the banner's looks where they are core's defaults, and keeps the rest", () => {
    expect(published.ui).toEqual(UI_DEFAULTS);
    expect(loaderConfig(published, { hosts: false })).not.toHaveProperty("ui");
    const boxed = { ...published, ui: { ...UI_DEFAULTS, position: "box" as const } };
    expect(loaderConfig(boxed, { hosts: false }).ui).toEqual({ position: "box" });
    const all = { theme: "dark", position: "modal", floatingButton: true } as const;
    expect(loaderConfig({ ...published, ui: all }, { hosts: false }).ui).toEqual(all);
  });

  it("keeps a service's own empty hosts for auto-blocking: it does not mean the catalogue's", () => {
    const inlined = loaderConfig(published, { hosts: true });
    expect(inlined.services.find((s) => s.id === "chat")?.hosts).toEqual([]);
    expect(inlined.services.find((s) => s.id === "youtube")?.hosts).toContain("youtube.com");
  });

  it("carries the catalogue's other services with their cookies by name only", () => {
    const traces = catalogueTraces(published.services);
    const carried = loaderTraces(traces);
    expect(carried.map((t) => t.id)).toEqual(traces.map((t) => t.id));
    expect(carried.find((t) => t.id === "google-ads")?.cookies?.[0]).toEqual({ name: "_gcl_*" });
    expect(traces.find((t) => t.id === "google-ads")?.cookies?.[0]).toHaveProperty("days");
  });
});
