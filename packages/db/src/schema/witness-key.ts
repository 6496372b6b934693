import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * This server's witness key (C2SP `tlog-witness`): one Ed25519 key that cosigns the checkpoints
 * of the logs it witnesses (`witnessed_logs`). The private half is sealed with the database's
 * secret exactly like the receipt and log signing keys. One row (`id` 1).
 */
export const witnessKey = sqliteTable("witness_key", {
  id: integer("id").primaryKey(),
  /** The key name, which names the witness: `<host>/witness`. */
  name: text("name").notNull(),
  /** The raw 32-byte public key, base64. */
  publicKey: text("public_key").notNull(),
  /** The private JWK, sealed (`v1:IV:CIPHERTEXT`). */
  privateKey: text("private_key").notNull(),
  createdAt: integer("created_at").notNull(),
});
