import * as v from "valibot";
import { PolicyBumpReasonSchema } from "../policy-bump";
import { COMPLIANCE_RULES, type ComplianceFinding, type ComplianceRule } from "./finding";

/** A list of compliance rule ids an owner acknowledges (each at most once in effect). */
export const AcknowledgeSchema = v.pipe(
  v.array(v.picklist(COMPLIANCE_RULES)),
  v.maxLength(COMPLIANCE_RULES.length),
);

/**
 * `POST /v1/admin/sites/:site/config/publish` body: the warning rules the owner acknowledges.
 * It must name exactly the rules of the draft's current warnings (none: no body needed). A
 * draft that changes the policy version is a policy bump, paced like one: `reason` says why
 * visitors are asked again when nothing they see changed (`bumpNeedsReason`).
 */
export const PublishRequestSchema = v.strictObject({
  acknowledge: v.optional(AcknowledgeSchema, []),
  reason: v.optional(PolicyBumpReasonSchema),
});

/** A publish request. */
export type PublishRequest = v.InferInput<typeof PublishRequestSchema>;

/** The distinct rules of the warnings among `findings`, sorted: what an owner acknowledges. */
export function warningRules(findings: readonly ComplianceFinding[]): ComplianceRule[] {
  return [...new Set(findings.filter((f) => f.severity === "warning").map((f) => f.rule))].sort();
}

/**
 * How an acknowledgement differs from the warnings it should acknowledge: the rules still
 * unacknowledged and those acknowledged but not (or no longer) warned about. Both empty: it
 * matches exactly.
 */
export function acknowledgementGap(
  findings: readonly ComplianceFinding[],
  acknowledged: readonly string[],
): { missing: ComplianceRule[]; extra: string[] } {
  const warned = warningRules(findings);
  return {
    missing: warned.filter((rule) => !acknowledged.includes(rule)),
    extra: [...new Set(acknowledged)]
      .filter((rule) => !warned.includes(rule as ComplianceRule))
      .sort(),
  };
}
