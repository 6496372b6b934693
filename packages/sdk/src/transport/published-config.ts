import type { SiteConfig } from "@assent/core";

/** Where a site's published config is, and the one the page was given (`boot`). */
export interface ConfigSource {
  api: string;
  /** The config inlined in the loader: without the services' descriptions. */
  config: SiteConfig;
  /** Hash of the published config the page was given. */
  configHash: string;
}

const fetched = new Map<string, Promise<SiteConfig>>();

/**
 * The whole published config, services' descriptions included (the loader inlines it without
 * them), for what shows them: the preference centre and the embed placeholders. Fetched once
 * per page from `GET /v1/sites/:key/config`, and used only when it is the version the page was
 * given (same hash); otherwise, or when it cannot be fetched, the inlined config.
 * @example const config = await publishedConfig({ api, config: boot.config, configHash: boot.configHash });
 */
export function publishedConfig({ api, config, configHash }: ConfigSource): Promise<SiteConfig> {
  let found = fetched.get(configHash);
  if (!found) {
    found = fetch(`${api}/v1/sites/${encodeURIComponent(config.siteKey)}/config`, {
      credentials: "omit",
    })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { hash?: string; config?: SiteConfig } | null) =>
        body?.hash === configHash && body.config ? body.config : config,
      )
      .catch(() => config);
    fetched.set(configHash, found);
  }
  return found;
}
