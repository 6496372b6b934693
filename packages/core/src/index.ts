export type { AdminSession, Role, SignInRequest, SiteSummary } from "./admin";
export { canonicalJson, sha256Hex } from "./canonical-json";
export {
  CATALOGUE,
  type CatalogueEntry,
  CONSENT_MODE_KEYS,
  type ConsentModeKey,
  type StoredItem,
} from "./catalogue";
export { CATALOGUE_HOSTS } from "./catalogue-hosts";
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
  type ConsentModeState,
  consentModeState,
  DEFAULT_CONSENT_MODE_CATEGORIES,
  GATED_CONSENT_MODE_KEYS,
} from "./consent-mode";
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
export { matchHost, serviceForUrl } from "./host-match";
export { newSubjectId, SUBJECT_ID, UUID_V7, uuidv7, uuidv7Time } from "./ids";
export { nameMatches } from "./name-patterns";
export { pageServices } from "./page-services";
export { ID_PATTERN, POLICY_VERSION_PATTERN, SITE_KEY_PATTERN } from "./patterns";
export {
  type ApiError,
  type Page,
  parseReceiptInput,
  type ReceiptInput,
  ReceiptInputSchema,
  type StoredReceipt,
} from "./receipt";
export { catalogueEntry, completeService, type SiteService } from "./services";
export {
  defaultSiteConfig,
  type LoaderBoot,
  type SiteConfig,
  type SiteConfigInput,
  SiteConfigSchema,
} from "./site-config";
