import type { AuditEntry, ErasureResult } from "@assent/core";
import { formatServerTime } from "../records/receipt-format";

/** What an erasure did, and the audit entry that records it. */
export function ErasureReport({ result, audit }: { result: ErasureResult; audit: unknown }) {
  const entry = audit as AuditEntry | undefined;
  return (
    <section class="erasure-report" aria-labelledby="erasure-heading">
      <h2 id="erasure-heading">Erasure done</h2>
      <p role="status">
        Erased the personal fields of {result.erased} {result.erased === 1 ? "record" : "records"}{" "}
        on {formatServerTime(result.erasedAt)}.
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
