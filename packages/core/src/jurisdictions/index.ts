export { type PreChoiceScope, preChoiceDecision, ruleConsentDefaults } from "./pre-choice";
export {
  ELSEWHERE_RULE,
  EU_EEA_RULE,
  presetJurisdictions,
  RULE_PRESETS,
  UK_RULE,
  US_STATES_RULE,
} from "./presets";
export {
  COUNTRY_PATTERN,
  EEA_COUNTRIES,
  EU_COUNTRIES,
  fullSubdivision,
  REGION_GROUPS,
  REGION_PATTERN,
  regionMatch,
  SUBDIVISION_PATTERN,
  UK_COUNTRIES,
  US_GPC_STATES,
  type VisitorLocation,
} from "./regions";
export { type RuledConfig, type RuleIssue, ruleChecks, ruleIssues } from "./rule-checks";
export {
  EXEMPTIONS,
  type Exemption,
  GPC_MEANINGS,
  type Jurisdictions,
  JurisdictionsSchema,
  RULE_MODELS,
  type Rule,
  type RuleModel,
  RuleSchema,
} from "./rule-schema";
export { OPT_IN_EVERYWHERE, type SelectedRule, selectRule } from "./select-rule";
export {
  MODEL_TEXT_KEYS,
  OBJECTION_TEXT_KEYS,
  RULE_TEXT_LANGUAGES,
  RULE_TEXTS,
  RULE_TEXTS_BY_LANGUAGE,
  type RuleTextKey,
  ruleTexts,
} from "./texts";
export { type Qualification, type QualifiedService, ukQualification } from "./uk-qualification";
export { consentModeRegions, type VisitorRule, visitorRule } from "./visitor-rule";
