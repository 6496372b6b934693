import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";
import { users } from "./users";

/** Tokens for scripted exports (`Authorization: Bearer ...`). Only a hash is stored. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The role the token acts with (never above its creator's). */
    role: text("role", { enum: ["owner", "admin", "viewer"] })
      .notNull()
      .default("viewer"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("api_tokens_site").on(t.siteId)],
);
