import type { SiteConfig } from "@assent/core";

/**
 * Where a site's published config is, and the one the page was given (`boot`): the UI's host,
 * which the embed placeholders are handed too.
 */
export interface ConfigSource {
  api: string;
  /** The config inlined in the loader: without the services' descriptions. */
  config: SiteConfig;
  /** Hash of the published config the page was given. */
  configHash: string;
  /** The fetch, once made: kept on the source, which every module that shows the config shares. */
  published?: Promise<SiteConfig>;
}

/**
 * The whole published config, services' descriptions included (the loader inlines it without
 * them), for what shows them: the preference centre and the embed placeholders. Fetched once per
 * page from `GET /v1/sites/:key/config` (the promise is kept on `source`, the one object the
 * loader hands both, which are modules of their own), and used only when it is the version the
 * page was given (same hash); otherwise, or when it cannot be fetched, the inlined config.
 * @example const config = await publishedConfig(host);
 */
export function publishedConfig(source: ConfigSource): Promise<SiteConfig> {
  const { api, config, configHash } = source;
  source.published ??= fetch(`${api}/v1/sites/${encodeURIComponent(config.siteKey)}/config`, {
    credentials: "omit",
  })
    .then((res) => (res.ok ? res.json() : null))
    .then((body: { hash?: string; config?: SiteConfig } | null) =>
      body?.hash === configHash && body.config ? body.config : config,
    )
    .catch(() => config);
  return source.published;
}
