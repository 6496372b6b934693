import { defaultSiteConfig, LANGUAGES } from "@assent/core";
import { cleanup, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigEditor } from "./config-editor";

afterEach(cleanup);

describe("the texts' language", () => {
  it("offers exactly the languages the banner speaks, and no way to add another", () => {
    render(
      <ConfigEditor
        config={defaultSiteConfig("demo")}
        onChange={() => {}}
        language="cy"
        onLanguage={() => {}}
      />,
    );
    const select = screen.getByLabelText("Language") as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([...LANGUAGES]);
    expect(select.value).toBe("cy");
    expect(screen.getByRole("option", { name: "Welsh (cy)" })).toBeTruthy();
    expect(screen.queryByLabelText("Add language")).toBeNull();
  });
});
