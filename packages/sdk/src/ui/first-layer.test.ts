import { defaultSiteConfig } from "@assent/core";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { Banner, type BannerProps } from "./banner";
import en from "./lang/en";
import { textsFor } from "./texts";

const config = { ...defaultSiteConfig("demo"), privacyPolicyUrl: "/privacy" };

function setup(overrides: Partial<BannerProps> = {}) {
  const props: BannerProps = {
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
  return { props, ...render(<Banner {...props} />) };
}

describe("Banner", () => {
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

  it("is a labelled, described dialog that takes focus and is not dismissed by Escape", async () => {
    const { props } = setup();
    const dialog = screen.getByRole("dialog", { name: "Cookies on this site" });
    expect(dialog.getAttribute("aria-modal")).toBe("false");
    expect(dialog.getAttribute("aria-describedby")).toBe("assent-text");
    // Focus moves in once the dialog has been painted (after the first frame).
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.getByRole("dialog")).toBeTruthy();
    for (const fn of [props.onAcceptAll, props.onRejectAll, props.onManage])
      expect(fn).not.toHaveBeenCalled();
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
    cleanup();
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
