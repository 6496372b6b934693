/**
 * The records the API answers with, as schemas: the pieces the per-route contracts beside this
 * file are made of. Objects are open (`v.object`): an answer may carry more than is promised.
 */
import * as v from "valibot";
import { ROLES } from "../admin";
import { CONSENT_METHODS } from "../decision";
import { ReceiptInputSchema } from "../receipt";

const role = v.picklist(ROLES);
const instant = v.pipe(v.string(), v.isoTimestamp());
const nullable = <T extends v.GenericSchema>(schema: T) => v.nullable(schema);

/** A receipt as stored and returned (`StoredReceipt`). */
export const StoredReceiptSchema = v.object({
  ...ReceiptInputSchema.entries,
  serverTime: instant,
  ip: nullable(v.string()),
  userAgent: nullable(v.string()),
  gpcHeader: v.boolean(),
  jurisdiction: nullable(v.string()),
  subdivision: v.optional(v.string()),
  ruleId: v.optional(v.string()),
  configVersion: v.optional(v.number()),
  previousId: nullable(v.string()),
  proof: v.optional(
    v.object({
      alg: v.literal("EdDSA"),
      kid: v.string(),
      digest: v.string(),
      signature: v.string(),
    }),
  ),
});

/** A receipt as the admin API shows it (`AdminReceipt`). */
export const AdminReceiptSchema = v.object({
  ...StoredReceiptSchema.entries,
  digest: nullable(v.string()),
  signature: nullable(v.string()),
  keyId: nullable(v.string()),
  erasedAt: nullable(instant),
});

/** A site as listed (`SiteSummary`). */
export const SiteSummarySchema = v.object({ key: v.string(), name: v.string(), role });

/** A site's settings (`SiteSettings`). */
export const SiteSettingsSchema = v.object({
  ...SiteSummarySchema.entries,
  allowedOrigins: v.array(v.string()),
  ipMode: v.picklist(["truncate", "none"]),
  retentionDays: v.number(),
  minRetentionDays: v.number(),
  scheduledRetention: nullable(
    v.object({
      retentionDays: v.number(),
      minRetentionDays: v.number(),
      requestedBy: nullable(v.string()),
      requestedAt: instant,
      effectiveAt: instant,
    }),
  ),
  createdAt: instant,
});

/** A member of a site (`Member`). */
export const MemberSchema = v.object({
  userId: v.number(),
  email: v.string(),
  name: v.string(),
  role,
});

/** An invitation not yet accepted (`Invitation`). */
export const InvitationSchema = v.object({
  id: v.number(),
  email: v.string(),
  role,
  invitedBy: nullable(v.string()),
  createdAt: instant,
  expiresAt: instant,
});

/** An API token, without its secret (`ApiTokenSummary`). */
export const ApiTokenSchema = v.object({
  id: v.number(),
  name: v.string(),
  role,
  createdBy: v.string(),
  createdAt: instant,
  lastUsedAt: nullable(instant),
  expiresAt: nullable(instant),
  revokedAt: nullable(instant),
});

/** A published configuration version, as listed (`ConfigVersionSummary`). */
export const ConfigVersionSummarySchema = v.object({
  version: v.number(),
  hash: v.string(),
  policyVersion: v.string(),
  publishedAt: instant,
  publishedBy: nullable(v.string()),
  acknowledged: v.optional(v.array(v.string())),
});

/** A site's configuration as published (the site-config schema's shape, without its checks). */
export const PublishedConfigSchema = v.record(v.string(), v.unknown());

/** A published configuration version with the configuration (`ConfigVersion`). */
export const ConfigVersionSchema = v.object({
  ...ConfigVersionSummarySchema.entries,
  config: PublishedConfigSchema,
});

/** What consent one day, one policy version or the whole range holds (`StatsBucket`). */
export const StatsBucketSchema = v.object({
  total: v.number(),
  methods: v.record(v.picklist(CONSENT_METHODS), v.number()),
  categories: v.record(
    v.string(),
    v.object({ granted: v.number(), denied: v.number(), optInRate: nullable(v.number()) }),
  ),
});

/** One entry of the audit log (`AuditEntry`). */
export const AuditEntrySchema = v.object({
  id: v.number(),
  at: instant,
  user: nullable(v.string()),
  tokenId: nullable(v.number()),
  action: v.string(),
  target: nullable(v.string()),
  detail: v.unknown(),
  ip: nullable(v.string()),
});
