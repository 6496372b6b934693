import { isRequired, NECESSARY } from "./categories";
import { decide } from "./decision";
import { preChoiceDecision } from "./jurisdictions/pre-choice";
import { gpcRefused } from "./purposes";
import type { ReceiptInput } from "./receipt";
import type { SiteConfig } from "./site-config";

function sameKeys(given: Record<string, boolean>, expected: string[], what: string): string | null {
  const unknown = Object.keys(given).filter((id) => !expected.includes(id));
  if (unknown.length > 0) return `unknown ${what}: ${unknown.slice(0, 5).join(", ")}`;
  const missing = expected.filter((id) => !Object.hasOwn(given, id));
  if (missing.length > 0) return `missing ${what}: ${missing.slice(0, 5).join(", ")}`;
  return null;
}

/**
 * Why a receipt does not fit the configuration it names (the one the visitor was shown), or
 * `null` when it fits: the same policy version, exactly that version's categories and services,
 * every required category (and its services) granted, a refusal (`reject-all`, `withdraw`)
 * that grants nothing else (but, when the site has a `uk-exemptions` rule, what that rule runs
 * without consent: refusing consent is not objecting), an objection (`object`) that denies every category claiming a UK
 * exemption, and an opt-out (`opt-out`) that denies everything Global Privacy Control refuses
 * (advertising, sale or sharing). A receipt that fits could have been made by that banner.
 * @example receiptMismatch(input, published.config) // "policyVersion is 2, not 999"
 */
export function receiptMismatch(input: ReceiptInput, config: SiteConfig): string | null {
  if (input.policyVersion !== config.policyVersion) {
    return `policyVersion is ${config.policyVersion} in that configuration, not ${input.policyVersion}`;
  }
  const { categories, services } = input.decision;
  const shape =
    sameKeys(
      categories,
      config.categories.map((c) => c.id),
      "categories",
    ) ??
    sameKeys(
      services,
      config.services.map((s) => s.id),
      "services",
    );
  if (shape) return shape;
  const refused = config.categories.find((c) => isRequired(c) && categories[c.id] !== true);
  if (refused) return `category ${refused.id} is required and must be granted`;
  const necessary = config.services.find(
    (s) => s.category === NECESSARY && services[s.id] !== true,
  );
  if (necessary) return `service ${necessary.id} is strictly necessary and must be granted`;
  if (input.method === "reject-all" || input.method === "withdraw") {
    const uk = config.jurisdictions?.rules.find((r) => r.model === "uk-exemptions");
    const only = uk ? preChoiceDecision(config, uk, { gpc: false }) : decide(config, {});
    const granted = [
      ...Object.keys(categories).filter((id) => categories[id] && !only.categories[id]),
      ...Object.keys(services).filter((id) => services[id] && !only.services[id]),
    ];
    if (granted.length > 0) return `a ${input.method} receipt grants ${granted.join(", ")}`;
  }
  if (input.method === "object") {
    const exempt = config.categories.filter((c) => c.exemption).map((c) => c.id);
    if (!exempt.length) return "an object receipt needs a category that claims a UK exemption";
    const kept = exempt.filter((id) => categories[id]);
    if (kept.length) return `an object receipt grants ${kept.join(", ")}`;
  }
  if (input.method === "opt-out") {
    const refused = gpcRefused(config);
    const kept = [
      ...refused.categories.filter((id) => categories[id]),
      ...refused.services.filter((id) => services[id]),
    ];
    if (kept.length) return `an opt-out receipt grants ${kept.join(", ")}`;
  }
  return null;
}
