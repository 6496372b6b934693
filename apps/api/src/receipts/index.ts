export { storeReceipt, toStoredReceipt } from "./receipt-store";
export { MAX_RECEIPT_BYTES, receiptRoutes } from "./receipts.routes";
