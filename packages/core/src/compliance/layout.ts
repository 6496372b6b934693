import { NECESSARY } from "../categories";
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
 * How the banner sits on the page and how a visitor withdraws: a centred modal over the site's
 * own privacy policy (the visitor cannot read it before choosing), withdrawing with no floating
 * button, and a withdrawal that does not reload the page (`reloadOnWithdraw: false`) while
 * services that need consent are listed: a script that already ran keeps running, and may set
 * again the cookies the withdrawal deleted, until the visitor leaves the page, unless the site
 * stops it itself (GDPR art. 7(3): withdrawing must be as effective as consenting).
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
  const running = config.services.filter((s) => s.category !== NECESSARY).map((s) => s.id);
  if (config.reloadOnWithdraw === false && running.length)
    findings.push({
      severity: "warning",
      rule: "withdraw-without-reload",
      field: "reloadOnWithdraw",
      why: `The page is not reloaded after a withdrawal, so ${running.map((id) => `"${id}"`).join(", ")} keep${running.length === 1 ? "s" : ""} running once it has run (and may set again the cookies the withdrawal deleted) until the visitor leaves the page. Acknowledge only if the site stops them itself on the assent:change event.`,
      guidance: GUIDANCE.gdprWithdrawal,
    });
  return findings;
}
