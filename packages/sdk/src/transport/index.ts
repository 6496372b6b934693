export {
  HISTORY_LIMIT,
  type HistoryEntry,
  receiptHistory,
  rememberReceipt,
} from "./receipt-history";
export { sendReceipt } from "./send-receipt";
