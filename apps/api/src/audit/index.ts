export { type AuditRecord, listAudit, recordAudit } from "./audit-log";
