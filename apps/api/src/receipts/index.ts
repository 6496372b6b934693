export type { AppendLog, LogEntry, StoredEntry } from "./append-log";
export { inProcessLog } from "./in-process-log";
export { type RawSql, rawSql } from "./raw-batch";
export { receiptReadRoutes, SUBJECT_HEADER } from "./receipt-read.routes";
export {
  type AppendRows,
  appendRows,
  appendStatements,
  type ReceiptWrite,
  rowStatements,
  type Statement,
  tableStatements,
  utcDay,
} from "./receipt-statements";
export {
  type ReceiptRow,
  receiptRow,
  type ServerStamp,
  toStoredReceipt,
} from "./receipt-store";
export { type IngestLimits, ReceiptWriter, type WriteResult } from "./receipt-writer";
export { MAX_RECEIPT_BYTES, receiptRoutes } from "./receipts.routes";
export { receiptCreateRoute, receiptReadRoute } from "./receipts.spec";
export { signEntries, signedWrites, type ToSign } from "./sign-entries";
