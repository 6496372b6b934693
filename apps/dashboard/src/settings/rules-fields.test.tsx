import { defaultSiteConfig, presetJurisdictions, type SiteConfig } from "@assent/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RulesFields } from "./rules-fields";

afterEach(() => cleanup());

const plain = defaultSiteConfig("example-union");
const ruled: SiteConfig = { ...plain, jurisdictions: presetJurisdictions() };
const last = (onChange: ReturnType<typeof vi.fn>) => onChange.mock.calls.at(-1)?.[0] as SiteConfig;

describe("RulesFields", () => {
  it("says a site without rules is opt-in everywhere, and applies the presets in one click", () => {
    const onChange = vi.fn();
    render(<RulesFields config={plain} onChange={onChange} />);
    expect(screen.getByText(/every visitor is asked before anything/)).toBeTruthy();
    fireEvent.click(screen.getByText("Use the presets"));
    expect(last(onChange).jurisdictions).toEqual(presetJurisdictions());
  });

  it("adds one preset, edits a rule's regions and model, and removes rules", () => {
    const onChange = vi.fn();
    const { rerender } = render(<RulesFields config={plain} onChange={onChange} />);
    fireEvent.click(screen.getByText("Add UK (exemptions with objection)"));
    expect(last(onChange).jurisdictions).toEqual({
      rules: [{ id: "uk", regions: ["UK"], model: "uk-exemptions" }],
      otherwise: "uk",
    });
    rerender(<RulesFields config={ruled} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Regions of eu-eea"), {
      target: { value: "eea, ch, not a region, us-ny" },
    });
    expect(last(onChange).jurisdictions?.rules[0]?.regions).toEqual(["EEA", "CH", "US-NY"]);
    fireEvent.change(screen.getByLabelText("Model of us-states"), { target: { value: "opt-in" } });
    expect(last(onChange).jurisdictions?.rules[2]).toEqual({
      id: "us-states",
      regions: ruled.jurisdictions?.rules[2]?.regions,
      model: "opt-in",
    });
    // Removing the rule for everywhere else hands that role to the first opt-in rule left.
    fireEvent.click(screen.getByLabelText("Remove rule elsewhere"));
    expect(last(onChange).jurisdictions?.otherwise).toBe("eu-eea");
    const usFirst = {
      ...ruled,
      jurisdictions: {
        rules: [...(ruled.jurisdictions?.rules ?? [])].reverse(),
        otherwise: "elsewhere",
      },
    };
    rerender(<RulesFields config={usFirst} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText("Remove rule elsewhere"));
    expect(last(onChange).jurisdictions?.otherwise).toBe("eu-eea");
    rerender(<RulesFields config={ruled} onChange={onChange} />);
    fireEvent.click(screen.getByText("Remove all rules"));
    expect(Object.keys(last(onChange))).not.toContain("jurisdictions");
  });

  it("marks a category with a UK exemption, and clears it", () => {
    const onChange = vi.fn();
    const { rerender } = render(<RulesFields config={ruled} onChange={onChange} />);
    expect(screen.queryByLabelText("UK exemption of necessary")).toBeNull();
    fireEvent.change(screen.getByLabelText("UK exemption of analytics"), {
      target: { value: "statistics" },
    });
    const exempt = last(onChange);
    expect(exempt.categories.find((c) => c.id === "analytics")).toEqual({
      id: "analytics",
      exemption: "statistics",
    });
    rerender(<RulesFields config={exempt} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("UK exemption of analytics"), { target: { value: "" } });
    expect(last(onChange).categories.find((c) => c.id === "analytics")).toEqual({
      id: "analytics",
    });
  });
});
