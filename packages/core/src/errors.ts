/**
 * Every error code the API answers with: its HTTP status and the message it carries when the
 * thrower gives none. The API's error mapping takes the status from here; the dashboard shows the
 * message when an answer has a code but no words. Every error body is
 * `{ error: { code, message } }` (`ApiError`).
 */
export const API_ERRORS = {
  // The request's shape.
  INVALID_JSON: { status: 400, message: "The body is not valid JSON" },
  INVALID_ENCODING: { status: 400, message: "The body is not valid UTF-8" },
  JSON_TOO_DEEP: { status: 400, message: "The body nests too deeply" },
  INVALID_BODY: { status: 400, message: "The request body is not valid" },
  INVALID_PARAMS: { status: 400, message: "A path parameter is not valid" },
  INVALID_QUERY: { status: 400, message: "A query parameter is not valid" },
  INVALID_CURSOR: { status: 400, message: "cursor is not one this API gave out" },
  INVALID_RECEIPT: { status: 400, message: "The receipt is not valid" },
  INVALID_SIGN_IN: { status: 400, message: "Give an email address and a password" },
  NOTHING_TO_CHANGE: { status: 400, message: "Send at least one setting" },
  POLICY_VERSION_REQUIRED: { status: 400, message: "Say the new policy version" },
  SITE_KEY_MISMATCH: { status: 400, message: "siteKey must be the site's own key" },
  SITE_REQUIRED: { status: 400, message: "Say which site with ?site=KEY" },
  INVALID_TILE_PATH: { status: 400, message: "Not a canonical tile path (C2SP tlog-tiles)" },
  WITNESS_URL_NOT_ALLOWED: {
    status: 400,
    message:
      "A witness URL is https on a host name or public address, without credentials or query",
  },
  INVALID_CHECKPOINT_SUBMISSION: {
    status: 400,
    message: "Not an add-checkpoint body: old size, proof lines, a blank line, a signed checkpoint",
  },
  BODY_INCOMPLETE: { status: 408, message: "The request body did not arrive in time" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as application/json" },
  // Who is asking.
  UNAUTHENTICATED: { status: 401, message: "Please sign in." },
  INVALID_CREDENTIALS: {
    status: 401,
    message: "That email and password do not match an account.",
  },
  INVALID_TOKEN: { status: 401, message: "The API token is unknown, revoked or expired" },
  SUBJECT_REQUIRED: { status: 401, message: "Send your subject id to read your receipt" },
  FORBIDDEN: { status: 403, message: "You do not have access to this site." },
  SESSION_REQUIRED: { status: 403, message: "API tokens cannot do this; sign in instead" },
  // 403, not 401: the session is still good, only the password given is not the account's.
  WRONG_PASSWORD: { status: 403, message: "The current password is not right" },
  CSRF_REJECTED: { status: 403, message: "Cross-site requests cannot change anything here" },
  CSRF_TOKEN_INVALID: { status: 403, message: "Send the session's CSRF token" },
  CHECKPOINT_NOT_SIGNED: {
    status: 403,
    message: "The checkpoint is not signed by the key this witness knows for its log",
  },
  ORIGIN_NOT_ALLOWED: { status: 403, message: "Origin is not allowed for this site" },
  MISDIRECTED_REQUEST: { status: 421, message: "This server does not answer on that host" },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    message: "Too many sign-in attempts. Please wait a few minutes and try again.",
  },
  RATE_LIMITED: { status: 429, message: "Too many requests; retry later" },
  // What is asked for.
  NOT_FOUND: { status: 404, message: "No such route" },
  SITE_NOT_FOUND: { status: 404, message: "No such site" },
  CONFIG_NOT_PUBLISHED: { status: 404, message: "The site has no published configuration" },
  VERSION_NOT_FOUND: { status: 404, message: "No such published version" },
  WORDING_NOT_FOUND: { status: 404, message: "No standard wording with this hash on record" },
  MEMBER_NOT_FOUND: { status: 404, message: "No such member of this site" },
  TOKEN_NOT_FOUND: { status: 404, message: "No active token with this id on this site" },
  INVITATION_NOT_FOUND: { status: 404, message: "No open invitation with that id" },
  SUBJECT_NOT_FOUND: { status: 404, message: "No receipts of this subject id on this site" },
  RECEIPT_NOT_FOUND: { status: 404, message: "No receipt with this id for this subject" },
  TILE_NOT_FOUND: { status: 404, message: "The log has no such tile as of its latest checkpoint" },
  UNKNOWN_LOG: { status: 404, message: "This witness does not witness a log with that origin" },
  WITNESSED_LOG_NOT_FOUND: {
    status: 404,
    message: "This site added no witnessed log with that id",
  },
  WITNESS_NOT_FOUND: { status: 404, message: "This site has no witness with that id" },
  NO_SCHEDULED_CHANGE: { status: 404, message: "No change of retention is scheduled" },
  AUTOBLOCK_NOT_BUILT: {
    status: 404,
    message: "This server was built without the auto-blocking script",
  },
  // The state it would change. `NO_DRAFT` answers 404 where a draft is discarded.
  NO_DRAFT: { status: 409, message: "Save a draft before publishing" },
  NOTHING_PUBLISHED: { status: 409, message: "Publish a configuration first" },
  NOTHING_TO_PUBLISH: { status: 409, message: "This configuration is already the published one" },
  CONFIG_CHANGED: {
    status: 409,
    message: "Another version was published meanwhile: review it, then publish again",
  },
  SAME_POLICY_VERSION: { status: 409, message: "The policy version is already that one" },
  POLICY_UNCHANGED: {
    status: 409,
    message:
      "Nothing visitors are shown or asked changed since the policy version last changed, less than six months ago: say why everyone should be asked again",
  },
  SITE_KEY_TAKEN: { status: 409, message: "That site key is taken" },
  ALREADY_MEMBER: { status: 409, message: "Already a member of this site" },
  LAST_OWNER: { status: 409, message: "A site must keep at least one owner" },
  TRY_AGAIN: { status: 409, message: "The account changed meanwhile; try again" },
  RECEIPT_ID_CONFLICT: { status: 409, message: "A different receipt already has this id" },
  NOT_YET_LOGGED: { status: 409, message: "The receipt is not in the log yet; retry shortly" },
  WITNESSED_LOG_TAKEN: {
    status: 409,
    message: "This server already witnesses a log with that origin",
  },
  WITNESS_TAKEN: { status: 409, message: "This site already submits to a witness with that key" },
  RETENTION_BELOW_MINIMUM: {
    status: 409,
    message: "Retention is below the site's declared minimum",
  },
  RETENTION_CHANGE_PENDING: {
    status: 409,
    message: "A change of retention is already scheduled; cancel it before asking for another",
  },
  RETENTION_BELOW_EXPIRY: {
    status: 409,
    message:
      "Retention is shorter than the published configuration remembers a decision: receipts must outlive the decisions they prove",
  },
  EXPIRY_BEYOND_RETENTION: {
    status: 409,
    message:
      "The configuration remembers a decision longer than the site keeps receipts: raise retention first",
  },
  UNKNOWN_CONFIG: {
    status: 422,
    message: "configHash does not match any published configuration of this site",
  },
  RECEIPT_CONFIG_MISMATCH: {
    status: 422,
    message: "The receipt does not fit the configuration it names",
  },
  INCONSISTENT_CHECKPOINT: {
    status: 422,
    message: "The checkpoint is not consistent with the one this witness last cosigned",
  },
  CONFIG_NOT_PUBLISHABLE: { status: 422, message: "This configuration cannot be published" },
  COMPLIANCE_ERRORS: {
    status: 422,
    message: "This configuration cannot be published until the linter's errors are fixed",
  },
  ACKNOWLEDGEMENT_REQUIRED: {
    status: 422,
    message: "Publishing needs the owner's acknowledgement of exactly the current warnings",
  },
  // The server.
  INTERNAL: { status: 500, message: "Something went wrong on our side; nothing was stored." },
  PUBLIC_URL_REQUIRED: { status: 500, message: "Set PUBLIC_URL, the server's public origin" },
  ASSENT_SECRET_REQUIRED: { status: 500, message: "Set ASSENT_SECRET" },
  DATABASE_BUSY: {
    status: 503,
    message: "The database is locked by another process; nothing was stored. Retry shortly.",
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message:
      "The database could not be reached for a moment. Retry shortly: a receipt sent again with the same id is stored once.",
  },
} as const satisfies Record<string, { status: number; message: string }>;

/** A code the API answers with, e.g. `SITE_NOT_FOUND`. */
export type ApiErrorCode = keyof typeof API_ERRORS;

/**
 * Whether a string is one of the API's error codes.
 * @example isApiErrorCode("SITE_NOT_FOUND") // true
 */
export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERRORS, code);
}
