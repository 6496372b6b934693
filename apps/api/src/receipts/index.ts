export { type RawSql, rawSql } from "./raw-batch";
export { receiptReadRoutes, SUBJECT_HEADER } from "./receipt-read.routes";
export {
  appendStatements,
  type PendingSignature,
  type ReceiptWrite,
  SIGNATURE_SLOT,
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
