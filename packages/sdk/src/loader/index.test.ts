import { defaultSiteConfig, type LoaderBoot, workedOutForLoader } from "@assent/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AssentApi } from "../contract";
import { start } from "./controller";

// The loader's entry, run as a page runs it; what `start` does is controller.test.ts's.
vi.mock("./controller", () => ({
  start: vi.fn((): Partial<AssentApi> => ({ consentId: () => null })),
}));

const config = defaultSiteConfig("demo");
const boot: LoaderBoot = {
  config,
  configHash: "a".repeat(64),
  api: "https://consent.example.org",
  ui: "https://consent.example.org/sdk/ui.js",
  ...workedOutForLoader(config),
};

/** Runs the loader's entry once more, as another `<script>` would. */
async function load(): Promise<void> {
  vi.resetModules();
  await import("./index");
}

beforeEach(() => {
  window.__assent_boot = boot;
  vi.mocked(start).mockClear();
});
afterEach(() => {
  delete window.assent;
  delete window.__assent_boot;
});

describe("the loader's entry", () => {
  it("installs window.assent over a stub the site set first, and over an element named assent", async () => {
    const stub = { q: [] };
    window.assent = stub as unknown as AssentApi;
    await load();
    expect(start).toHaveBeenCalledOnce();
    expect(window.assent).not.toBe(stub);
    expect(typeof window.assent?.consentId).toBe("function");
    // `<section id="assent">` before the loader: the window's named property is the element.
    window.assent = document.createElement("section") as unknown as AssentApi;
    await load();
    expect(start).toHaveBeenCalledTimes(2);
    expect(typeof window.assent?.consentId).toBe("function");
  });

  it("does nothing when Assent already runs on the page (the loader included twice)", async () => {
    await load();
    const first = window.assent;
    await load();
    expect(start).toHaveBeenCalledOnce();
    expect(window.assent).toBe(first);
  });

  it("says so when the site's config is missing", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    delete window.__assent_boot;
    await load();
    expect(start).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith("[assent] no site config: load /s/SITE_KEY.js");
    error.mockRestore();
  });
});
