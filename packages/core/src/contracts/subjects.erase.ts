import * as v from "valibot";

/**
 * `DELETE /v1/admin/subjects/:subjectId`: a subject's personal fields erased, the proof kept; or,
 * with `alreadyErased`, nothing left to erase since the earlier erasure `erasedAt`, `auditId`.
 */
export const SubjectsErase = {
  response: v.object({
    site: v.string(),
    erased: v.number(),
    receiptIds: v.array(v.string()),
    erasedAt: v.string(),
    auditId: v.number(),
    alreadyErased: v.boolean(),
  }),
};
