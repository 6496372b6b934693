import * as v from "valibot";
import { ReceiptQuerySchema } from "../admin-query";
import { AdminReceiptSchema } from "./shapes";

/** `GET /v1/admin/receipts`: a page of receipts, newest first. */
export const AdminReceiptsList = {
  query: ReceiptQuerySchema,
  response: v.object({ items: v.array(AdminReceiptSchema), nextCursor: v.nullable(v.string()) }),
};
