import type { SiteConfig } from "@assent/core";
import { bannerText } from "./banner-texts";

export interface BannerPreviewProps {
  config: SiteConfig;
  language: string;
  /** The admin's pick when the site follows the visitor's system theme. */
  scheme: "light" | "dark";
}

/**
 * A faithful static picture of the first layer of the banner: the site's texts, theme and
 * position. It is not the banner itself (that lives in the SDK's UI chunk); the buttons do nothing.
 */
export function BannerPreview({ config, language, scheme }: BannerPreviewProps) {
  const theme = config.ui.theme === "auto" ? scheme : config.ui.theme;
  const text = (key: string) => bannerText(config, language, key);
  return (
    <figure class="banner-preview-frame">
      <figcaption>
        Preview ({language}, {theme}, {config.ui.position})
      </figcaption>
      <div class={`preview-page position-${config.ui.position}`} lang={language}>
        <div class={`preview-banner theme-${theme}`} data-testid="banner-preview">
          <p class="preview-title">{text("title")}</p>
          <p class="preview-description">{text("description")}</p>
          {config.privacyPolicyUrl && (
            <p class="preview-link">
              <span>{text("privacyPolicy")}</span>
            </p>
          )}
          <div class="preview-buttons" aria-hidden="true">
            <span class="preview-button">{text("rejectAll")}</span>
            <span class="preview-button">{text("manage")}</span>
            <span class="preview-button primary">{text("acceptAll")}</span>
          </div>
        </div>
      </div>
    </figure>
  );
}
