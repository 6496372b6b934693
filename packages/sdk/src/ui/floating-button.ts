/**
 * Its focus ring is dark between two white ones, so it shows on a dark page as on a light one
 * (WCAG 2.4.7): the page behind is the site's, of any colour. `data-away` on the host puts it in
 * the other bottom corner.
 */
const CSS =
  ":host{all:initial}button{position:fixed;bottom:16px;inset-inline-start:16px;z-index:2147483645;font:600 14px/1.2 system-ui,sans-serif;min-height:44px;padding:8px 14px;border-radius:22px;border:2px solid #fff;background:#1d4ed8;color:#fff;cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.3)}button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 8px #fff}:host([data-away]) button{inset-inline:auto 16px}svg{height:14px;vertical-align:-2px;margin-inline-end:6px}";

/**
 * The privacy options icon California's Attorney General offers for "Your Privacy Choices"
 * (a toggle with a tick and a cross), drawn small and marked decorative: the label says it.
 */
const PRIVACY_CHOICES_ICON: Array<[string, Record<string, string>]> = [
  ["svg", { viewBox: "0 0 30 14", "aria-hidden": "true" }],
  [
    "rect",
    { x: ".5", y: ".5", width: "29", height: "13", rx: "6.5", fill: "#fff", stroke: "#06f" },
  ],
  ["path", { d: "M15 1h8a6 6 0 0 1 0 12h-8z", fill: "#06f" }],
  ["path", { d: "M5 7l2 2 4-4", stroke: "#06f", "stroke-width": "1.6", fill: "none" }],
  ["path", { d: "M19 4.5l5 5m0-5l-5 5", stroke: "#fff", "stroke-width": "1.6" }],
];

/** The icon as SVG elements (no markup parsed, so a Trusted Types page allows it). */
function privacyChoicesIcon(): SVGElement {
  const [svg, ...shapes] = PRIVACY_CHOICES_ICON.map(([tag, attributes]) => {
    const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    return el;
  });
  (svg as SVGElement).append(...shapes);
  return svg as SVGElement;
}

/**
 * Whether the page shows its own way back to the preference centre: an element with
 * `data-assent-open` that is labelled, not hidden or transparent, and has a box a visitor can see
 * and reach: at least 16 by 16 px, not wholly left of or above the page (a visually hidden
 * `sr-only` link, one moved to `left:-9999px` or one of no size does not count). Under an opt-out
 * rule only the site's own "Your Privacy Choices" link counts (`data-assent-open="privacy-choices"`):
 * a "Cookie settings" link is not the link US state laws require.
 */
export function pageShowsOpener(privacyChoices?: boolean): boolean {
  const selector = privacyChoices ? '[data-assent-open="privacy-choices"]' : "[data-assent-open]";
  return Array.from(document.querySelectorAll<HTMLElement>(selector)).some((el) => {
    const box = el.getBoundingClientRect();
    return (
      box.width > 15 &&
      box.height > 15 &&
      box.right + scrollX > 0 &&
      box.bottom + scrollY > 0 &&
      el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) !== false &&
      !!(el.textContent?.trim() || el.getAttribute("aria-label")?.trim())
    );
  });
}

/**
 * A small button, always on screen, that reopens the preference centre: withdrawing is as easy
 * as consenting. On every page unless the site turns `ui.floatingButton` off (`optional`) and the
 * page shows its own way back (`pageShowsOpener`). Plain DOM, no Preact, in its own tiny module,
 * so a returning visitor gets it without downloading the UI chunk and the loader stays within its
 * budget. Its label is the site's `floatingButton` text, "Cookie settings" when it has none.
 * Under an opt-out rule (`privacyChoices`) it is the "Your Privacy Choices" link, with its icon.
 * `lang` is the label's language, marked on it for a page in another one (WCAG 3.1.2).
 * What the keyboard focuses on the page is never hidden behind it (WCAG 2.4.11): while the page's
 * focused element is where the button sits (the end of a page, the last links of its footer,
 * cannot scroll clear of it), the button waits in the other bottom corner.
 * @example mountFloatingButton("Cookie settings", () => window.assent?.show());
 */
export function mountFloatingButton(
  label: string | undefined,
  onClick: () => void,
  nonce?: string,
  optional?: boolean,
  privacyChoices?: boolean,
  lang = "en",
): void {
  if ((optional && pageShowsOpener(privacyChoices)) || document.getElementById("assent-button"))
    return;
  const host = document.createElement("div");
  host.id = "assent-button";
  host.lang = lang;
  const shadow = host.attachShadow({ mode: "open" });
  const button = document.createElement("button");
  button.type = "button";
  button.setAttribute("part", "floating-button");
  button.textContent = label?.trim() || "Cookie settings";
  if (privacyChoices) button.prepend(privacyChoicesIcon());
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
  // Measured in the frame after the focus moved, once the browser has scrolled it into view.
  addEventListener("focusin", () =>
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === host) return;
      delete host.dataset.away;
      const a = focused.getBoundingClientRect();
      const b = button.getBoundingClientRect();
      // What they share: an element of no area (the UI's own host) is hidden by nothing.
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0 && y > 0) host.dataset.away = "";
    }),
  );
}
