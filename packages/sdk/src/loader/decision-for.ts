import {
  type Choice,
  type ConsentMethod,
  type Decision,
  decide,
  type SiteConfig,
} from "@assent/core";

/**
 * The decision a method makes: every category for `accept-all` (but under Global Privacy
 * Control, marketing), none but `necessary` for `reject-all` and `withdraw`, the visitor's own
 * choice otherwise.
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
            config.categories.map((c) => [c.id, !gpc || c.id !== "marketing"]),
          ),
        }
      : /^(reject-all|withdraw)$/.test(method)
        ? {}
        : choice,
  );
