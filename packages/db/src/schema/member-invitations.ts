import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";
import { users } from "./users";

/**
 * An invitation to join a site with a role. Pending until the invited person accepts it with its
 * one-time token (only a hash is stored): by signing in, or by choosing a password when the
 * address has no account yet. Inviting never looks at whether the address has an account.
 */
export const memberInvitations = sqliteTable(
  "member_invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "admin", "viewer"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    /** The account that accepted (created on acceptance or already there). */
    acceptedBy: integer("accepted_by").references(() => users.id),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("member_invitations_site").on(t.siteId, t.email)],
);
