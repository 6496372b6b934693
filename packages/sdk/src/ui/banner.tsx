import type { SiteConfig } from "@assent/core";
import { Dialog } from "./dialog";
import type { Texts } from "./texts";

/** Props of the first layer. */
export interface BannerProps {
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
}

/**
 * The first layer: what the site does, where to read more, and three choices of equal weight
 * (same element, class, size and colours). Closing it without a choice is not consent, so it has
 * no close button and Escape does not dismiss it.
 */
export function Banner({ config, t, modal, reconsent, gpc, ...on }: BannerProps) {
  const dialog = (
    <Dialog class="banner" modal={modal} labelledBy="assent-title" describedBy="assent-text">
      <div class="text">
        <h2 id="assent-title">{t("title")}</h2>
        {reconsent && <p class="note">{t("reconsent")}</p>}
        {gpc && <p class="note">{t("gpcHonoured")}</p>}
        <p id="assent-text">{t("description")}</p>
        <p class="links">
          {config.privacyPolicyUrl && <a href={config.privacyPolicyUrl}>{t("privacyPolicy")}</a>}
          {config.cookiePolicyUrl && <a href={config.cookiePolicyUrl}>{t("cookiePolicy")}</a>}
        </p>
      </div>
      <div class="actions">
        <button type="button" part="button" onClick={on.onAcceptAll}>
          {t("acceptAll")}
        </button>
        <button type="button" part="button" onClick={on.onRejectAll}>
          {t("rejectAll")}
        </button>
        <button type="button" part="button" onClick={on.onManage}>
          {t("manage")}
        </button>
      </div>
    </Dialog>
  );
  return modal ? <div class="overlay">{dialog}</div> : dialog;
}
