// One contract per resource and verb: the request and response schemas the SDK sends, the API
// validates and documents (OpenAPI), and the dashboard reads.
export { AccountPasswordChange, type PasswordChanged } from "./account.password";
export {
  type AccountSession,
  AccountSessionSchema,
  AccountSessionsEnd,
  AccountSessionsList,
  type SessionsEnded,
} from "./account.sessions";
export { AdminReceiptsList } from "./admin-receipts.list";
export { AuditList } from "./audit.list";
export { ConfigDraftSave, ConfigGet } from "./config.get";
export { ConfigBump, ConfigPublish } from "./config.publish";
export { ConfigVersionsGet } from "./config.versions.get";
export { ConfigVersionsList } from "./config.versions.list";
export { ErrorBodySchema } from "./error";
export {
  continuationMarker,
  type ExportContinuation,
  ExportsGet,
  joinExportParts,
  partContinuation,
  readContinuation,
} from "./exports.get";
export { HealthGet } from "./health.get";
export { InvitationsAccept } from "./invitations.accept";
export { InvitationsCreate } from "./invitations.create";
export { InvitationsInspect } from "./invitations.inspect";
export { JwksGet } from "./jwks.get";
export { LoaderGet } from "./loader.get";
export {
  LogCheckpointGet,
  LogTileGet,
  LogVkeyGet,
  type ReceiptFile,
  ReceiptFileSchema,
  type ReceiptLogProof,
  ReceiptLogProofSchema,
  ReceiptsProof,
} from "./log";
export { MembersList } from "./members.list";
export { MembersUpdate } from "./members.update";
export { OpenApiGet } from "./openapi.get";
export { ReceiptsCreate } from "./receipts.create";
export { ReceiptsGet } from "./receipts.get";
export { RetentionChangeCancel } from "./retention-change.cancel";
export { SessionCreate, SessionGet } from "./session.create";
export {
  AdminReceiptSchema,
  ApiTokenSchema,
  AuditEntrySchema,
  ConfigVersionSchema,
  ConfigVersionSummarySchema,
  InvitationSchema,
  MemberSchema,
  PublishedConfigSchema,
  SiteSettingsSchema,
  SiteSummarySchema,
  StatsBucketSchema,
  StoredReceiptSchema,
} from "./shapes";
export { SiteConfigGet } from "./site-config.get";
export { SitesCreate } from "./sites.create";
export { SitesGet } from "./sites.get";
export { SitesList } from "./sites.list";
export { SitesUpdate } from "./sites.update";
export { StatsGet } from "./stats.get";
export { SubjectsErase } from "./subjects.erase";
export { SubjectsGet } from "./subjects.get";
export {
  type AccessReport,
  type AccessReportRecord,
  AccessReportSchema,
  type AccessReportSite,
  SubjectsReport,
} from "./subjects.report";
export { TokensCreate } from "./tokens.create";
export { TokensList } from "./tokens.list";
export {
  type Witness,
  WitnessCreateSchema,
  type WitnessedLog,
  WitnessedLogCreateSchema,
  WitnessedLogSchema,
  WitnessedLogsCreate,
  WitnessedLogsList,
  WitnessesCreate,
  WitnessesList,
  WitnessSchema,
} from "./witness";
export { type StandardWording, StandardWordingSchema, WordingsGet } from "./wordings.get";
