import {
  type Choice,
  type ConsentMethod,
  type Decision,
  decide,
  gpcRefused,
  gpcRefuses,
  type SiteConfig,
  type VisitorRule,
} from "@assent/core";

/** What a decision is made from besides the method: the visitor's rule and where they stand. */
export interface DecisionContext {
  /** The browser sends Global Privacy Control. */
  gpc: boolean;
  /** The rule the server chose for the visitor (`boot.rule`), if the site has rules. */
  rule?: VisitorRule | undefined;
  /** What holds now: the visitor's decision, or what the rule runs before a choice. */
  holding: Decision | null;
}

/** `choice` less what it names in `categories` and their services, which become denied. */
function without(base: Decision | null, config: SiteConfig, denied: string[], services: string[]) {
  const choice: Choice = { categories: { ...base?.categories }, services: { ...base?.services } };
  for (const id of denied) {
    (choice.categories as Record<string, boolean>)[id] = false;
    for (const s of config.services) if (s.category === id) delete choice.services?.[s.id];
  }
  for (const id of services) (choice.services as Record<string, boolean>)[id] = false;
  return choice;
}

/**
 * The decision a method makes:
 * - `accept-all`: every category (under Global Privacy Control, none with an `advertising` or
 *   `sale-or-share` purpose: see `gpcRefuses`);
 * - `reject-all`, `withdraw`: none but `necessary`, and under a `uk-exemptions` rule what it
 *   runs without consent (refusing consent is not objecting);
 * - `object`: what holds now, less every category claiming a UK exemption;
 * - `opt-out`: what holds now, less everything GPC refuses (advertising, sale or sharing);
 * - `gpc`: what the rule runs before a choice under GPC;
 * - otherwise the visitor's own choice.
 * @example decisionFor(config, "accept-all", {}, { gpc: true, holding: null }).categories.advertising // false
 */
export function decisionFor(
  config: SiteConfig,
  method: ConsentMethod,
  choice: Choice | undefined,
  { gpc, rule, holding }: DecisionContext,
): Decision {
  switch (method) {
    case "accept-all":
      return decide(config, {
        categories: Object.fromEntries(
          config.categories.map((c) => [c.id, !gpc || !gpcRefuses(config, c)]),
        ),
      });
    case "reject-all":
    case "withdraw":
      return rule?.model === "uk-exemptions" && rule.before
        ? decide(config, gpc ? (rule.beforeGpc ?? {}) : rule.before)
        : decide(config, {});
    case "object":
      return decide(
        config,
        without(
          holding,
          config,
          config.categories.filter((c) => c.exemption).map((c) => c.id),
          [],
        ),
      );
    case "opt-out": {
      const refused = gpcRefused(config);
      return decide(config, without(holding, config, refused.categories, refused.services));
    }
    case "gpc":
      return decide(config, rule?.beforeGpc ?? {});
    default:
      return decide(config, choice);
  }
}
