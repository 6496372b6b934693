import { defaultSiteConfig } from "@assent/core";
import { describe, expect, it } from "vitest";
import en from "./lang/en";
import { textsFor } from "./texts";

describe("textsFor", () => {
  it("shows the default text where a site's own text is blank, never an empty button", () => {
    const config = defaultSiteConfig("demo");
    const blank = {
      ...config,
      texts: { en: { rejectAll: "", acceptAll: "  ", title: "Cookies" } },
    };
    const t = textsFor(blank as never, "en", en);
    expect(t("rejectAll")).toBe((en as Record<string, string>).rejectAll);
    expect(t("acceptAll")).toBe((en as Record<string, string>).acceptAll);
    expect(t("title")).toBe("Cookies");
  });
});
