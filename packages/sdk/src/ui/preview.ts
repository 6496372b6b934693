import { ruleTexts, type SiteConfig, visitorRule } from "@assent/core";
import { firstLayer, h } from "./first-layer";
import { DICTIONARIES } from "./lang/dictionaries";
import en from "./lang/en";
import { direction } from "./languages";
import { CSS } from "./styles";
import { textsFor } from "./texts";

/**
 * The preview's own frame: the host stands for the visitor's window. It is the containing block
 * of the banner's fixed layers (a bar sits along the bottom of the preview box, not of the
 * admin's window) and the container its viewport units are read against (`100vw` becomes the
 * box's `100cqw`), so the stylesheet lays the banner out as in a window of the box's size.
 */
const FRAME =
  ":host{display:block;position:relative;contain:layout paint;container-type:size;height:100%}";
const IN_FRAME = CSS.replace(/(\d+)v([wh])\b/g, "$1cq$2");

/** What a preview shows: a site's configuration in one language, as a visitor on a theme sees it. */
export interface PreviewOptions {
  config: SiteConfig;
  /** A language tag; texts come from the site's overrides, then the banner's own dictionary. */
  language: string;
  /** The visitor's colour scheme, for a site whose theme follows the visitor's (`auto`). */
  scheme: "light" | "dark";
  /**
   * The id of one of the site's rules (`jurisdictions.rules`) to preview as a visitor under it
   * sees the first layer: a UK rule's objection information and Object, the rule's own texts.
   * Under an opt-out rule visitors get no banner: the preview shows the "Your Privacy Choices"
   * control instead. Absent: the banner as without rules.
   */
  rule?: string | undefined;
}

/** A mounted preview. */
export interface Preview {
  update(options: PreviewOptions): void;
  unmount(): void;
}

const nothing = () => {};

/**
 * Renders the banner's first layer, the very code and stylesheet visitors get, into an
 * open shadow root on `host`, for the dashboard's settings preview. It has no side effects: no
 * receipt, no cookie, no storage, buttons that do nothing, and the host is `inert` (no focus, no
 * clicks), so a modal preview cannot take the admin's keyboard.
 * @example
 * const preview = mountPreview(element);
 * preview.update({ config, language: "fr", scheme: "light" });
 */
export function mountPreview(host: HTMLElement): Preview {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const sheets = [IN_FRAME, FRAME].map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  shadow.adoptedStyleSheets = sheets;
  host.inert = true;
  return {
    update({ config, language, scheme, rule: ruleId }) {
      const base = language.toLowerCase().split("-")[0] ?? "en";
      const chosen = config.jurisdictions?.rules.find((r) => r.id === ruleId);
      const rule = chosen && visitorRule(config, { rule: chosen, jurisdiction: null });
      // The rule's built-in texts in the preview's language over its dictionary, as visitors
      // get them (`loadDictionary`).
      const dictionary = {
        ...(DICTIONARIES[base] ?? en),
        ...(rule && ruleTexts(base, rule.model)),
      };
      const t = textsFor(config, language, dictionary, rule);
      host.dataset.theme = config.ui.theme === "auto" ? scheme : config.ui.theme;
      host.dataset.position = config.ui.position;
      host.lang = language;
      host.dir = direction(base);
      const exempt = config.categories.some((c) => c.exemption);
      shadow.replaceChildren(
        rule?.model === "opt-out"
          ? h("button", { type: "button", part: "button" }, t("privacyChoices"))
          : firstLayer({
              config,
              t,
              modal: config.ui.position === "modal",
              reconsent: false,
              gpc: false,
              onAcceptAll: nothing,
              onRejectAll: nothing,
              onManage: nothing,
              onObject: rule?.model === "uk-exemptions" && exempt ? nothing : undefined,
            }),
      );
    },
    unmount() {
      shadow.replaceChildren();
    },
  };
}
