import type { AuditEntry } from "@assent/core";
import { useState } from "preact/hooks";
import { listAudit } from "../api";
import { formatServerTime } from "../records/receipt-format";
import { LoadState, useAdmin, useLoad } from "../ui";

/** The site's audit log, newest first, fifty entries at a time. */
export function AuditView() {
  const { site, failure } = useAdmin();
  const first = useLoad(() => listAudit(site.key), site.key);
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [before, setBefore] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState("");
  if (!first.data) return <LoadState loaded={first} what="the audit log" />;
  const entries = [...first.data.items, ...more];
  const next = before === undefined ? first.data.nextBefore : before;

  const loadMore = async () => {
    try {
      const page = await listAudit(site.key, next);
      setMore((m) => [...m, ...page.items]);
      setBefore(page.nextBefore);
    } catch (caught) {
      setError(failure(caught));
    }
  };

  return (
    <div class="audit-view">
      <section class="table-scroll" aria-labelledby="audit-caption" tabindex={0}>
        <table class="figures">
          <caption id="audit-caption">Audit log</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-audit-id={entry.id}>
                <th scope="row">
                  <time datetime={entry.at}>{formatServerTime(entry.at)}</time>
                </th>
                <td>{entry.user ?? (entry.tokenId ? `API token #${entry.tokenId}` : "—")}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.target ?? "—"}</td>
                <td class="detail">
                  {entry.detail === null ? "—" : <code>{JSON.stringify(entry.detail)}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p class="form-error" role="alert">
        {error}
      </p>
      {next && (
        <button class="button" type="button" onClick={loadMore}>
          Load older entries
        </button>
      )}
    </div>
  );
}
