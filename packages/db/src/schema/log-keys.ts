import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * The Ed25519 key that signs each site's checkpoints (a C2SP `signed-note` key). The private
 * half is sealed with the database's secret exactly like the receipt signing keys (never stored
 * in the clear).
 */
export const logKeys = sqliteTable("log_keys", {
  siteId: integer("site_id")
    .primaryKey()
    .references(() => sites.id),
  /** The key name, which is also the log's origin: `<host>/v1/sites/<key>/log`. */
  name: text("name").notNull(),
  /** The raw 32-byte public key, base64. */
  publicKey: text("public_key").notNull(),
  /** The private JWK, sealed (`v1:IV:CIPHERTEXT`). */
  privateKey: text("private_key").notNull(),
  createdAt: integer("created_at").notNull(),
});
