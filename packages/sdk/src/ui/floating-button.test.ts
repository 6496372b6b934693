import { afterEach, describe, expect, it, vi } from "vitest";
import { mountFloatingButton } from "./floating-button";

afterEach(() => document.getElementById("assent-button")?.remove());

describe("mountFloatingButton", () => {
  it("puts a labelled button in an open shadow root that calls back when pressed", () => {
    const open = vi.fn();
    mountFloatingButton("Cookie settings", open);
    const button = document
      .getElementById("assent-button")
      ?.shadowRoot?.querySelector("button") as HTMLButtonElement;
    expect(button.textContent).toBe("Cookie settings");
    expect(button.type).toBe("button");
    button.click();
    expect(open).toHaveBeenCalledOnce();
  });
});
