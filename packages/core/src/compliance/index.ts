export {
  AcknowledgeSchema,
  acknowledgementGap,
  type PublishRequest,
  PublishRequestSchema,
  warningRules,
} from "./acknowledgement";
export { WORDING, type WordingDictionary } from "./dictionaries";
export {
  COMPLIANCE_RULES,
  type ComplianceFinding,
  type ComplianceRule,
  GUIDANCE,
  type Severity,
} from "./finding";
export { lintConfig } from "./lint";
export type { LintContext, LintedConfig } from "./linted-config";
