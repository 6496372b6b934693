import { advertisingDisclosureFindings } from "./advertising-disclosure";
import { categoryLabelFindings } from "./category-labels";
import { cataloguePurposeFindings, classificationFindings } from "./classification";
import { consentModeFindings } from "./consent-mode";
import { defaultLanguageFindings } from "./default-language";
import { durationFindings } from "./durations";
import type { ComplianceFinding } from "./finding";
import { jurisdictionFindings } from "./jurisdictions";
import { layoutFindings } from "./layout";
import { linkFindings } from "./links";
import type { LintContext, LintedConfig } from "./linted-config";
import { mixedScriptFindings } from "./mixed-scripts";
import { serviceIdentityFindings } from "./service-identity";
import { serviceTextFindings } from "./service-texts";
import { wordingFindings } from "./wording";

/**
 * Every finding of the compliance linter on a configuration that passed the schema and its hard
 * guards, errors first. Run by the API on save (answered with the draft) and on publish (errors
 * refuse it, warnings need acknowledging), and by the dashboard as the owner edits.
 * @example lintConfig(config, { siteOrigins: ["https://www.example.org"] }).map((f) => f.rule)
 */
export function lintConfig(config: LintedConfig, context: LintContext = {}): ComplianceFinding[] {
  const findings = [
    ...wordingFindings(config),
    ...categoryLabelFindings(config),
    ...advertisingDisclosureFindings(config),
    ...consentModeFindings(config),
    ...layoutFindings(config, context),
    ...durationFindings(config),
    ...linkFindings(config),
    ...classificationFindings(config),
    ...cataloguePurposeFindings(config),
    ...serviceTextFindings(config),
    ...serviceIdentityFindings(config),
    ...jurisdictionFindings(config),
    ...defaultLanguageFindings(config),
    ...mixedScriptFindings(config),
  ];
  return [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity === "warning"),
  ];
}
