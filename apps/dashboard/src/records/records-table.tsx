import type { AdminReceipt } from "@assent/core";
import type { Ref } from "preact";
import { categoryColumns, categoryLabel } from "./category-columns";
import { formatServerTime, methodLabel } from "./receipt-format";

export interface RecordsTableProps {
  receipts: readonly AdminReceipt[];
  /** Whether the first page has arrived; before that there is no empty state to show. */
  loaded: boolean;
  /** The scrolling container, focusable so keyboard users can scroll a wide table. */
  scrollRef?: Ref<HTMLElement>;
  /** Opens a receipt's detail view; without it the table has no detail buttons. */
  onOpen?: (receipt: AdminReceipt) => void;
}

/** Consent receipts as a table. Everything a visitor's browser sent is rendered as text. */
export function RecordsTable({ receipts, loaded, scrollRef, onOpen }: RecordsTableProps) {
  const categories = categoryColumns(receipts);
  return (
    <section ref={scrollRef} class="table-scroll" aria-labelledby="records-caption" tabindex={0}>
      <table class="records">
        <caption id="records-caption">Consent records</caption>
        <thead>
          <tr>
            <th scope="col">Server time</th>
            <th scope="col">Subject</th>
            <th scope="col">Method</th>
            {categories.map((id) => (
              <th key={id} scope="col" data-category={id}>
                {categoryLabel(id)}
              </th>
            ))}
            <th scope="col">Policy version</th>
            {onOpen && <th scope="col">Receipt</th>}
          </tr>
        </thead>
        <tbody>
          {receipts.map((receipt) => (
            <tr key={receipt.id} data-receipt-id={receipt.id}>
              <th scope="row" class="time">
                <time datetime={receipt.serverTime}>{formatServerTime(receipt.serverTime)}</time>
              </th>
              <td>
                {receipt.erasedAt ? (
                  <span class="erased">Erased</span>
                ) : (
                  <code class="subject">{receipt.subjectId}</code>
                )}
              </td>
              <td>{methodLabel(receipt.method)}</td>
              {categories.map((id) => (
                <td key={id} data-category={id}>
                  <DecisionText granted={receipt.decision.categories[id]} />
                </td>
              ))}
              <td>{receipt.policyVersion}</td>
              {onOpen && (
                <td>
                  <button
                    class="button small"
                    type="button"
                    aria-label={`Details of receipt ${receipt.id}`}
                    onClick={() => onOpen(receipt)}
                  >
                    Details
                  </button>
                </td>
              )}
            </tr>
          ))}
          {loaded && receipts.length === 0 && (
            <tr>
              <td class="empty" colspan={4}>
                No consent records match.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function DecisionText({ granted }: { granted: boolean | undefined }) {
  if (granted === undefined) {
    return (
      <span class="decision unrecorded">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">Not recorded</span>
      </span>
    );
  }
  return granted ? (
    <span class="decision granted">Granted</span>
  ) : (
    <span class="decision denied">Denied</span>
  );
}
