import * as v from "valibot";
import { AuditEntrySchema } from "./shapes";

/** `GET /v1/admin/sites/:site/audit`: the audit log, newest first. */
export const AuditList = {
  response: v.object({ items: v.array(AuditEntrySchema), nextBefore: v.nullable(v.number()) }),
};
