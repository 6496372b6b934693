import { defaultSiteConfig } from "@assent/core";
import { fireEvent, render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { Banner } from "./banner";
import { textsFor } from "./texts";

const config = { ...defaultSiteConfig("demo"), privacyPolicyUrl: "/privacy" };

describe("Banner", () => {
  it("offers accept, reject and manage with equal prominence, and links the policy", () => {
    const props = { onAcceptAll: vi.fn(), onRejectAll: vi.fn(), onManage: vi.fn() };
    render(<Banner config={config} t={textsFor(config, "en")} {...props} />);
    const buttons = ["Accept all", "Reject all", "Manage preferences"].map((name) =>
      screen.getByRole("button", { name }),
    );
    expect(new Set(buttons.map((b) => b.className)).size).toBe(1);
    expect(screen.getByRole("link", { name: "Privacy policy" }).getAttribute("href")).toBe(
      "/privacy",
    );
    expect(screen.getByRole("dialog").getAttribute("aria-labelledby")).toBe("assent-title");
    fireEvent.click(buttons[1] as HTMLElement);
    expect(props.onRejectAll).toHaveBeenCalledOnce();
    expect(props.onAcceptAll).not.toHaveBeenCalled();
  });

  it("renders the site's own texts as text, never as HTML", () => {
    const custom = { ...config, texts: { en: { title: "<img src=x onerror=alert(1)>" } } };
    const { container } = render(
      <Banner
        config={custom}
        t={textsFor(custom, "en-GB")}
        onAcceptAll={vi.fn()}
        onRejectAll={vi.fn()}
        onManage={vi.fn()}
      />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByRole("heading").textContent).toBe("<img src=x onerror=alert(1)>");
  });
});
