import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Sign-in attempts per throttle key (an e-mail address, a client address) in the current
 * window. Kept in the database so every instance (and every Worker isolate) counts the same
 * attempts, and so a key is never forgotten while it is locked.
 */
export const signInAttempts = sqliteTable("sign_in_attempts", {
  key: text("key").primaryKey(),
  /** Attempts reserved in the window (counted before the password is checked). */
  attempts: integer("attempts").notNull(),
  windowStart: integer("window_start").notNull(),
});
