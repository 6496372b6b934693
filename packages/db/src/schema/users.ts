import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/** Dashboard users. `passwordHash` is self-describing (`pbkdf2-sha256$iterations$salt$hash`). */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** A user's role on one site: `owner`, `admin` or `viewer`. */
export const siteMembers = sqliteTable(
  "site_members",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    role: text("role", { enum: ["owner", "admin", "viewer"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] })],
);
