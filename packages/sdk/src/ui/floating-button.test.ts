import { afterEach, describe, expect, it, vi } from "vitest";
import { mountFloatingButton, pageShowsOpener } from "./floating-button";

const mounted = () => document.getElementById("assent-button");

/**
 * Puts `html` in the page and gives its `data-assent-open` elements the boxes a browser would lay
 * them out in (happy-dom lays nothing out): `[x, y, width, height]`, in order.
 */
function page(html: string, ...boxes: Array<[number, number, number, number]>): void {
  document.body.innerHTML = html;
  document.querySelectorAll("[data-assent-open]").forEach((el, i) => {
    const [x, y, width, height] = boxes[i] ?? [0, 0, 0, 0];
    el.getBoundingClientRect = () => new DOMRect(x, y, width, height);
  });
}

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
    page(
      `<a data-assent-open style="display:none">Cookie settings</a>
      <button data-assent-open style="visibility:hidden">Cookies</button>
      <span data-assent-open></span>`,
      [0, 0, 0, 0],
      [8, 8, 80, 24],
      [8, 40, 80, 24],
    );
    expect(pageShowsOpener()).toBe(false);
    mountFloatingButton("Cookie settings", () => {}, undefined, true);
    expect(mounted()).not.toBeNull();
  });

  it("is there when the page's own way back is visually hidden: sr-only, off screen or of no size", () => {
    const opener = `<a href="#" data-assent-open>Cookie settings</a>`;
    // sr-only (1 by 1 px, clipped), left:-9999px, above the page, 0 by 0 in a box of no size.
    for (const box of [
      [8, 21, 1, 1],
      [-9999, 21, 99, 18],
      [8, -500, 99, 18],
      [8, 22, 0, 0],
    ] as Array<[number, number, number, number]>) {
      page(opener, box);
      expect(pageShowsOpener()).toBe(false);
    }
    mountFloatingButton("Cookie settings", () => {}, undefined, true);
    expect(mounted()).not.toBeNull();
    // Scrolled past, it is still on the page: it counts.
    page(opener, [8, -500, 99, 18]);
    window.scrollTo(0, 600);
    expect(pageShowsOpener()).toBe(true);
    window.scrollTo(0, 0);
  });

  it("may be left out when the site turned it off and the page shows a visible data-assent-open", () => {
    page(`<footer><a href="#" data-assent-open>Cookie settings</a></footer>`, [8, 600, 99, 18]);
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
    page(`<footer><a href="#" data-assent-open>Cookie settings</a></footer>`, [8, 600, 99, 18]);
    mountFloatingButton("Your Privacy Choices", () => {}, undefined, true, true);
    const button = mounted()?.shadowRoot?.querySelector("button");
    expect(button?.textContent).toBe("Your Privacy Choices");
    expect(button?.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    mounted()?.remove();
    page(
      `<footer><a href="#" data-assent-open="privacy-choices">Your Privacy Choices</a></footer>`,
      [8, 600, 140, 18],
    );
    mountFloatingButton("Your Privacy Choices", () => {}, undefined, true, true);
    expect(mounted()).toBeNull();
  });

  it("says what language its label is in, whatever the page's", () => {
    document.documentElement.lang = "ja";
    mountFloatingButton("Paramètres des cookies", () => {}, undefined, false, false, "fr");
    expect(mounted()?.lang).toBe("fr");
    document.documentElement.lang = "";
  });

  it("steps into the other corner while what the page focuses is where it sits, and back", async () => {
    page(`<a href="#a">Imprint</a><a href="#b">Top</a>`);
    mountFloatingButton("Cookie settings", () => {});
    const host = mounted() as HTMLElement;
    const button = host.shadowRoot?.querySelector("button") as HTMLButtonElement;
    const [under, clear] = document.querySelectorAll("a");
    button.getBoundingClientRect = () =>
      new DOMRect(...(host.dataset.away === undefined ? [16, 420, 140, 44] : [164, 420, 140, 44]));
    (under as HTMLElement).getBoundingClientRect = () => new DOMRect(24, 430, 60, 18);
    (clear as HTMLElement).getBoundingClientRect = () => new DOMRect(24, 8, 60, 18);
    const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
    under?.focus();
    await frame();
    expect(host.dataset.away).toBe("");
    clear?.focus();
    await frame();
    expect(host.dataset.away).toBeUndefined();
    // Focused itself, it stays where it is.
    under?.focus();
    await frame();
    button.focus();
    await frame();
    expect(host.dataset.away).toBe("");
  });
});
