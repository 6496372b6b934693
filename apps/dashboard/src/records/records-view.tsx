import type { AdminReceipt } from "@assent/core";
import { useRef, useState } from "preact/hooks";
import type { ReceiptFilters } from "../api";
import { useAdmin } from "../ui";
import { ReceiptDetail } from "./receipt-detail";
import { RecordFilters } from "./record-filters";
import { RecordsTable } from "./records-table";
import { type Receipts, useReceipts } from "./use-receipts";

/** The consent log of one site: filters, a keyset-paged table, and a receipt's detail. */
export function RecordsView() {
  const { site, onSessionEnded } = useAdmin();
  const [filters, setFilters] = useState<ReceiptFilters>({});
  const [open, setOpen] = useState<AdminReceipt | null>(null);
  const records = useReceipts(site.key, filters, onSessionEnded);
  const scrollRef = useRef<HTMLElement>(null);
  const loadMoreButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<string | null>(null);

  const loadMore = async () => {
    const button = loadMoreButton.current;
    const lastPage = await records.loadMore();
    // With the last page in, the button goes away. If focus was on it (and so fell back to
    // <body>), hand it to the table instead; if the user has moved on, leave it be.
    const focus = document.activeElement;
    if (lastPage && (focus === button || focus === document.body || focus === null)) {
      scrollRef.current?.focus();
    }
  };

  const close = () => {
    setOpen(null);
    // Back where the user was: the row's Details button.
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLButtonElement>(`tr[data-receipt-id="${opener.current}"] button`)
        ?.focus(),
    );
  };

  if (open) return <ReceiptDetail receipt={open} onClose={close} />;

  return (
    <div class="records-view">
      <RecordFilters onApply={setFilters} />
      <p class="records-status" role="status">
        {statusText(records)}
      </p>
      <RecordsTable
        receipts={records.receipts}
        loaded={records.status !== "loading"}
        scrollRef={scrollRef}
        onOpen={(receipt) => {
          opener.current = receipt.id;
          setOpen(receipt);
        }}
      />
      {records.status === "error" && (
        <div class="load-error" role="alert">
          <p>{records.error}</p>
          <button class="button" type="button" onClick={records.retry}>
            Try again
          </button>
        </div>
      )}
      {records.nextCursor && records.status !== "error" && (
        <button
          ref={loadMoreButton}
          class="button load-more"
          type="button"
          aria-disabled={records.status === "loading-more"}
          onClick={loadMore}
        >
          Load more
        </button>
      )}
    </div>
  );
}

function statusText({ status, receipts, nextCursor }: Receipts): string {
  if (status === "loading") return "Loading consent records…";
  if (status === "loading-more") return "Loading more consent records…";
  const count = receipts.length;
  if (count === 0) return "";
  if (nextCursor) return `Showing the latest ${count} ${count === 1 ? "record" : "records"}.`;
  return count === 1 ? "Showing 1 record." : `Showing all ${count} records.`;
}
