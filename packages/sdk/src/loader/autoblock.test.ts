import { describe, expect, it, vi } from "vitest";
import { autoblock } from "./autoblock";
import { ran } from "./gate-scripts";

describe("the loader's side of auto-blocking", () => {
  it("hands the page to the auto-blocking script when it was composed in", () => {
    const install = vi.fn();
    window.__assent_autoblock = install;
    const allows = () => false;
    const release = () => {};
    autoblock([{ id: "youtube", category: "embeds" }], allows, release);
    expect(install).toHaveBeenCalledWith({
      services: [{ id: "youtube", category: "embeds" }],
      allows,
      release,
      ran,
    });
    delete window.__assent_autoblock;
  });

  it("says where auto-blocking is served when a page asks for it without it", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    autoblock(
      [],
      () => false,
      () => {},
    );
    expect(error).toHaveBeenCalledWith(expect.stringContaining("/s/SITE_KEY.js?autoblock"));
    error.mockRestore();
  });
});
