import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * Ed25519 key pairs that sign a site's receipts. The public half is published as a JWKS; a
 * retired key still verifies the receipts it signed.
 */
export const signingKeys = sqliteTable(
  "signing_keys",
  {
    /** Key id (`kid`), e.g. `demo-2026-11-25-ab12`. */
    id: text("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    algorithm: text("algorithm").notNull().default("Ed25519"),
    publicJwk: text("public_jwk").notNull(),
    privateJwk: text("private_jwk").notNull(),
    createdAt: integer("created_at").notNull(),
    retiredAt: integer("retired_at"),
  },
  (t) => [index("signing_keys_site").on(t.siteId)],
);
