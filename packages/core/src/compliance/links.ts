import { type ComplianceFinding, GUIDANCE } from "./finding";
import { isSitePath } from "./layout";
import type { LintedConfig } from "./linted-config";

const PLACEHOLDER_HOSTS = /(^|\.)example\.(com|org|net)$/;

/** Why a policy link looks like a placeholder, or `null`. */
function placeholder(url: string): string | null {
  if (isSitePath(url))
    return `"${url}" is a path on whichever site shows the banner; Assent cannot tell whether that page exists. Give the full address of your policy, or acknowledge that every site using this banner has it.`;
  const host = /^https?:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase();
  if (host === undefined) return `"${url}" is not an address.`;
  if (PLACEHOLDER_HOSTS.test(host)) return `"${url}" is an example address, not your policy.`;
  return null;
}

/** Privacy and cookie policy links that may lead nowhere: relative paths and example domains. */
export function linkFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  for (const field of ["privacyPolicyUrl", "cookiePolicyUrl"] as const) {
    const url = config[field];
    const why = url ? placeholder(url) : null;
    if (why)
      findings.push({
        severity: "warning",
        rule: "privacy-policy-placeholder",
        field,
        why: `The banner must link information visitors can read: ${why}`,
        guidance: GUIDANCE.ico,
      });
  }
  return findings;
}
