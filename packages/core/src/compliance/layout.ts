import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintContext, LintedConfig } from "./linted-config";

/**
 * Whether a URL is a path on the site showing the banner: it starts with one `/`, not `//` nor
 * `/\` (a browser reads a backslash as a slash, so `/\evil.example` leads off the site).
 */
export const isSitePath = (url: string): boolean => /^\/(?![/\\])/.test(url);

/** Whether a link leads to a page of the site itself (a path, or one of the site's origins). */
export function onSite(url: string, context: LintContext): boolean {
  if (url.startsWith("/")) return isSitePath(url);
  const origin = /^https?:\/\/[^/?#]+/i.exec(url)?.[0].toLowerCase();
  return (
    origin !== undefined && (context.siteOrigins ?? []).some((o) => o.toLowerCase() === origin)
  );
}

/**
 * How the banner sits on the page: a centred modal over the site's own privacy policy (the
 * visitor cannot read it before choosing), and withdrawing with no floating button.
 */
export function layoutFindings(config: LintedConfig, context: LintContext): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const policy = config.privacyPolicyUrl;
  if (config.ui.position === "modal" && policy && onSite(policy, context))
    findings.push({
      severity: "warning",
      rule: "modal-covers-privacy-policy",
      field: "ui.position",
      why: "The privacy policy the banner links is on this site, where the centred dialog covers it: the visitor cannot read it before choosing. Use a bar or a box, or acknowledge that the policy page shows no banner.",
      guidance: GUIDANCE.ico,
    });
  if (!config.ui.floatingButton)
    findings.push({
      severity: "warning",
      rule: "withdraw-page-link-only",
      field: "ui.floatingButton",
      why: "Without the floating button, visitors withdraw only through a link you put on every page (any element with data-assent-open). Withdrawing must be as easy as consenting: acknowledge only if every page has such a visible link.",
      guidance: GUIDANCE.edpbTaskforce,
    });
  return findings;
}
