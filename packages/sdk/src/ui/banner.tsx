import type { SiteConfig } from "@assent/core";
import type { Texts } from "./texts";

/** Props of the first layer. */
export interface BannerProps {
  config: SiteConfig;
  t: Texts;
  onAcceptAll(): void;
  onRejectAll(): void;
  onManage(): void;
}

/**
 * The first layer: what the site does, where to read more, and three choices of equal weight.
 * Closing it without a choice is not consent, so it has no close button.
 */
export function Banner({ config, t, onAcceptAll, onRejectAll, onManage }: BannerProps) {
  return (
    <div
      class="banner"
      role="dialog"
      aria-modal="false"
      aria-labelledby="assent-title"
      aria-describedby="assent-text"
    >
      <div class="text">
        <h2 id="assent-title">{t("title")}</h2>
        <p id="assent-text">{t("description")}</p>
        <div class="links">
          {config.privacyPolicyUrl && <a href={config.privacyPolicyUrl}>{t("privacyPolicy")}</a>}
          {config.cookiePolicyUrl && <a href={config.cookiePolicyUrl}>{t("cookiePolicy")}</a>}
        </div>
      </div>
      <div class="actions">
        <button type="button" onClick={onAcceptAll}>
          {t("acceptAll")}
        </button>
        <button type="button" onClick={onRejectAll}>
          {t("rejectAll")}
        </button>
        <button type="button" onClick={onManage}>
          {t("manage")}
        </button>
      </div>
    </div>
  );
}
