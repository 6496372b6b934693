import {
  type Choice,
  type ConsentMethod,
  type Decision,
  decide,
  gpcRefuses,
  type SiteConfig,
} from "@assent/core";

/**
 * The decision a method makes: every category for `accept-all` (but, under Global Privacy
 * Control, none with an `advertising` or `sale-or-share` purpose: see `gpcRefuses`), none but
 * `necessary` for `reject-all` and `withdraw`, the visitor's own choice otherwise.
 * @example decisionFor(config, "accept-all", {}, true).categories.advertising // false
 */
export const decisionFor = (
  config: SiteConfig,
  method: ConsentMethod,
  choice: Choice,
  gpc: boolean,
): Decision =>
  decide(
    config,
    method === "accept-all"
      ? {
          categories: Object.fromEntries(
            config.categories.map((c) => [c.id, !gpc || !gpcRefuses(config, c)]),
          ),
        }
      : /^(reject-all|withdraw)$/.test(method)
        ? {}
        : choice,
  );
