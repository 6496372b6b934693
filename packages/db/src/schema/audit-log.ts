import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Every admin action: who, what, on which site, when. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    userId: integer("user_id"),
    tokenId: integer("token_id"),
    siteId: integer("site_id"),
    /** e.g. `session.sign-in`, `subject.erase`, `config.publish`, `user.role`. */
    action: text("action").notNull(),
    target: text("target"),
    /** JSON with the action's details. */
    detail: text("detail"),
    ip: text("ip"),
  },
  (t) => [index("audit_log_site_at").on(t.siteId, t.at), index("audit_log_at").on(t.at)],
);
