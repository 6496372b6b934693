import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RecordFilters } from "./record-filters";

afterEach(() => cleanup());

describe("RecordFilters", () => {
  it("filters by jurisdiction (upper-cased) and by the rule that applied", () => {
    const onApply = vi.fn();
    render(<RecordFilters onApply={onApply} />);
    fireEvent.input(screen.getByLabelText("Jurisdiction"), { target: { value: "us-ca" } });
    fireEvent.input(screen.getByLabelText("Rule applied"), { target: { value: "us-states" } });
    fireEvent.click(screen.getByText("Apply filters"));
    expect(onApply).toHaveBeenLastCalledWith(
      expect.objectContaining({ jurisdiction: "US-CA", rule: "us-states" }),
    );
  });

  it("refuses a jurisdiction that is no country or subdivision code", () => {
    const onApply = vi.fn();
    render(<RecordFilters onApply={onApply} />);
    fireEvent.input(screen.getByLabelText("Jurisdiction"), { target: { value: "California" } });
    fireEvent.click(screen.getByText("Apply filters"));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toMatch(/country \(GB\) or a subdivision/);
  });
});
