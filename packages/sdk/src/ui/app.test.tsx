import { type Decision, decide, defaultSiteConfig } from "@assent/core";
import { fireEvent, render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import type { UiHost } from "../contract";
import { App, type View } from "./app";
import en from "./lang/en";
import { textsFor } from "./texts";

const config = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);

function setup(
  view: View,
  {
    last = null,
    reconsent = false,
    gpc = false,
  }: Partial<{ last: Decision | null }> & Partial<Pick<UiHost, "reconsent" | "gpc">> = {},
) {
  const host: UiHost = {
    config,
    language: "en",
    decision: () => last,
    reconsent,
    consentId: () => "AbCdEfGhIjKlMnOpQrStUv",
    gpc,
    choose: vi.fn(),
  };
  const views: View[] = [];
  const draw = (v: View) =>
    render(
      <App
        host={host}
        t={textsFor(config, "en", en)}
        language="en"
        view={v}
        undecided
        setView={(next) => {
          views.push(next);
        }}
        loadHistory={async () => []}
      />,
    );
  draw(view);
  return { host, views };
}

describe("App", () => {
  it("shows the banner, and Accept all records the choice and closes", () => {
    const { host, views } = setup("banner");
    fireEvent.click(screen.getByRole("button", { name: "Accept all" }));
    expect(host.choose).toHaveBeenCalledWith("accept-all");
    expect(views).toEqual([null]);
  });

  it("goes from the banner to the preference centre", () => {
    const { views } = setup("banner");
    fireEvent.click(screen.getByRole("button", { name: "Manage preferences" }));
    expect(views).toEqual(["preferences"]);
  });

  it("goes back to the banner when the preference centre closes without a choice", () => {
    const { host, views } = setup("preferences");
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(views).toEqual(["banner"]);
    expect(host.choose).not.toHaveBeenCalled();
  });

  it("records a custom choice from the preference centre", () => {
    const { host } = setup("preferences");
    fireEvent.click(screen.getByRole("switch", { name: "Embedded content and social media" }));
    fireEvent.click(screen.getByRole("button", { name: "Save choices" }));
    expect(host.choose).toHaveBeenCalledWith(
      "custom",
      expect.objectContaining({ categories: expect.objectContaining({ embeds: true }) }),
    );
  });

  it("says why it asks again after a policy change, and pre-fills the current decision only", () => {
    setup("banner", { reconsent: true });
    expect(screen.getByText(/changed since you last chose/)).toBeTruthy();
    expect(screen.queryByText(/Global Privacy Control/)).toBeNull();
  });

  it("pre-fills the preference centre from the current decision", () => {
    setup("preferences", { last: decide(config, { categories: { embeds: true } }) });
    const embeds = screen.getByRole("switch", { name: "Embedded content and social media" });
    expect((embeds as HTMLInputElement).checked).toBe(true);
  });

  it("says on the first layer that Global Privacy Control is honoured", () => {
    setup("banner", { gpc: true });
    expect(screen.getByText(/Global Privacy Control signal is honoured/)).toBeTruthy();
  });

  it("renders nothing when closed", () => {
    setup(null);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
