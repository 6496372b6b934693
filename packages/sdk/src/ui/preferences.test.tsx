import { decide, defaultSiteConfig } from "@assent/core";
import { fireEvent, render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { Preferences } from "./preferences";
import { textsFor } from "./texts";

const config = defaultSiteConfig("demo", [
  { id: "google-analytics", category: "analytics" },
  { id: "youtube", category: "embeds" },
]);
const t = textsFor(config, "en");

function setup(initial = null as ReturnType<typeof decide> | null) {
  const props = { onSave: vi.fn(), onAcceptAll: vi.fn(), onRejectAll: vi.fn(), onClose: vi.fn() };
  render(
    <Preferences
      config={config}
      t={t}
      initial={initial}
      consentId="AbCdEfGhIjKlMnOpQrStUv"
      {...props}
    />,
  );
  return props;
}

describe("Preferences", () => {
  it("has nothing pre-ticked but necessary, which is locked on", () => {
    setup();
    const necessary = screen.getByRole("switch", {
      name: "Strictly necessary",
    }) as HTMLInputElement;
    expect(necessary.checked).toBe(true);
    expect(necessary.disabled).toBe(true);
    for (const name of [
      "Preferences",
      "Analytics",
      "Marketing",
      "Embedded content and social media",
    ]) {
      expect((screen.getByRole("switch", { name }) as HTMLInputElement).checked).toBe(false);
    }
  });

  it("saves the switches as a choice, a category carrying its services", () => {
    const props = setup();
    fireEvent.click(screen.getByRole("switch", { name: "Analytics" }));
    fireEvent.click(screen.getByRole("button", { name: "Save choices" }));
    const choice = props.onSave.mock.calls[0]?.[0];
    expect(choice.categories.analytics).toBe(true);
    expect(choice.categories.marketing).toBe(false);
    expect(choice.services["google-analytics"]).toBe(true);
    expect(choice.services.youtube).toBe(false);
  });

  it("pre-fills the previous decision and shows the consent ID", () => {
    setup(decide(config, { categories: { embeds: true } }));
    expect(
      (
        screen.getByRole("switch", {
          name: "Embedded content and social media",
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(screen.getByText("AbCdEfGhIjKlMnOpQrStUv")).toBeTruthy();
  });

  it("is a labelled modal dialog that closes on Escape", () => {
    const props = setup();
    const dialog = screen.getByRole("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(props.onClose).toHaveBeenCalledOnce();
  });
});
