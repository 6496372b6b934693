import type { AuditEntry, ErasureResult } from "@assent/core";
import { formatServerTime } from "../records";

/**
 * What an erasure did, and the audit entry that records it; or, when an earlier erasure had
 * already erased everything held, that erasure and its entry.
 */
export function ErasureReport({ result, audit }: { result: ErasureResult; audit: unknown }) {
  const entry = audit as AuditEntry | undefined;
  const heading = result.alreadyErased ? "Already erased" : "Erasure done";
  return (
    <section class="erasure-report" aria-labelledby="erasure-heading">
      <h2 id="erasure-heading">{heading}</h2>
      <p role="status">
        {result.alreadyErased
          ? `Nothing more was held for this subject id: its records were erased on ${formatServerTime(result.erasedAt)}.`
          : `Erased the personal fields of ${result.erased} ${result.erased === 1 ? "record" : "records"} on ${formatServerTime(result.erasedAt)}.`}
      </p>
      <p>
        Audit entry <strong>#{result.auditId}</strong>
        {entry
          ? `: ${entry.action} by ${entry.user ?? "an API token"} at ${formatServerTime(entry.at)}, subject ${entry.target ?? ""}`
          : ""}
        .
      </p>
    </section>
  );
}
