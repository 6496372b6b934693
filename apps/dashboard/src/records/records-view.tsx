import { useRef } from "preact/hooks";
import { RecordsTable } from "./records-table";
import { type Receipts, useReceipts } from "./use-receipts";

export interface RecordsViewProps {
  /** Site key whose receipts are shown. Give the view `key={site}` so a switch starts afresh. */
  site: string;
  /** Called when the API answers 401: the admin session is over. */
  onSessionEnded: () => void;
}

/** The consent log of one site: a table, keyset paging, and loading and error states. */
export function RecordsView({ site, onSessionEnded }: RecordsViewProps) {
  const records = useReceipts(site, onSessionEnded);
  const scrollRef = useRef<HTMLElement>(null);
  const loadMoreButton = useRef<HTMLButtonElement>(null);

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

  return (
    <div class="records-view">
      <p class="records-status" role="status">
        {statusText(records)}
      </p>
      <RecordsTable
        receipts={records.receipts}
        loaded={records.status !== "loading"}
        scrollRef={scrollRef}
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
