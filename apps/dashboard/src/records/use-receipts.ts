import type { AdminReceipt } from "@assent/core";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { isSessionEnded, listReceipts, type ReceiptFilters, userMessage } from "../api";

export type ReceiptsStatus = "loading" | "loading-more" | "ready" | "error";

export interface ReceiptsState {
  receipts: AdminReceipt[];
  nextCursor: string | null;
  status: ReceiptsStatus;
  /** Set when `status` is `error`. */
  error: string;
}

export interface Receipts extends ReceiptsState {
  /** Fetches the page after the last one shown; resolves `true` once the last page is in. */
  loadMore: () => Promise<boolean>;
  /** Repeats the request that failed. */
  retry: () => void;
}

const INITIAL: ReceiptsState = { receipts: [], nextCursor: null, status: "loading", error: "" };

/**
 * A site's receipts matching `filters`, newest first, one keyset page at a time. A 401 calls
 * `onSessionEnded` instead of showing an error. New filters start again from the first page.
 */
export function useReceipts(
  site: string,
  filters: ReceiptFilters,
  onSessionEnded: () => void,
): Receipts {
  const [state, setState] = useState<ReceiptsState>(INITIAL);
  const inFlight = useRef<AbortController | null>(null);
  const sessionEnded = useRef(onSessionEnded);
  sessionEnded.current = onSessionEnded;
  const filterKey = JSON.stringify(filters);

  const fetchPage = useCallback(
    (cursor: string | null): Promise<boolean> => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState((s) => ({ ...s, status: cursor ? "loading-more" : "loading", error: "" }));

      return listReceipts({ site, filters, cursor, signal: controller.signal }).then(
        (page) => {
          if (controller.signal.aborted) return false;
          setState((s) => ({
            receipts: cursor ? appendNew(s.receipts, page.items) : page.items,
            nextCursor: page.nextCursor,
            status: "ready",
            error: "",
          }));
          return page.nextCursor === null;
        },
        (error: unknown) => {
          if (controller.signal.aborted) return false;
          if (isSessionEnded(error)) sessionEnded.current();
          else setState((s) => ({ ...s, status: "error", error: userMessage(error) }));
          return false;
        },
      );
    },
    [site, filterKey],
  );

  useEffect(() => {
    void fetchPage(null);
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = async () => {
    if (state.status !== "ready" || !state.nextCursor) return false;
    return fetchPage(state.nextCursor);
  };
  const retry = () => {
    void fetchPage(state.receipts.length > 0 ? state.nextCursor : null);
  };
  return { ...state, loadMore, retry };
}

/** Adds a page to the list, skipping any receipt already shown. */
function appendNew(shown: AdminReceipt[], page: AdminReceipt[]): AdminReceipt[] {
  const ids = new Set(shown.map((receipt) => receipt.id));
  return [...shown, ...page.filter((receipt) => !ids.has(receipt.id))];
}
