import { lintConfig, POLICY_BUMP_REASON_MAX, type SiteConfig } from "@assent/core";
import { useMemo, useState } from "preact/hooks";
import { ApiRequestError, bumpPolicy } from "../api";
import { ConfirmDialog, useAdmin } from "../ui";
import { FindingText } from "./compliance-findings";

export interface PolicyBumpProps {
  current: string;
  /** The published configuration a bump re-publishes, whose warnings it acknowledges again. */
  published?: SiteConfig;
  /** The site's origins, as the linter weighs policy links. */
  siteOrigins: readonly string[];
  onBumped: (policyVersion: string) => void;
  /** Another version was published meanwhile (`CONFIG_CHANGED`): the caller reloads it. */
  onOutdated?: () => void;
}

/**
 * Bumping the policy version, with what it means for visitors said before and after. The
 * confirmation takes a reason, kept in the audit log; the server requires one when nothing
 * visitors see or are asked changed since the current version began, less than six months ago
 * or than the site remembers a refusal (asking again would override recent refusals), and then the dialog stays open to ask for it.
 */
export function PolicyBump({
  current,
  published,
  siteOrigins,
  onBumped,
  onOutdated,
}: PolicyBumpProps) {
  const { site, can, failure } = useAdmin();
  const [wanted, setWanted] = useState("");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  /** The server's refusal of a bump without a reason, shown in the dialog beside the field. */
  const [reasonNeeded, setReasonNeeded] = useState("");
  // One finding per warned rule: the bump acknowledges each rule once, as publishing does.
  const warnings = useMemo(() => {
    const all = published ? lintConfig(published, { siteOrigins }) : [];
    return all.filter(
      (f, i) => f.severity === "warning" && all.findIndex((g) => g.rule === f.rule) === i,
    );
  }, [published, siteOrigins]);

  const bump = async () => {
    setConfirming(false);
    setError("");
    setReasonNeeded("");
    try {
      const version = await bumpPolicy(
        site.key,
        wanted.trim() || undefined,
        warnings.map((f) => f.rule).sort(),
        reason.trim() || undefined,
      );
      setMessage(
        `Policy version is now ${version.config.policyVersion}. Every visitor will be asked again on their next page view.`,
      );
      setWanted("");
      setReason("");
      onBumped(version.config.policyVersion);
    } catch (caught) {
      if (caught instanceof ApiRequestError && caught.code === "POLICY_UNCHANGED") {
        setReasonNeeded(caught.message);
        setConfirming(true);
      } else {
        setError(failure(caught));
        if (caught instanceof ApiRequestError && caught.code === "CONFIG_CHANGED") onOutdated?.();
      }
    }
  };

  return (
    <section aria-labelledby="bump-heading" class="card-form">
      <h2 id="bump-heading">Policy version</h2>
      <p>
        Current policy version: <strong data-testid="policy-version">{current}</strong>
      </p>
      <p id="bump-help" class="help">
        Bump the version when your privacy or cookie policy changes in a way visitors should agree
        to again. Every visitor's earlier choice stops counting: they will see the banner again on
        their next visit, with their last choice pre-filled, and nothing new is switched on until
        they decide.
      </p>
      {can("admin") && (
        <div class="inline-add">
          <label for="bump-version">New version (optional)</label>
          <input
            id="bump-version"
            value={wanted}
            placeholder={/^\d+$/.test(current) ? String(Number(current) + 1) : "e.g. 2026-02"}
            onInput={(e) => setWanted(e.currentTarget.value)}
            aria-describedby="bump-help"
          />
          <button class="button danger" type="button" onClick={() => setConfirming(true)}>
            Bump policy version
          </button>
        </div>
      )}
      <p role="status">{message}</p>
      <p class="form-error" role="alert">
        {error}
      </p>
      {confirming && (
        <ConfirmDialog
          title="Ask every visitor again?"
          confirmLabel="Bump and ask again"
          onConfirm={bump}
          onCancel={() => {
            setConfirming(false);
            setReasonNeeded("");
          }}
        >
          <p>
            The published configuration is republished under a new policy version. All visitors will
            be asked for their consent again.
          </p>
          <label for="bump-reason">Why ask everyone again?</label>
          <textarea
            id="bump-reason"
            rows={2}
            maxLength={POLICY_BUMP_REASON_MAX}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            aria-describedby="bump-reason-help"
            aria-invalid={reasonNeeded ? "true" : undefined}
          />
          <p id="bump-reason-help" class="help">
            Kept in the audit log. Needed when nothing visitors see or are asked has changed since
            the current version began less recently than the site remembers a refusal (six months at
            least): asking again would override the refusals of visitors who said no recently.
          </p>
          {reasonNeeded && (
            <p class="form-error" role="alert">
              {reasonNeeded}
            </p>
          )}
          {warnings.length > 0 && (
            <>
              <p>Bumping acknowledges again the warnings of the published configuration:</p>
              <ul class="findings" aria-label="Warnings acknowledged">
                {warnings.map((f) => (
                  <li class="finding warning" key={f.rule}>
                    <FindingText finding={f} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
