import { render } from "preact";
import type { UiHandle, UiHost } from "../contract";
import { App, type View } from "./app";
import { CSS } from "./styles";

function adoptStyles(shadow: ShadowRoot): void {
  if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement("style");
  style.textContent = CSS;
  shadow.append(style);
}

/**
 * Mounts the banner and preference centre in an open shadow root at the end of `<body>`.
 * Called by the loader with the site's config and its `choose` function.
 */
export function mount(host: UiHost): UiHandle {
  const element = document.createElement("div");
  element.id = "assent-ui";
  document.body.append(element);
  const shadow = element.attachShadow({ mode: "open" });
  adoptStyles(shadow);
  let returnFocus: HTMLElement | null = null;

  const show = (view: View) => {
    if (view && !returnFocus) returnFocus = document.activeElement as HTMLElement | null;
    render(<App host={host} view={view} setView={show} />, shadow);
    if (!view) {
      returnFocus?.focus?.();
      returnFocus = null;
    }
  };
  return { open: show, close: () => show(null) };
}
