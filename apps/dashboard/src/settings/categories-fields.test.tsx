import { defaultSiteConfig, lintConfig, type SiteConfig } from "@assent/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CategoriesFields } from "./categories-fields";

afterEach(() => cleanup());

const base = defaultSiteConfig("example-union", [], "https://www.example.org/privacy");
const last = (onChange: ReturnType<typeof vi.fn>) => onChange.mock.calls.at(-1)?.[0] as SiteConfig;
const textErrors = (config: SiteConfig) =>
  lintConfig(config)
    .filter((f) => f.rule === "category-text-required")
    .map((f) => f.field);

describe("CategoriesFields", () => {
  it("adds a category of the site's own, then names and describes it in the default language", () => {
    const onChange = vi.fn();
    const { rerender } = render(<CategoriesFields config={base} onChange={onChange} />);
    expect(screen.queryByLabelText(/Label of/)).toBeNull();
    fireEvent.input(screen.getByLabelText("New category id"), { target: { value: "chat" } });
    fireEvent.click(screen.getByText("Add category"));
    let config = last(onChange);
    expect(config.categories.at(-1)).toEqual({ id: "chat" });
    // Unnamed, it cannot be published: the banner would show its bare id.
    expect(textErrors(config)).toEqual([
      "texts.en.category.chat",
      "texts.en.category.chat.description",
    ]);
    rerender(<CategoriesFields config={config} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText("Label of chat (en)"), {
      target: { value: "Live chat" },
    });
    config = last(onChange);
    rerender(<CategoriesFields config={config} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText("What chat is for, as visitors read it (en)"), {
      target: { value: "Talk to our team while you browse." },
    });
    config = last(onChange);
    expect(config.texts.en).toEqual({
      "category.chat": "Live chat",
      "category.chat.description": "Talk to our team while you browse.",
    });
    expect(textErrors(config)).toEqual([]);
  });

  it("removes a category with its services and its texts in every language", () => {
    const config: SiteConfig = {
      ...base,
      categories: [...base.categories, { id: "chat", purposes: ["functional"] }],
      services: [{ id: "chat-widget", category: "chat" }],
      texts: {
        en: { "category.chat": "Live chat", title: "Cookies" },
        fr: { "category.chat": "Discussion", "category.chat.description": "Parlez-nous." },
      },
    };
    const onChange = vi.fn();
    render(<CategoriesFields config={config} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText("Remove category chat"));
    const left = last(onChange);
    expect(left.categories.map((c) => c.id)).not.toContain("chat");
    expect(left.services).toEqual([]);
    expect(left.texts).toEqual({ en: { title: "Cookies" } });
  });
});
