import { render } from "preact";
import type { UiHandle, UiHost } from "../contract";
import { receiptHistory } from "../transport";
import { App, type View } from "./app";
import { direction, loadDictionary } from "./languages";
import { CSS } from "./styles";
import { textsFor } from "./texts";

function adoptStyles(shadow: ShadowRoot, nonce?: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Browsers without constructable stylesheets: a <style>, allowed by the loader's nonce.
    const style = document.createElement("style");
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    shadow.append(style);
  }
}

/**
 * Mounts the banner and preference centre in an open shadow root at the end of `<body>`, in the
 * language of the page (`<html lang>`, then the browser's languages, then the site's default).
 * Called by the loader with the site's config and its `choose` function.
 * @example
 * const ui = mount(host);
 * ui.open("banner");
 */
export function mount(host: UiHost): UiHandle {
  const { config } = host;
  const { language } = host;
  const texts = loadDictionary(language).then((dict) => textsFor(config, language, dict));
  const element = document.createElement("div");
  element.id = "assent-ui";
  element.dataset.theme = config.ui?.theme ?? "auto";
  element.dataset.position = config.ui?.position ?? "bar";
  element.lang = language;
  element.dir = direction(language);
  document.body.append(element);
  const shadow = element.attachShadow({ mode: "open" });
  adoptStyles(shadow, host.nonce);
  let returnFocus: HTMLElement | null = null;
  let undecided = false;
  let shown = Promise.resolve();

  const show = (view: View) => {
    if (view === "banner") undecided = true;
    shown = shown.then(() =>
      texts.then((t) => {
        if (view && !returnFocus) returnFocus = document.activeElement as HTMLElement | null;
        const setView = (next: View) => {
          if (!next && view) undecided = false;
          show(next);
        };
        render(
          <App
            host={host}
            t={t}
            language={language}
            view={view}
            undecided={undecided}
            setView={setView}
            loadHistory={receiptHistory}
          />,
          shadow,
        );
        if (!view) {
          returnFocus?.focus?.();
          returnFocus = null;
        }
      }),
    );
    shown.catch((err) => console.error("[assent] the consent banner could not be shown", err));
  };
  return { open: show, close: () => show(null) };
}
