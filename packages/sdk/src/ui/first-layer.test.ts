import { defaultSiteConfig } from "@assent/core";
import { fireEvent, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type FirstLayerProps, firstLayer } from "./first-layer";
import en from "./lang/en";
import { textsFor } from "./texts";

const config = { ...defaultSiteConfig("demo"), privacyPolicyUrl: "/privacy" };

afterEach(() => {
  document.body.innerHTML = "";
});

function setup(overrides: Partial<FirstLayerProps> = {}) {
  const props: FirstLayerProps = {
    config,
    t: textsFor(config, "en", en),
    modal: false,
    reconsent: false,
    gpc: false,
    onAcceptAll: vi.fn(),
    onRejectAll: vi.fn(),
    onManage: vi.fn(),
    ...overrides,
  };
  const container = document.createElement("div");
  container.append(firstLayer(props));
  document.body.append(container);
  return { props, container };
}

describe("firstLayer", () => {
  it("offers accept, reject and manage with equal prominence, and links the policy", () => {
    const { props } = setup();
    const buttons = ["Accept all", "Reject all", "Manage preferences"].map((name) =>
      screen.getByRole("button", { name }),
    );
    const look = (b: HTMLElement) => `${b.tagName}|${b.className}|${b.getAttribute("part")}`;
    expect(new Set(buttons.map(look)).size).toBe(1);
    expect(screen.getByRole("link", { name: "Privacy policy" }).getAttribute("href")).toBe(
      "/privacy",
    );
    expect(screen.queryByRole("checkbox")).toBeNull();
    fireEvent.click(buttons[1] as HTMLElement);
    expect(props.onRejectAll).toHaveBeenCalledOnce();
    expect(props.onAcceptAll).not.toHaveBeenCalled();
  });

  it("is a labelled, described dialog in a landmark of its name, not dismissed by Escape", () => {
    const { props } = setup();
    const dialog = screen.getByRole("dialog", { name: "Cookies on this site" });
    // A region screen readers list: found by a visitor whose focus it did not take.
    expect(screen.getByRole("region", { name: "Cookies on this site" }).firstChild).toBe(dialog);
    expect(dialog.getAttribute("aria-modal")).toBe("false");
    expect(dialog.getAttribute("aria-describedby")).toBe("assent-text");
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.getByRole("dialog")).toBeTruthy();
    for (const fn of [props.onAcceptAll, props.onRejectAll, props.onManage])
      expect(fn).not.toHaveBeenCalled();
  });

  it("calls each button's own action, and takes pointing at or tabbing to Manage as intent", () => {
    const onManageIntent = vi.fn();
    const { props } = setup({ onManageIntent });
    const manage = screen.getByRole("button", { name: "Manage preferences" });
    fireEvent.pointerEnter(manage);
    fireEvent.focus(manage);
    expect(onManageIntent).toHaveBeenCalledTimes(2);
    expect(props.onManage).not.toHaveBeenCalled();
    fireEvent.click(manage);
    fireEvent.click(screen.getByRole("button", { name: "Accept all" }));
    expect(props.onManage).toHaveBeenCalledOnce();
    expect(props.onAcceptAll).toHaveBeenCalledOnce();
  });

  it("keeps Tab inside when modal: from the last button to the first link, and back", () => {
    setup({ modal: true });
    const dialog = screen.getByRole("dialog");
    const link = screen.getByRole("link", { name: "Privacy policy" });
    const manage = screen.getByRole("button", { name: "Manage preferences" });
    // happy-dom lays nothing out: every control counts as rendered.
    for (const el of dialog.querySelectorAll<HTMLElement>("a,button"))
      el.getClientRects = () => [{}] as unknown as DOMRectList;
    manage.focus();
    fireEvent.keyDown(dialog, { key: "Tab" });
    expect(document.activeElement).toBe(link);
    fireEvent.keyDown(dialog, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(manage);
  });

  it("is modal inside an overlay when the site asks for a centred modal", () => {
    const { container } = setup({ modal: true });
    expect(screen.getByRole("dialog").getAttribute("aria-modal")).toBe("true");
    expect(container.querySelector(".overlay > .banner")).not.toBeNull();
  });

  it("says why it asks again after a policy change", () => {
    setup({ reconsent: true });
    expect(screen.getByText(/changed since you last chose/)).toBeTruthy();
  });

  it("says on the first layer when Global Privacy Control is honoured, and only then", () => {
    setup({ gpc: true });
    expect(screen.getByText(/Global Privacy Control signal is honoured/)).toBeTruthy();
    document.body.innerHTML = "";
    setup();
    expect(screen.queryByText(/Global Privacy Control/)).toBeNull();
  });

  it("renders the site's own texts as text, never as HTML", () => {
    const custom = { ...config, texts: { en: { title: "<img src=x onerror=alert(1)>" } } };
    const { container } = setup({ config: custom, t: textsFor(custom, "en-GB", en) });
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByRole("heading").textContent).toBe("<img src=x onerror=alert(1)>");
  });
});
