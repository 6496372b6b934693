import { defaultSiteConfig, workedOutForLoader } from "@assent/core";
import { describe, expect, it, vi } from "vitest";
import type { AutoblockHost } from "./autoblock";
import { start } from "./controller";
import { ran } from "./gate-scripts";

const config = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);
const boot = {
  config,
  configHash: "a".repeat(64),
  api: "https://consent.example.org",
  ui: "https://consent.example.org/sdk/ui-test.js",
  ...workedOutForLoader(config),
};
const never = () => new Promise<never>(() => {});

describe("the loader's side of auto-blocking", () => {
  it("hands the page to the auto-blocking script when it was composed in", () => {
    let host: AutoblockHost | undefined;
    window.__assent_autoblock = (h) => {
      host = h;
    };
    try {
      start(boot, { autoblock: true, importUi: never });
    } finally {
      delete window.__assent_autoblock;
    }
    // The site's services, then the catalogue's; what the decision allows; what the gates ran.
    expect(host?.services.map((s) => s.id)).toEqual(expect.arrayContaining(["youtube", "hotjar"]));
    expect(host?.allows("embeds", "youtube")).toBe(false);
    expect(host?.allows("necessary", null)).toBe(true);
    expect(host?.ran).toBe(ran);
    document.body.innerHTML = `<img data-src="/p.gif" data-category="necessary" id="p">`;
    host?.release();
    return vi.waitFor(() =>
      expect(document.getElementById("p")?.getAttribute("src")).toBe("/p.gif"),
    );
  });

  it("says where auto-blocking is served when a page asks for it without it", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    start(boot, { autoblock: true, importUi: never });
    expect(error).toHaveBeenCalledWith(expect.stringContaining("/s/SITE_KEY.js?autoblock"));
    error.mockRestore();
  });
});
