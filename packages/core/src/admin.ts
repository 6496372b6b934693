/**
 * Shapes of the admin API, shared by the API (sender and validator) and the dashboard (reader).
 * Request bodies are valibot schemas; the API validates with them and documents them in OpenAPI.
 */
import * as v from "valibot";
import { AcknowledgeSchema, type ComplianceFinding } from "./compliance";
import { POLICY_VERSION_PATTERN, SITE_KEY_PATTERN } from "./patterns";
import { PolicyBumpReasonSchema } from "./policy-bump";
import type { SiteConfig } from "./site-config";

/** Roles on a site, weakest first: viewers read, admins manage config and requests, owners
 * manage users, tokens and the site itself. */
export const ROLES = ["viewer", "admin", "owner"] as const;

/** A dashboard user's role on one site. */
export type Role = (typeof ROLES)[number];

/** Whether `role` is at least `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** A site as the dashboard lists it. */
export interface SiteSummary {
  key: string;
  name: string;
  role: Role;
}

/** `GET /v1/admin/session` and `POST /v1/admin/session`: who is signed in, and where. */
export interface AdminSession {
  user: { id: number; email: string; name: string };
  sites: SiteSummary[];
  /** Echo in `X-CSRF-Token` on every state-changing admin request of this session. */
  csrfToken: string;
}

/** `POST /v1/admin/session` body. */
export interface SignInRequest {
  email: string;
  password: string;
}

/** The header that carries the session's CSRF token. */
export const CSRF_HEADER = "X-CSRF-Token";

/** Default retention of receipts, and default declared minimum of a site's retention: six years. */
export const DEFAULT_RETENTION_DAYS = 2190;

/**
 * Days between a signed-in owner asking to lower a site's retention (or its declared minimum) and
 * the change taking effect; until then it can be cancelled and the purge keeps the old retention.
 */
export const RETENTION_GRACE_DAYS = 7;

const roleSchema = v.picklist(ROLES, "must be owner, admin or viewer");
/**
 * A display name of at most `maxLength` characters, trimmed. No control characters and no lone surrogates:
 * the database would give back a name cut at a NUL ("Acme\u0000 Evil Corp" read as "Acme",
 * "\u0000" as an empty name) or with a surrogate replaced. No bidirectional embeddings,
 * overrides or isolates (U+202A–U+202E, U+2066–U+2069) either: they show a name in another
 * order than it is stored ("Guild \u202Eliava" shows as "Guild avail"), in the dashboard, the
 * audit log and an invitation.
 */
export const displayName = (maxLength: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(maxLength),
    v.regex(/^[^\p{Cc}\p{Cs}]*$/u, "must not hold control characters"),
    v.regex(/^[^\u202A-\u202E\u2066-\u2069]*$/, "must not hold bidirectional override characters"),
  );
/** A display name of a site, a token or a person (`displayName` of at most 120 characters). */
export const nameSchema = displayName(120);
const emailSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email());
const origins = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, "must be an origin like https://example.org"),
    ),
  ),
  v.maxLength(50),
);
const retentionDays = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(3650, "must be at most ten years"),
);

/** `POST /v1/admin/sites`: a new site; its creator becomes its owner. */
export const SiteCreateSchema = v.strictObject({
  key: v.pipe(
    v.string(),
    v.regex(SITE_KEY_PATTERN, "must be 2-63 lower-case letters, digits or -"),
  ),
  name: nameSchema,
  allowedOrigins: v.optional(origins, []),
  ipMode: v.optional(v.picklist(["truncate", "none"]), "truncate"),
  retentionDays: v.optional(retentionDays, DEFAULT_RETENTION_DAYS),
  /** The retention the site's policy promises at least; six years, or `retentionDays` if lower. */
  minRetentionDays: v.optional(retentionDays),
});
export type SiteCreateRequest = v.InferInput<typeof SiteCreateSchema>;

/**
 * `PATCH /v1/admin/sites/:site`: any subset of the settings. Retention and its minimum need the
 * owner role; raising them applies at once, lowering either needs a signed-in owner (not a token)
 * and is scheduled `RETENTION_GRACE_DAYS` ahead (`202`), cancellable until then.
 */
export const SiteUpdateSchema = v.strictObject({
  name: v.optional(nameSchema),
  allowedOrigins: v.optional(origins),
  ipMode: v.optional(v.picklist(["truncate", "none"])),
  retentionDays: v.optional(retentionDays),
  minRetentionDays: v.optional(retentionDays),
});
export type SiteUpdateRequest = v.InferInput<typeof SiteUpdateSchema>;

/** A lowering of retention waiting for its grace period to end. */
export interface ScheduledRetentionChange {
  retentionDays: number;
  minRetentionDays: number;
  /** Who asked for it (e-mail), when, and when it takes effect (ISO 8601). */
  requestedBy: string | null;
  requestedAt: string;
  effectiveAt: string;
}

