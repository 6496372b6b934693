import { type SiteConfig, type SiteService, UI_DEFAULTS } from "@assent/core";

/**
 * What a service's entry says to a visitor reading about it (the preference centre, an embed's
 * placeholder), not what blocking, clearing or Consent Mode read: left out of `/s/KEY.js`. The
 * SDK fetches the whole published config (`GET /v1/sites/:key/config`, checked against the
 * config hash) beside the preference centre or a placeholder, never before the banner.
 */
const DESCRIPTIVE = ["name", "provider", "purpose", "privacyPolicyUrl"] as const;

/**
 * A service's lists that the SDK reads as empty when absent (`?? []`, `?.length`): an empty one
 * is left out. (`hosts` is not among them: an empty list of its own stops auto-blocking from
 * using the catalogue's.)
 */
const EMPTY_AS_ABSENT = ["cookies", "storage", "purposes", "consentModeKeys"] as const;

/**
 * A service's cookies by name only: a cookie's lifetime (`days`) is what the preference centre
 * shows, from the whole published config; clearing and auto-blocking read names. Typed as
 * published, as `loaderConfig`'s services are: no reader of the inlined services reads `days`.
 */
function namesOnly<T extends Partial<SiteService>>(service: T): T {
  if (!service.cookies) return service;
  const cookies = service.cookies.map(({ name }) => ({ name }));
  return { ...service, cookies: cookies as unknown as SiteService["cookies"] };
}

/**
 * The catalogue's services the site does not list (`boot.traces`), as the loader carries them:
 * their cookies by name only (`namesOnly`), as the inlined config's.
 * @example loaderTraces(catalogueTraces(config.services))[0] // { id, category, cookies: [{ name }] }
 */
export const loaderTraces = (traces: readonly SiteService[]): SiteService[] =>
  traces.map(namesOnly);

/**
 * The config the loader inlines: the published one without the services' descriptions, without
 * their hosts unless auto-blocking (the only reader of hosts) is composed in, without the empty
 * lists a service would carry for nothing, without the banner's looks where they are core's
 * `UI_DEFAULTS` (the SDK assumes those of an absent field), and without `jurisdictions` (the
 * loader carries the visitor's own rule, worked out, as `boot.rule`). Every other field is kept
 * as published, so what gates, clears and signals before any tag runs is unchanged; cookies
 * keep their names only (`namesOnly`).
 * @example loaderConfig(published.config, { hosts: false }).services[0] // { id, category, cookies, ... }
 */
export function loaderConfig(config: SiteConfig, { hosts }: { hosts: boolean }): SiteConfig {
  const { jurisdictions: _rules, ui, ...kept } = config;
  const looks = Object.fromEntries(
    Object.entries(ui ?? {}).filter(
      ([key, value]) => UI_DEFAULTS[key as keyof typeof ui] !== value,
    ),
  );
  return {
    ...kept,
    // Typed as published: every reader in the SDK goes through `config.ui?.` and falls back
    // to `UI_DEFAULTS` (its UI tests mount a config without `ui`).
    ...((Object.keys(looks).length ? { ui: looks } : {}) as Pick<SiteConfig, "ui">),
    services: config.services.map((service) => {
      const kept: Partial<typeof service> = { ...service };
      for (const field of DESCRIPTIVE) delete kept[field];
      for (const field of EMPTY_AS_ABSENT) if (kept[field]?.length === 0) delete kept[field];
      if (!hosts) delete kept.hosts;
      return namesOnly(kept) as typeof service;
    }),
  };
}
