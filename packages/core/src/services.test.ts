import { describe, expect, it } from "vitest";
import { completeService } from "./services";
import { defaultSiteConfig, parseSiteConfig } from "./site-config";

const names = (items: readonly { name: string }[] | undefined) => (items ?? []).map((c) => c.name);

describe("completeService", () => {
  it("fills a catalogue service from the catalogue, what the site says winning", () => {
    const youtube = completeService({ id: "youtube", category: "embeds", name: "Videos" });
    expect(youtube.name).toBe("Videos");
    expect(youtube.provider).toBe("Google");
    expect(youtube.storage).toEqual(["yt-*", "ytidb::*"]);
  });

  it("keeps every cookie and storage key the catalogue knows, whatever the site lists", () => {
    expect(
      names(completeService({ id: "meta-pixel", category: "marketing", cookies: [] }).cookies),
    ).toEqual(["_fbp", "_fbc"]);
    const hotjar = completeService({ id: "hotjar", category: "analytics", storage: [] });
    expect(hotjar.storage).toEqual(["_hj*"]);
  });

  it("lets a site add names and give a known cookie its own lifetime", () => {
    const ga = completeService({
      id: "google-analytics",
      category: "analytics",
      cookies: [
        { name: "_ga", days: 395 },
        { name: "_ga_extra", days: 30 },
      ],
      storage: ["ga.local"],
    });
    expect(ga.cookies).toEqual([
      { name: "_ga", days: 395 },
      { name: "_ga_extra", days: 30 },
      { name: "_ga_*", days: 730 },
      { name: "_gid", days: 1 },
      { name: "_gat*", days: 0 },
      { name: "_gcl_au", days: 90 },
    ]);
    expect(ga.storage).toEqual(["ga.local"]);
  });

  it("is the same completed twice, and leaves a site's own service as it is", () => {
    const once = completeService({ id: "meta-pixel", category: "marketing", cookies: [] });
    expect(completeService(once)).toEqual(once);
    const own = { id: "session", category: "necessary", cookies: [] };
    expect(completeService(own)).toBe(own);
  });

  it("is what a parsed configuration carries", () => {
    const parsed = parseSiteConfig({
      ...defaultSiteConfig("shop"),
      services: [{ id: "meta-pixel", category: "marketing", cookies: [] }],
    });
    expect(parsed.ok && names(parsed.value.services[0]?.cookies)).toEqual(["_fbp", "_fbc"]);
  });
});
