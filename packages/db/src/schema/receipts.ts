import { isNotNull } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * The consent log. Append-only: a withdrawal is a new row, never an update; erasure clears the
 * personal columns and keeps the proof that a record existed.
 */
export const receipts = sqliteTable(
  "receipts",
  {
    /** UUIDv7 made by the client: a retry of the same receipt is the same row. */
    id: text("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    subjectId: text("subject_id"),
    /** Server time in ms since epoch. */
    serverTime: integer("server_time").notNull(),
    policyVersion: text("policy_version").notNull(),
    configHash: text("config_hash").notNull(),
    language: text("language").notNull(),
    method: text("method").notNull(),
    /** JSON `{ categories, services }` with every granted and denied id. */
    decision: text("decision").notNull(),
    gpc: integer("gpc", { mode: "boolean" }).notNull(),
    gpcHeader: integer("gpc_header", { mode: "boolean" }).notNull(),
    pagePath: text("page_path"),
    previousId: text("previous_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** ISO 3166-1 country from the trusted proxy's headers, or `null` when unknown. */
    jurisdiction: text("jurisdiction"),
    /** ISO 3166-2 subdivision (`US-CA`) from the trusted proxy's headers, when it gave one. */
    subdivision: text("subdivision"),
    /** Id of the configuration's rule that applied (`selectRule`); `null` for a site without rules. */
    ruleId: text("rule_id"),
    /** Version of the published configuration the receipt's `configHash` names. */
    configVersion: integer("config_version"),
    /**
     * The SDK's standard wording shown (`wordings.hash`, the language set's hash); `null` on
     * receipts from loaders that predate it.
     */
    wording: text("wording"),
    /**
     * SHA-256 (hex) of the canonical JSON of the signed fields (`SIGNED_RECEIPT_FIELDS`); kept
     * after erasure as proof.
     */
    digest: text("digest"),
    /** Ed25519 signature (base64url) over `digest`'s ASCII bytes, by the site key `keyId`. */
    signature: text("signature"),
    keyId: text("key_id"),
    /** Set when the subject's personal fields were erased (ms since epoch). */
    erasedAt: integer("erased_at"),
  },
  (t) => [
    index("receipts_site_time").on(t.siteId, t.serverTime, t.id),
    index("receipts_site_subject").on(t.siteId, t.subjectId, t.serverTime),
    index("receipts_site_method").on(t.siteId, t.method, t.serverTime),
    index("receipts_site_policy").on(t.siteId, t.policyVersion, t.serverTime),
    index("receipts_site_jurisdiction").on(t.siteId, t.jurisdiction, t.serverTime),
    // Whether any receipt still names a wording (the purge keeps those it names). Partial: the
    // receipts from before the field hold none, so adding it never indexes a table's history.
    index("receipts_wording").on(t.wording).where(isNotNull(t.wording)),
  ],
);

/**
 * One row per receipt and category, denormalised from `receipts.decision` so that filtering the
 * log by "analytics denied" is an index lookup.
 */
export const receiptCategories = sqliteTable(
  "receipt_categories",
  {
    receiptId: text("receipt_id")
      .notNull()
      .references(() => receipts.id),
    siteId: integer("site_id").notNull(),
    category: text("category").notNull(),
    granted: integer("granted", { mode: "boolean" }).notNull(),
    serverTime: integer("server_time").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.receiptId, t.category] }),
    index("receipt_categories_filter").on(t.siteId, t.category, t.granted, t.serverTime),
  ],
);
