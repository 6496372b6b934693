import { ReceiptInputSchema } from "../receipt";
import { StoredReceiptSchema } from "./shapes";

/** `POST /v1/receipts`: the SDK sends a receipt; the API answers with it stored and signed. */
export const ReceiptsCreate = { request: ReceiptInputSchema, response: StoredReceiptSchema };
