const CSS =
  ":host{all:initial}button{position:fixed;bottom:16px;inset-inline-start:16px;z-index:2147483645;font:600 14px/1.2 system-ui,sans-serif;min-height:44px;padding:8px 14px;border-radius:22px;border:2px solid #fff;background:#1d4ed8;color:#fff;cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.3)}button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}";

/**
 * Whether the page shows its own way back to the preference centre: an element with
 * `data-assent-open` that is rendered, not hidden or transparent, and labelled.
 */
export function pageShowsOpener(): boolean {
  return Array.from(document.querySelectorAll<HTMLElement>("[data-assent-open]")).some(
    (el) =>
      (el.checkVisibility
        ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
        : el.getClientRects().length > 0) &&
      !!(el.textContent?.trim() || el.getAttribute("aria-label")?.trim()),
  );
}

/**
 * A small button, always on screen, that reopens the preference centre: withdrawing is as easy
 * as consenting. On every page unless the site turns `ui.floatingButton` off (`optional`) and the
 * page shows its own way back (`pageShowsOpener`). Plain DOM, no Preact, in its own tiny module,
 * so a returning visitor gets it without downloading the UI chunk and the loader stays within its
 * budget. Its label is the site's `floatingButton` text, "Cookie settings" when it has none.
 * @example mountFloatingButton("Cookie settings", () => window.assent?.show());
 */
export function mountFloatingButton(
  label: string | undefined,
  onClick: () => void,
  nonce?: string,
  optional?: boolean,
): void {
  if ((optional && pageShowsOpener()) || document.getElementById("assent-button")) return;
  const host = document.createElement("div");
  host.id = "assent-button";
  const shadow = host.attachShadow({ mode: "open" });
  const button = document.createElement("button");
  button.type = "button";
  button.setAttribute("part", "floating-button");
  button.textContent = label?.trim() || "Cookie settings";
  button.onclick = onClick;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement("style");
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    shadow.append(style);
  }
  shadow.append(button);
  document.body.append(host);
}
