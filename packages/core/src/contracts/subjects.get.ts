import * as v from "valibot";
import { AdminReceiptSchema } from "./shapes";

/** `GET /v1/admin/subjects/:subjectId`: every receipt held for a subject, and its last erasure. */
export const SubjectsGet = {
  response: v.object({
    site: v.string(),
    subjectId: v.string(),
    receipts: v.array(AdminReceiptSchema),
    lastErasure: v.nullable(v.object({ at: v.string(), auditId: v.number() })),
  }),
};
