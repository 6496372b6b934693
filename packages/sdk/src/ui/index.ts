import { DEFAULT_LANGUAGE, type SiteConfig } from "@assent/core";
import type { UiHandle, UiHost } from "../contract";
import { firstLayer, focusAfterPaint, h } from "./first-layer";
import { direction, type ImportModule, importModule, loadDictionary } from "./languages";
import type * as PreferenceCentre from "./preference-centre";
import { adoptStyles, CSS } from "./styles";
import { type Texts, textsFor } from "./texts";

/** Set at build time: the preference centre's chunk, beside this one (`build/chunk-names.ts`). */
declare const __ASSENT_PREFERENCES__: string;

/** Which layer is showing. */
export type View = "banner" | "preferences" | null;

type CentreChunk = typeof PreferenceCentre;

interface Centre extends CentreChunk {
  /** Every text, in the banner's language. */
  t: Texts;
  /** The whole published config, services' descriptions included. */
  config: SiteConfig;
}

/**
 * Mounts the UI in an open shadow root between `<head>` and `<body>`: first in the page's
 * reading and focus order (as GOV.UK places its cookie banner), and there at once, while the
 * parser is still adding the page to `<body>`. In the banner's language: the
 * first layer in plain DOM, with its stylesheet, in this small chunk; the preference centre
 * (Preact) in a chunk of its own, fetched on intent: when the visitor points at, touches or tabs
 * to "Manage preferences" (or a page's own opener is used), so the many visitors who answer the
 * banner never download it; opened within a frame of the click once it is there. Called by the loader with the site's config and its `choose`;
 * `load` imports the language and the preference centre (the browser's `import()` by default).
 * @example
 * const ui = mount(host);
 * ui.open("banner");
 */
