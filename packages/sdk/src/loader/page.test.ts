import { afterEach, describe, expect, it, vi } from "vitest";
import { onOpenerClick } from "./page";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("onOpenerClick", () => {
  it("opens on a click on a data-assent-open, or on what it holds", () => {
    const open = vi.fn();
    onOpenerClick(open);
    document.body.innerHTML = `<a href="#" data-assent-open><span id="label">Cookie settings</span></a><p id="other">Text</p>`;
    document.getElementById("other")?.click();
    expect(open).not.toHaveBeenCalled();
    document.getElementById("label")?.click();
    expect(open).toHaveBeenCalledOnce();
  });

  it("opens on a data-assent-open inside a web component's open shadow root", () => {
    const open = vi.fn();
    onOpenerClick(open);
    const footer = document.createElement("site-footer");
    document.body.append(footer);
    const shadow = footer.attachShadow({ mode: "open" });
    shadow.innerHTML = `<button type="button" data-assent-open>Cookie settings</button>`;
    (shadow.querySelector("button") as HTMLButtonElement).click();
    expect(open).toHaveBeenCalledOnce();
  });
});
