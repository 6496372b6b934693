import {
  EXEMPTIONS,
  type Exemption,
  isRequired,
  type Jurisdictions,
  presetJurisdictions,
  REGION_PATTERN,
  RULE_MODELS,
  RULE_PRESETS,
  type Rule,
  type RuleModel,
  type SiteConfig,
} from "@assent/core";
import type { FieldsProps } from "./editor-props";

/** What each model means, as the owner picks one. */
const MODEL_LABELS: Record<RuleModel, string> = {
  "opt-in": "Opt-in: nothing but the necessary before a choice",
  "uk-exemptions": "UK exemptions: statistics and appearance run, with a way to object",
  "opt-out": "Opt-out: runs before a choice; visitors opt out of sale and sharing",
};

/** How the presets are offered, by id. */
const PRESET_LABELS: Record<string, string> = {
  "eu-eea": "EU and EEA (opt-in)",
  uk: "UK (exemptions with objection)",
  "us-states": "US states with GPC laws (opt-out)",
  elsewhere: "Everywhere else (opt-in)",
};

/** Region codes typed as a list, upper-cased; anything that is no region is dropped. */
const regionsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((r) => r.trim().toUpperCase())
    .filter((r) => REGION_PATTERN.test(r));

/**
 * Rules per region: none (opt-in everywhere, as before), the presets in one click, or rules of
 * the owner's own, each with its regions and model; the rule for everywhere else and an unknown
 * location; and which categories claim a UK exemption. Findings about them show with the rest.
 */
export function RulesFields({ config, onChange }: FieldsProps) {
  const j = config.jurisdictions;
  const setRules = (next: Jurisdictions | undefined) => {
    const { jurisdictions: _, ...rest } = config;
    onChange(next ? { ...rest, jurisdictions: next } : (rest as SiteConfig));
  };
  const replaceRule = (index: number, rule: Rule) =>
    j && setRules({ ...j, rules: j.rules.map((r, i) => (i === index ? rule : r)) });
  const updateRule = (index: number, patch: Partial<Rule>) => {
    const rule = j?.rules[index];
    if (rule) replaceRule(index, { ...rule, ...patch });
  };
  const removeRule = (index: number) => {
    if (!j) return;
    const rules = j.rules.filter((_, i) => i !== index);
    const first = rules[0];
    if (!first) return setRules(undefined);
    // An unplaced visitor may be in the EU: the rule left for them is an opt-in one if any is.
    const strictest = rules.find((r) => r.model === "opt-in") ?? first;
    setRules({
      rules,
      otherwise: rules.some((r) => r.id === j.otherwise) ? j.otherwise : strictest.id,
    });
  };
  const addPreset = (preset: Rule) => {
    const rule = { ...preset, regions: [...preset.regions] };
    setRules(j ? { ...j, rules: [...j.rules, rule] } : { rules: [rule], otherwise: rule.id });
  };
  const setExemption = (id: string, exemption: Exemption | "") =>
    onChange({
      ...config,
      categories: config.categories.map((c) => {
        if (c.id !== id) return c;
        const { exemption: _, ...rest } = c;
        return exemption ? { ...rest, exemption } : rest;
      }),
    });

  return (
    <fieldset>
      <legend>Rules per region</legend>
      {!j ? (
        <p class="help">
          No rules: every visitor is asked before anything but the necessary runs (opt-in), the
          strictest rule, lawful everywhere.
        </p>
      ) : (
        <ul class="editable-list">
          {j.rules.map((rule, i) => (
            <li key={rule.id}>
              <code>{rule.id}</code>
              <div class="filter-grid">
                <div class="field">
                  <label for={`rule-${i}-regions`}>Regions of {rule.id}</label>
                  <input
                    id={`rule-${i}-regions`}
                    type="text"
                    placeholder="EEA, UK, FR, US-CA"
                    value={rule.regions.join(", ")}
                    onChange={(e) => updateRule(i, { regions: regionsOf(e.currentTarget.value) })}
                  />
                </div>
                <div class="field">
                  <label for={`rule-${i}-model`}>Model of {rule.id}</label>
                  <select
                    id={`rule-${i}-model`}
                    value={rule.model}
                    onChange={(e) => {
                      const model = e.currentTarget.value as RuleModel;
                      // Only an opt-out rule lists what runs before a choice.
                      const { preChoice, ...rest } = rule;
                      replaceRule(
                        i,
                        model === "opt-out" && preChoice ? { ...rule, model } : { ...rest, model },
                      );
                    }}
                  >
                    {RULE_MODELS.map((m) => (
                      <option key={m} value={m}>
                        {MODEL_LABELS[m]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <button
                class="button small"
                type="button"
                aria-label={`Remove rule ${rule.id}`}
                onClick={() => removeRule(i)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {j && (
        <div class="field">
          <label for="rules-otherwise">Everywhere else, and when the location is unknown</label>
          <select
            id="rules-otherwise"
            value={j.otherwise}
            aria-describedby="rules-otherwise-help"
            onChange={(e) => setRules({ ...j, otherwise: e.currentTarget.value })}
          >
            {j.rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id} ({r.model})
              </option>
            ))}
          </select>
          <p id="rules-otherwise-help" class="help">
            It must be opt-in: without a trusted proxy no visitor is placed, and a visitor the proxy
            could not place may be in the EU or the UK (the linter refuses anything else).
          </p>
        </div>
      )}
      <div class="inline-add">
        {!j && (
          <button class="button" type="button" onClick={() => setRules(presetJurisdictions())}>
            Use the presets
          </button>
        )}
        {RULE_PRESETS.filter((p) => !j?.rules.some((r) => r.id === p.id)).map((p) => (
          <button key={p.id} class="button small" type="button" onClick={() => addPreset(p)}>
            Add {PRESET_LABELS[p.id] ?? p.id}
          </button>
        ))}
        {j && (
          <button class="button small" type="button" onClick={() => setRules(undefined)}>
            Remove all rules
          </button>
        )}
      </div>
      <h3>UK exemptions</h3>
      <p class="help">
        Under a UK rule a category claiming an exemption runs before a choice, for the services in
        it that qualify (first-party or processor-only; never advertising, Meta, or Google Analytics
        with Signals), and visitors can object.
      </p>
      <ul class="editable-list">
        {config.categories
          .filter((c) => !isRequired(c))
          .map((c) => (
            <li key={c.id}>
              <label for={`exemption-${c.id}`}>UK exemption of {c.id}</label>
              <select
                id={`exemption-${c.id}`}
                value={c.exemption ?? ""}
                onChange={(e) => setExemption(c.id, e.currentTarget.value as Exemption | "")}
              >
                <option value="">None: asked first</option>
                {EXEMPTIONS.map((x) => (
                  <option key={x} value={x}>
                    {x === "statistics" ? "Statistics about use" : "Appearance or functionality"}
                  </option>
                ))}
              </select>
            </li>
          ))}
      </ul>
    </fieldset>
  );
}
