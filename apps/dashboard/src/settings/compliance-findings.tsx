import { type ComplianceFinding, GUIDANCE } from "@assent/core";

export interface ComplianceFindingsProps {
  findings: readonly ComplianceFinding[];
  /** The warning rules the owner has ticked. */
  acknowledged: ReadonlySet<string>;
  onAcknowledge: (rule: string, acknowledged: boolean) => void;
  /** Only admins publish, so only they acknowledge. */
  disabled: boolean;
}

const label = (f: ComplianceFinding) => `${f.rule} (${f.field})`;

/** One finding: its rule and field, why it matters, and the guidance behind it. */
export function FindingText({ finding: f }: { finding: ComplianceFinding }) {
  return (
    <>
      <p>
        <code>{f.rule}</code> at <code>{f.field}</code>
      </p>
      <p>{f.why}</p>
      <a href={f.guidance} target="_blank" rel="noopener noreferrer">
        Guidance
      </a>
    </>
  );
}

/**
 * What the compliance linter finds in the configuration being edited: errors, which block
 * publishing, and warnings, each with a box the owner ticks to acknowledge it before publishing.
 * A rule warned about at several fields is acknowledged once.
 */
export function ComplianceFindings({
  findings,
  acknowledged,
  onAcknowledge,
  disabled,
}: ComplianceFindingsProps) {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const firstOfRule = (f: ComplianceFinding) => warnings.find((w) => w.rule === f.rule) === f;
  return (
    <section aria-labelledby="findings-heading" class="compliance-findings">
      <h3 id="findings-heading">Compliance check</h3>
      <p class="help">
        Checked as you edit against the{" "}
        <a href={GUIDANCE.edpbTaskforce} target="_blank" rel="noopener noreferrer">
          EDPB cookie banner taskforce's findings
        </a>
        , the ICO's and CNIL's guidance.
      </p>
      {findings.length === 0 && <p role="status">Nothing to fix or acknowledge.</p>}
      {errors.length > 0 && (
        <>
          <p>
            <strong>
              {errors.length === 1 ? "1 error" : `${errors.length} errors`} to fix before publishing
            </strong>
          </p>
          <ul class="findings" aria-label="Errors">
            {errors.map((f) => (
              <li class="finding error" key={label(f)}>
                <FindingText finding={f} />
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <p>
            <strong>
              {warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`} to acknowledge
              before publishing
            </strong>
          </p>
          <ul class="findings" aria-label="Warnings">
            {warnings.map((f) => (
              <li class="finding warning" key={label(f)}>
                <FindingText finding={f} />
                {firstOfRule(f) && (
                  <div class="choice">
                    <input
                      id={`ack-${f.rule}`}
                      type="checkbox"
                      disabled={disabled}
                      checked={acknowledged.has(f.rule)}
                      onChange={(e) => onAcknowledge(f.rule, e.currentTarget.checked)}
                    />
                    <label for={`ack-${f.rule}`}>I acknowledge {f.rule}</label>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
