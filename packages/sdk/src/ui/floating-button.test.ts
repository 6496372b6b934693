import { afterEach, describe, expect, it, vi } from "vitest";
import { mountFloatingButton, pageShowsOpener } from "./floating-button";

const mounted = () => document.getElementById("assent-button");

afterEach(() => {
  mounted()?.remove();
  document.body.innerHTML = "";
});

describe("mountFloatingButton", () => {
  it("puts a labelled button in an open shadow root that calls back when pressed", () => {
    const open = vi.fn();
    mountFloatingButton("Cookie settings", open);
    const button = mounted()?.shadowRoot?.querySelector("button") as HTMLButtonElement;
    expect(button.textContent).toBe("Cookie settings");
    expect(button.type).toBe("button");
    button.click();
    expect(open).toHaveBeenCalledOnce();
  });

  it("is there when the site turned it off but the page shows no way back of its own", () => {
    document.body.innerHTML = `<a data-assent-open style="display:none">Cookie settings</a>
      <button data-assent-open style="visibility:hidden">Cookies</button>
      <span data-assent-open></span>`;
    expect(pageShowsOpener()).toBe(false);
    mountFloatingButton("Cookie settings", () => {}, undefined, true);
    expect(mounted()).not.toBeNull();
  });

  it("may be left out when the site turned it off and the page shows a visible data-assent-open", () => {
    document.body.innerHTML = `<footer><a href="#" data-assent-open>Cookie settings</a></footer>`;
    expect(pageShowsOpener()).toBe(true);
    mountFloatingButton("Cookie settings", () => {}, undefined, true);
    expect(mounted()).toBeNull();
    // Turned on, it is always there.
    mountFloatingButton("Cookie settings", () => {});
    expect(mounted()).not.toBeNull();
  });

  it('is labelled "Cookie settings" when the site has no text for it, or a blank one', () => {
    mountFloatingButton(" ", () => {});
    expect(mounted()?.shadowRoot?.querySelector("button")?.textContent).toBe("Cookie settings");
  });

  it("is mounted once however often it is asked for", () => {
    mountFloatingButton("Cookie settings", () => {});
    mountFloatingButton("Cookie settings", () => {});
    expect(document.querySelectorAll("#assent-button")).toHaveLength(1);
  });

  it("under an opt-out rule is Your Privacy Choices with its icon, left out only for the site's own such link", () => {
    document.body.innerHTML = `<footer><a href="#" data-assent-open>Cookie settings</a></footer>`;
    mountFloatingButton("Your Privacy Choices", () => {}, undefined, true, true);
    const button = mounted()?.shadowRoot?.querySelector("button");
    expect(button?.textContent).toBe("Your Privacy Choices");
    expect(button?.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    mounted()?.remove();
    document.body.innerHTML = `<footer><a href="#" data-assent-open="privacy-choices">Your Privacy Choices</a></footer>`;
    mountFloatingButton("Your Privacy Choices", () => {}, undefined, true, true);
    expect(mounted()).toBeNull();
  });
});
