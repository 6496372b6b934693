import type { SiteConfig } from "@assent/core";
import { mountPreview, type Preview } from "@assent/sdk/preview";
import { useEffect, useRef } from "preact/hooks";

export interface BannerPreviewProps {
  config: SiteConfig;
  language: string;
  /** The admin's pick when the site follows the visitor's system theme. */
  scheme: "light" | "dark";
  /** The id of a rule of the site's to preview as its visitors see it; "" for none. */
  rule?: string;
}

/**
 * The first layer of the banner as visitors get it: the SDK's own component and stylesheet in a
 * shadow root, with the site's texts in the chosen language, its theme and position, in a box
 * standing for the visitor's window. It is inert: no focus, no clicks, nothing stored or sent.
 */
export function BannerPreview({ config, language, scheme, rule = "" }: BannerPreviewProps) {
  const host = useRef<HTMLDivElement>(null);
  const preview = useRef<Preview | null>(null);
  useEffect(() => {
    if (!host.current) return;
    preview.current = mountPreview(host.current);
    return () => {
      preview.current?.unmount();
      preview.current = null;
    };
  }, []);
  useEffect(() => {
    preview.current?.update({ config, language, scheme, rule: rule || undefined });
  }, [config, language, scheme, rule]);
  const theme = config.ui.theme === "auto" ? scheme : config.ui.theme;
  return (
    <figure class="banner-preview-frame">
      <figcaption>
        Preview ({language}, {theme}, {config.ui.position}
        {rule ? `, a visitor under ${rule}` : ""})
      </figcaption>
      <div class="preview-page">
        <div ref={host} class="preview-host" data-testid="banner-preview" />
      </div>
    </figure>
  );
}
