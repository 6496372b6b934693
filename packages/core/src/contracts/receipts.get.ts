import { StoredReceiptSchema } from "./shapes";

/** `GET /v1/receipts/:id`: a visitor reads back a receipt of theirs. */
export const ReceiptsGet = { response: StoredReceiptSchema };
