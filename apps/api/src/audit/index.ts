export {
  type AuditInsert,
  type AuditRecord,
  auditDetail,
  auditInsert,
  listAudit,
  recordAudit,
  runAuditInsert,
} from "./audit-log";
