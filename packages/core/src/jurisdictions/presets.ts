import { US_GPC_STATES } from "./regions";
import type { Rule } from "./rule-schema";

/** The EU and EEA: opt-in for everything not strictly necessary. */
export const EU_EEA_RULE: Rule = { id: "eu-eea", regions: ["EEA"], model: "opt-in" };

/**
 * The UK after the Data (Use and Access) Act 2025: categories marked `statistics` or
 * `functionality` run before a choice for services that qualify, with a free way to object;
 * everything else is opt-in.
 */
export const UK_RULE: Rule = { id: "uk", regions: ["UK"], model: "uk-exemptions" };

/**
 * The US states that require honouring Global Privacy Control: opt-out, so every category runs
 * before a choice unless GPC (or the visitor) opts out of sale and sharing.
 */
export const US_STATES_RULE: Rule = {
  id: "us-states",
  regions: [...US_GPC_STATES],
  model: "opt-out",
};

/** Opt-in for everywhere no other rule names, and for an unknown location: the strictest. */
export const ELSEWHERE_RULE: Rule = { id: "elsewhere", regions: [], model: "opt-in" };

/** Every preset, by id, as the dashboard offers them. */
export const RULE_PRESETS: readonly Rule[] = [EU_EEA_RULE, UK_RULE, US_STATES_RULE, ELSEWHERE_RULE];

/**
 * The `jurisdictions` of the presets: EU/EEA opt-in, UK exemptions, US states opt-out, and
 * opt-in elsewhere and when the location is unknown.
 * @example { ...config, jurisdictions: presetJurisdictions() }
 */
export function presetJurisdictions(): { rules: Rule[]; otherwise: string } {
  return {
    rules: RULE_PRESETS.map((rule) => ({ ...rule, regions: [...rule.regions] })),
    otherwise: ELSEWHERE_RULE.id,
  };
}