export function mount(host: UiHost, load: ImportModule = importModule): UiHandle {
  const { config, language, rule } = host;
  const element = document.createElement("div");
  /**
   * The visitor's language's texts, with their rule's (`loadDictionary`); when either cannot be
   * loaded, English, everything of it (not the site's own texts in their language over English
   * buttons). Each layer's language (the banner's, the preference centre's, loaded later) is the
   * one the receipts record while it shows (`languageShown`).
   */
  const layerIn = [language, language];
  const dictionary = (centre?: boolean) =>
    loadDictionary(
      language,
      load,
      centre,
      host.reconsent || host.gpc,
      () => {
        layerIn[+!!centre] = DEFAULT_LANGUAGE;
      },
      rule,
    );
  const texts = dictionary().then((dict) => textsFor(config, layerIn[0] as string, dict, rule));
  element.id = "assent-ui";
  element.dataset.theme = config.ui?.theme ?? "auto";
  element.dataset.position = config.ui?.position ?? "bar";
  document.head.after(element);
  const shadow = element.attachShadow({ mode: "open" });
  adoptStyles(shadow, CSS, host.nonce);
  const centreRoot = h("div");
  shadow.append(centreRoot);

  let centre: Promise<Centre> | undefined;
  /**
   * The preference centre's chunk, resolved against this module's URL (the consent host), with
   * its texts beside it, then the services' descriptions (the whole published config, fetched
   * by the chunk).
   */
  const fetchCentre = (): Promise<Centre> => {
    centre ??= Promise.all([
      (load(new URL(__ASSENT_PREFERENCES__, import.meta.url).href) as Promise<CentreChunk>).then(
        (chunk) => Promise.all([chunk, chunk.publishedConfig(host)]),
      ),
      dictionary(true),
    ]).then(
      ([[chunk, described], dict]) => ({
        ...chunk,
        config: described,
        t: textsFor(described, layerIn[1] as string, dict, rule),
      }),
      (err) => {
        centre = undefined;
        throw err;
      },
    );
    return centre;
  };
  const prefetch = () => void fetchCentre().catch(() => {});

  let banner: HTMLElement | null = null;
  const modal = config.ui?.position === "modal";
  // While a modal shows (the preference centre, a centred banner), the page behind is `inert`:
  // out of screen readers' reach as of the keyboard's (`aria-modal` alone does not hide it in
  // Chromium). That is `<body>`, the UI being beside it: what the parser adds to the page
  // meanwhile is inert too. Shown before there is a `<body>`, it is made so once the page is
  // parsed. The page's own `inert` on it, read on first use, is put back when no modal shows.
  let covered = false;
  let pageInert: boolean | undefined;
  const inertPage = () => {
    const body = document.body;
    // The page's own first: it is read before `inert` is ever set here.
    if (body) {
      pageInert ??= body.inert;
      body.inert = pageInert || covered;
    }
  };
  // DOMContentLoaded comes once, to `window` too: the listener needs no removing.
  addEventListener("DOMContentLoaded", inertPage);
  // The page's own `scroll-padding-bottom`, put back when the bar is gone.
  const page = document.documentElement.style;
  const pagePadding = page.scrollPaddingBottom;
  let opened: Centre | null = null;
  let returnFocus: HTMLElement | null = null;
  let undecided = false;
  let shown = Promise.resolve();

  const show = (view: View): Promise<void> => {
    // In a frame of a page of this origin that runs Assent (only then is `frameElement` there,
    // and only Assent's API has `consentId`), that page's banner asks, and a choice there reaches
    // this frame through the consent cookie: a second banner would only take the focus from it.
    // The preference centre still opens here (`assent.show()`).
    if (view === "banner" && frameElement && parent.assent?.consentId) return shown;
    if (view === "banner") undecided = true;
    shown = shown
      .then(async () => {
        const t = await texts;
        const next = view === "preferences" ? await fetchCentre() : null;
        // Focus goes back where it was when the UI was opened from outside it: the page's own
        // opener (a link, the floating button), not what had it when the banner first showed.
        if (view && document.activeElement !== element) {
          // Inside a shadow root (the floating button's), the element focused is in there: its
          // host cannot take focus back.
          returnFocus = document.activeElement as HTMLElement | null;
          while (returnFocus?.shadowRoot?.activeElement)
            returnFocus = returnFocus.shadowRoot.activeElement as HTMLElement;
        }
        banner?.remove();
        banner = null;
        page.scrollPaddingBottom = pagePadding;
        opened?.closePreferences(centreRoot);
        opened = next;
        // Closed once the choice is recorded: one that could not be (its module not loaded)
        // leaves the layer open, to try again.
        const decided = (fn: () => Promise<void>) => () =>
          fn().then(() => {
            undecided = false;
            show(null);
          }, console.error);
        const acceptAll = decided(() => host.choose("accept-all"));
        const rejectAll = decided(() => host.choose("reject-all"));
        // A UK rule running exempt categories before a choice: "Object" stops them, one click.
        const onObject =
          rule?.model === "uk-exemptions" && config.categories.some((c) => c.exemption)
            ? decided(() => host.choose("object"))
            : undefined;
        // The language of what shows, or showed last: the receipts record it.
        const lang = layerIn[+!!next] as string;
        host.languageShown = element.lang = lang;
        element.dir = direction(lang);
        covered = !!(view && (next || modal));
        inertPage();
        if (view === "banner") {
          banner = firstLayer({
            config,
            t,
            modal,
            reconsent: host.reconsent,
            gpc: host.gpc,
            onAcceptAll: acceptAll,
            onRejectAll: rejectAll,
            onManage: () => show("preferences"),
            onObject,
            onManageIntent: prefetch,
          });
          shadow.append(banner);
          const dialog = banner.firstChild as HTMLElement;
          // Once painted (its height read from a clean layout): what the keyboard focuses on
          // the page is scrolled clear of the bar or box fixed at its bottom (WCAG 2.4.11; a
          // modal banner keeps focus in itself). A bar or box takes the focus only when nothing
          // has it: what the page or the visitor focused (a search field, a link tabbed to)
          // keeps it, and the banner's landmark is there to be found.
          const focus = () =>
            focusAfterPaint(dialog, () => {
              if (!modal) page.scrollPaddingBottom = `${dialog.offsetHeight}px`;
              return modal || document.activeElement === document.body;
            });
          // Not before the page is parsed: a field it autofocuses may still be on its way. (The
          // loader's `whenReady`, imported, would cost this chunk 17 B gzip more.)
          if (document.readyState === "loading") addEventListener("DOMContentLoaded", focus);
          else focus();
        } else if (next) {
          next.openPreferences(
            centreRoot,
            {
              config: next.config,
              t: next.t,
              language: lang,
              initial: host.holding(),
              rule,
              onObject,
              onOptOut:
                rule?.model === "opt-out" ? decided(() => host.choose("opt-out")) : undefined,
              consentId: host.consentId(),
              api: host.api,
              gpc: host.gpc,
              onAcceptAll: acceptAll,
              onRejectAll: rejectAll,
              onSave: (choice) => decided(() => host.choose("custom", choice))(),
              onClose: () => show(undecided ? "banner" : null),
            },
            host.nonce,
          );
        } else {
          returnFocus?.focus?.();
          returnFocus = null;
        }
      })
      .catch((err) => console.error("[assent] banner not shown", err));
    return shown;
  };
  return {
    open: show,
    close: () => {
      undecided = false;
      void show(null);
    },
  };
}
