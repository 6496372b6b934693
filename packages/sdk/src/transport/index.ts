export {
  flush,
  indexedDbOutbox,
  MAX_BACKOFF_MS,
  type OutboxOptions,
  type OutboxStore,
  postReceipt,
  resetOutbox,
  type SendResult,
} from "./outbox";
export { OUTBOX_PREFIX, PENDING_FLAG, WRITE_AHEAD } from "./outbox-keys";
export { downloadReceiptFile, receiptFile } from "./receipt-file";
export {
  HISTORY_LIMIT,
  type HistoryEntry,
  receiptHistory,
  rememberReceipt,
} from "./receipt-history";
