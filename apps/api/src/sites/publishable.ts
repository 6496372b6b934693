import { type LintContext, lintConfig, parseSiteConfig, type SiteConfig } from "@assent/core";
import { ApiError } from "../errors";

/**
 * The configuration as it may go live, checked against today's rules whatever was saved before:
 * `422 CONFIG_NOT_PUBLISHABLE` when it breaks a hard guard, `422 COMPLIANCE_ERRORS` listing every
 * error of the compliance linter (`[rule] field: why`). Warnings are the publish route's to weigh.
 */
export function publishable(config: unknown, context: LintContext = {}): SiteConfig {
  const checked = parseSiteConfig(config);
  if (!checked.ok) {
    throw new ApiError(
      "CONFIG_NOT_PUBLISHABLE",
      `This configuration cannot be published: ${checked.message}`,
    );
  }
  const errors = lintConfig(checked.value, context).filter((f) => f.severity === "error");
  if (errors.length) {
    const list = errors.map((f) => `[${f.rule}] ${f.field}: ${f.why}`).join(" ");
    throw new ApiError(
      "COMPLIANCE_ERRORS",
      `This configuration cannot be published until ${errors.length === 1 ? "this error is" : `these ${errors.length} errors are`} fixed: ${list}`,
    );
  }
  return checked.value;
}
