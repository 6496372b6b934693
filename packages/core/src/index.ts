export type { AdminSession, Role, SignInRequest, SiteSummary } from "./admin";
export { canonicalJson, sha256Hex } from "./canonical-json";
export {
  type Category,
  DEFAULT_CATEGORIES,
  isRequired,
  NECESSARY,
  type Service,
} from "./categories";
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
export { newSubjectId, SUBJECT_ID, UUID_V7, uuidv7, uuidv7Time } from "./ids";
export { ID_PATTERN, POLICY_VERSION_PATTERN, SITE_KEY_PATTERN } from "./patterns";
export {
  type ApiError,
  type Page,
  parseReceiptInput,
  type ReceiptInput,
  ReceiptInputSchema,
  type ReceiptProof,
  type StoredReceipt,
} from "./receipt";
export {
  type ReceiptJwk,
  type ReceiptJwks,
  type ReceiptVerification,
  receiptDigest,
  receiptSigningPayload,
  SIGNED_RECEIPT_FIELDS,
  verifyReceipt,
} from "./receipt-proof";
export {
  defaultSiteConfig,
  type LoaderBoot,
  type SiteConfig,
  type SiteConfigInput,
  SiteConfigSchema,
} from "./site-config";
