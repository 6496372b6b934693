export { type RawSql, rawSql } from "./raw-batch";
export { receiptReadRoutes, SUBJECT_HEADER } from "./receipt-read.routes";
export {
  type AppendRows,
  appendRows,
  appendStatements,
  type PendingSignature,
  type ReceiptToSign,
  type ReceiptWrite,
  rowStatements,
  SIGNATURE_COLUMN,
  SINGLE_ROW_SQL,
  type Statement,
  utcDay,
} from "./receipt-statements";
export {
  type ReceiptRow,
  receiptRow,
  type ServerStamp,
  toStoredReceipt,
} from "./receipt-store";
export {
  ReceiptWriter,
  receiptWriter,
  type WriteResult,
  type WriterLimits,
} from "./receipt-writer";
export { MAX_RECEIPT_BYTES, receiptRoutes } from "./receipts.routes";
export { receiptCreateRoute, receiptReadRoute } from "./receipts.spec";
