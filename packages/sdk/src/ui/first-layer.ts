import type { SiteConfig } from "@assent/core";
import type { Texts } from "./texts";

/** What the first layer shows and what its three buttons do. */
export interface FirstLayerProps {
  config: SiteConfig;
  t: Texts;
  /** A centred modal takes focus and keeps it; a bar or a corner box leaves the page usable. */
  modal: boolean;
  /** The visitor chose before, but the policy changed or the choice expired. */
  reconsent: boolean;
  /** The browser sends Global Privacy Control: the first layer says it is honoured. */
  gpc: boolean;
  onAcceptAll(): void;
  onRejectAll(): void;
  onManage(): void;
  /**
   * Under a UK rule with exempt categories: the first layer says what runs without consent
   * (`objectInfo`) and offers "Object" beside the other choices.
   */
  onObject?: (() => void) | undefined;
  /** The pointer or the keyboard is on "Manage preferences": a cue to fetch the preference centre. */
  onManageIntent?(): void;
}

const FOCUSABLE = "a[href],button:not(:disabled),input:not(:disabled),summary";

/**
 * `document.createElement` with attributes and children (text is set as text, never as HTML); an
 * attribute whose value is `false`, `undefined` or empty is left out.
 */
export function h(
  tag: string,
  attributes: Record<string, string | false | undefined> = {},
  ...children: Array<Node | string | false | undefined>
): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/**
 * Keeps Tab inside a modal dialog: from the last control to the first, and back with Shift+Tab.
 * @example dialog.addEventListener("keydown", (e) => trapTab(dialog, e));
 */
export function trapTab(dialog: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== "Tab") return;
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = items[0];
  const last = items[items.length - 1];
  const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
  if (!first || !last) return;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Focuses a dialog once it has been painted, unless `painted` (run first) returns `false`:
 * focusing while it is first inserted would make the browser lay out the whole page inside this
 * script's task (tens of milliseconds on a slow device); after the frame, the layout is already
 * done.
 */
export function focusAfterPaint(dialog: HTMLElement, painted?: () => boolean): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (dialog.isConnected && painted?.() !== false) dialog.focus({ preventScroll: true });
    }),
  );
}

/**
 * The first layer, in plain DOM (no framework, so it costs a few hundred bytes): what the site
 * does, where to read more, and three choices of equal weight (same element, class, size and
 * colours). Closing it without a choice is not consent, so it has no close button and Escape
 * does not dismiss it. Under a UK rule with exempt categories it also says what runs without
 * consent, and "Object" stops it. Returns the element to insert, the dialog its first child: a
 * landmark named as it (a region screen readers list, so a visitor whose focus it did not take
 * finds it), also its overlay when modal.
 * @example shadow.append(firstLayer({ config, t, modal: false, reconsent: false, gpc: false, ...on }));
 */
export function firstLayer(props: FirstLayerProps): HTMLElement {
  const { config, t, modal } = props;
  const button = (label: string, onClick: () => void) => {
    const el = h("button", { type: "button", part: "button" }, t(label));
    el.onclick = onClick;
    return el;
  };
  const link = (url: string | undefined, label: string) => url && h("a", { href: url }, t(label));
  const manage = button("manage", props.onManage);
  if (props.onManageIntent) {
    manage.onpointerenter = props.onManageIntent;
    manage.onfocus = props.onManageIntent;
  }
  const dialog = h(
    "div",
    {
      class: "banner",
      part: "banner",
      role: "dialog",
      "aria-modal": String(modal),
      "aria-labelledby": "assent-title",
      "aria-describedby": "assent-text",
      tabindex: "-1",
    },
    h(
      "div",
      { class: "text" },
      h("h2", { id: "assent-title" }, t("title")),
      props.reconsent && h("p", { class: "note" }, t("reconsent")),
      props.gpc && h("p", { class: "note" }, t("gpcHonoured")),
      h("p", { id: "assent-text" }, t("description")),
      props.onObject && h("p", { class: "note" }, t("objectInfo")),
      h(
        "p",
        { class: "links" },
        link(config.privacyPolicyUrl, "privacyPolicy"),
        link(config.cookiePolicyUrl, "cookiePolicy"),
      ),
    ),
    h(
      "div",
      { class: "actions" },
      button("acceptAll", props.onAcceptAll),
      button("rejectAll", props.onRejectAll),
      manage,
      props.onObject && button("object", props.onObject),
    ),
  );
  if (modal) dialog.onkeydown = (event) => trapTab(dialog, event);
  return h("section", { class: modal && "overlay", "aria-labelledby": "assent-title" }, dialog);
}
