import * as v from "valibot";
import { AdminReceiptSchema } from "./shapes";

/**
 * `GET /v1/admin/subjects/:subjectId`: the receipts held for a subject, oldest first, and its last
 * erasure. `held` counts every receipt held: a subject with more than the answer lists (10,000;
 * subject ids are chosen by browsers, so anyone can make such a history) is told so, never
 * answered as if the list were complete; the export filtered by the subject id has them all.
 */
export const SubjectsGet = {
  response: v.object({
    site: v.string(),
    subjectId: v.string(),
    receipts: v.array(AdminReceiptSchema),
    held: v.number(),
    lastErasure: v.nullable(v.object({ at: v.string(), auditId: v.number() })),
  }),
};
