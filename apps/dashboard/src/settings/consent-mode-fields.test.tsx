import { defaultSiteConfig, type SiteConfig } from "@assent/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConsentModeFields } from "./consent-mode-fields";

afterEach(() => cleanup());

const config = {
  ...defaultSiteConfig("example-union"),
  ui: { theme: "auto", position: "bar", floatingButton: false },
} as SiteConfig;

describe("ConsentModeFields", () => {
  it("defaults to basic mode and explains how GPC is honoured", () => {
    render(<ConsentModeFields config={config} onChange={vi.fn()} />);
    expect((screen.getByLabelText("Consent Mode") as HTMLSelectElement).value).toBe("basic");
    expect(screen.getByText(/Global Privacy Control is always honoured/)).toBeTruthy();
  });

  it("sets the mode, regions and ads options in the config", () => {
    const onChange = vi.fn();
    render(<ConsentModeFields config={config} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Consent Mode"), { target: { value: "advanced" } });
    expect(onChange.mock.calls.at(-1)?.[0].consentMode).toEqual({ mode: "advanced" });
    fireEvent.change(screen.getByLabelText("Extra regional defaults (optional)"), {
      target: { value: "gb, fr,  us-ca, nonsense" },
    });
    expect(onChange.mock.calls.at(-1)?.[0].consentMode.regions).toEqual(["GB", "FR", "US-CA"]);
    fireEvent.click(screen.getByLabelText("Redact ads data while advertising is denied"));
    expect(onChange.mock.calls.at(-1)?.[0].consentMode.adsDataRedaction).toBe(true);
  });
});
