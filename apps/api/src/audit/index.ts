export {
  type AuditInsert,
  type AuditRecord,
  auditDetail,
  auditInsert,
  listAudit,
  recordAudit,
  runAuditInsert,
} from "./audit-log";
export { subjectRef } from "./subject-ref";