/** A site's settings as the dashboard shows them. */
export interface SiteSettings extends SiteSummary {
  allowedOrigins: string[];
  ipMode: "truncate" | "none";
  /** The retention the purge applies now. */
  retentionDays: number;
  /** The retention the site's policy promises at least. */
  minRetentionDays: number;
  /** A lowering of either that is scheduled and not yet in effect, or `null`. */
  scheduledRetention: ScheduledRetentionChange | null;
  createdAt: string;
}

/**
 * `POST /v1/admin/sites/:site/members`: invites an address with a role. The answer is the same
 * whether or not the address has an account; the invited person accepts with the one-time token
 * (`InvitationAcceptSchema`).
 */
export const MemberInviteSchema = v.strictObject({ email: emailSchema, role: roleSchema });
export type MemberInviteRequest = v.InferInput<typeof MemberInviteSchema>;

/** The fewest characters a password a person chooses may have. */
export const PASSWORD_MIN_LENGTH = 12;

/** The most characters any password may have: it bounds the work a request can ask of the hash. */
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * A password a person chooses (a new account's, a changed one): `PASSWORD_MIN_LENGTH`
 * characters at least.
 */
export const passwordSchema = v.pipe(
  v.string(),
  v.minLength(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`),
  v.maxLength(PASSWORD_MAX_LENGTH),
);

/**
 * A password typed to prove who one is (signing in, the current password when changing it):
 * any the account may have, so not empty and bounded like every password, never held to the
 * rules for choosing one.
 */
export const accountPasswordSchema = v.pipe(
  v.string(),
  v.minLength(1, "must not be empty"),
  v.maxLength(PASSWORD_MAX_LENGTH),
);

/** `PATCH /v1/admin/sites/:site/members/:userId`. */
export const MemberRoleSchema = v.strictObject({ role: roleSchema });

/** A user's membership of a site. */
export interface Member {
  userId: number;
  email: string;
  name: string;
  role: Role;
}

/** `POST /v1/admin/sites/:site/tokens`: an API token for scripted exports. */
export const TokenCreateSchema = v.strictObject({
  name: nameSchema,
  role: v.optional(roleSchema, "viewer"),
  expiresInDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))),
});
export type TokenCreateRequest = v.InferInput<typeof TokenCreateSchema>;

/** An API token as listed (the secret is shown once, at creation). */
export interface ApiTokenSummary {
  id: number;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** `POST /v1/admin/sites/:site/tokens` answer: send `token` as `Authorization: Bearer TOKEN`. */
export interface CreatedApiToken extends ApiTokenSummary {
  token: string;
}

/** `POST /v1/admin/sites/:site/config/bump`: a new policy version, published at once. */
export const PolicyBumpSchema = v.strictObject({
  policyVersion: v.optional(
    v.pipe(v.string(), v.regex(POLICY_VERSION_PATTERN, "must be a policy version")),
  ),
  /**
   * Why every visitor is asked again, recorded in the audit log. Required (409
   * `POLICY_UNCHANGED` without it) when nothing visitors are shown or asked changed since the
   * current policy version began, less than six months ago or than the configuration in force
   * remembers a refusal (`pacingDays`, `bumpNeedsReason`).
   */
  reason: v.optional(PolicyBumpReasonSchema),
  /**
   * The compliance warnings the owner acknowledges for the re-published configuration; the
   * acknowledgement of the version it re-publishes when absent (it must still cover exactly
   * today's warnings: a rule added since asks again).
   */
  acknowledge: v.optional(AcknowledgeSchema),
});

/** A published configuration version, as listed. */
export interface ConfigVersionSummary {
  version: number;
  hash: string;
  policyVersion: string;
  publishedAt: string;
  publishedBy: string | null;
  /** The compliance warnings (rule ids) its publisher acknowledged; empty when there were none. */
  acknowledged: string[];
}

/** A published configuration version with its content. */
export interface ConfigVersion extends ConfigVersionSummary {
  config: SiteConfig;
}

/** `GET /v1/admin/sites/:site/config`: what visitors see now, and what admins are editing. */
export interface ConfigState {
  published: ConfigVersion | null;
  draft: { config: SiteConfig; updatedAt: string; updatedBy: string | null } | null;
  /**
   * What the compliance linter finds in the draft (or, without one, the published version):
   * errors block publishing, warnings must be acknowledged by rule id when publishing.
   */
  findings: ComplianceFinding[];
}

/** One entry of the audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  user: string | null;
  tokenId: number | null;
  action: string;
  target: string | null;
  detail: unknown;
  ip: string | null;
}
