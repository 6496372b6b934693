export {
  type AdminSession,
  type ApiTokenSummary,
  type AuditEntry,
  type ConfigState,
  type ConfigVersion,
  type ConfigVersionSummary,
  type CreatedApiToken,
  CSRF_HEADER,
  DEFAULT_RETENTION_DAYS,
  hasRole,
  type Member,
  type MemberInviteRequest,
  MemberInviteSchema,
  MemberRoleSchema,
  nameSchema,
  PolicyBumpSchema,
  passwordSchema,
  RETENTION_GRACE_DAYS,
  ROLES,
  type Role,
  type ScheduledRetentionChange,
  type SignInRequest,
  type SiteCreateRequest,
  SiteCreateSchema,
  type SiteSettings,
  type SiteSummary,
  type SiteUpdateRequest,
  SiteUpdateSchema,
  type TokenCreateRequest,
  TokenCreateSchema,
} from "./admin";
export {
  type AcceptedInvitation,
  type CreatedInvitation,
  INVITATION_TTL_DAYS,
  type Invitation,
  type InvitationAcceptRequest,
  InvitationAcceptSchema,
  type InvitationDetails,
  InvitationTokenSchema,
} from "./admin-invitations";
export {
  type AdminReceipt,
  CATEGORY_ID,
  type CategoryRate,
  type ErasureResult,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportQuery,
  ExportQuerySchema,
  MAX_STATS_DAYS,
  type ReceiptFilter,
  type ReceiptPage,
  type ReceiptQuery,
  ReceiptQuerySchema,
  receiptFilterEntries,
  type SiteStats,
  type StatsBucket,
  type StatsQuery,
  StatsQuerySchema,
  type SubjectRecords,
} from "./admin-query";
export { canonicalJson, sha256Hex } from "./canonical-json";
export {
  CATALOGUE,
  type CatalogueEntry,
  CONSENT_MODE_KEYS,
  type ConsentModeKey,
  type StoredItem,
} from "./catalogue";
export { CATALOGUE_HOSTS, CATALOGUE_TRACES } from "./catalogue-hosts";
export {
  type Category,
  DEFAULT_CATEGORIES,
  isRequired,
  NECESSARY,
  type Service,
} from "./categories";
export {
  acknowledgementGap,
  COMPLIANCE_RULES,
  type ComplianceFinding,
  type ComplianceRule,
  GUIDANCE,
  type LintContext,
  type LintedConfig,
  lintConfig,
  type PublishRequest,
  PublishRequestSchema,
  type Severity,
  WORDING,
  type WordingDictionary,
  warningRules,
} from "./compliance";
export {
  CONTROL_TEXT_KEYS,
  configGuardIssues,
  GUARD_RULES,
  type GuardedConfig,
  type GuardIssue,
  type GuardRule,
  guardMessage,
  hardGuards,
  MAX_COOKIE_DAYS,
  MAX_DECISION_DAYS,
  MIN_REFUSAL_DAYS,
  READS_CONSENT_MODE,
} from "./config-guards";
export {
  CONSENT_COOKIE,
  type ConsentRecord,
  decodeConsentCookie,
  encodeConsentCookie,
  expiresAt,
  isCurrent,
  readCookie,
  reconcile,
  type ValidityScope,
} from "./consent-cookie";
export {
  ADVERTISING_CONSENT_MODE_KEYS,
  type ConsentModeState,
  consentModeState,
  DEFAULT_CONSENT_MODE_CATEGORIES,
  GATED_CONSENT_MODE_KEYS,
} from "./consent-mode";
export * from "./contracts";
export { cookieDomains, cookiePaths, expiringCookies, isPublicSuffix } from "./cookie-domains";
export {
  acceptAll,
  allowsElement,
  type Choice,
  CONSENT_METHODS,
  type ConsentMethod,
  type Decision,
  type DecisionScope,
  decide,
  grantsAnything,
  isAllowed,
  rejectAll,
} from "./decision";
export { API_ERRORS, type ApiErrorCode, isApiErrorCode } from "./errors";
export { matchHost, serviceForUrl } from "./host-match";
export { newSubjectId, SUBJECT_ID, UUID_V7, uuidv7, uuidv7Time } from "./ids";
export {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type Language,
  RIGHT_TO_LEFT,
} from "./languages";
export { nameMatches } from "./name-patterns";
export { pageServices, withCatalogueHosts } from "./page-services";
export {
  ID_PATTERN,
  LANGUAGE_TAG_PATTERN,
  POLICY_VERSION_PATTERN,
  RESERVED_IDS,
  SITE_KEY_PATTERN,
} from "./patterns";
export {
  categoryPurposes,
  DEFAULT_CATEGORY_PURPOSES,
  GPC_PURPOSES,
  gpcRefused,
  gpcRefuses,
  PURPOSES,
  type Purpose,
  type PurposeScope,
} from "./purposes";
export {
  type ApiError,
  type Page,
  parseReceiptInput,
  type ReceiptInput,
  ReceiptInputSchema,
  type ReceiptProof,
  type StoredReceipt,
} from "./receipt";
export { receiptMismatch } from "./receipt-match";
export {
  type ReceiptJwk,
  type ReceiptJwks,
  type ReceiptVerification,
  receiptDigest,
  receiptSigningPayload,
  SIGNED_RECEIPT_FIELDS,
  verifyReceipt,
} from "./receipt-proof";
export { catalogueEntry, completeService, type SiteService } from "./services";
export {
  DEFAULT_PRIVACY_POLICY_URL,
  defaultSiteConfig,
  type LoaderBoot,
  parseSiteConfig,
  type SiteConfig,
  type SiteConfigInput,
  SiteConfigSchema,
} from "./site-config";
export { type BannerTextKey, ENGLISH_TEXTS } from "./texts";
