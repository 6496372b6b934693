import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/** Dashboard sessions. `id` is the SHA-256 of the cookie's token: a leaked table opens nothing. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** Token the dashboard echoes in `X-CSRF-Token` on every state-changing request. */
    csrfToken: text("csrf_token"),
    lastSeenAt: integer("last_seen_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);
