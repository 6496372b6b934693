import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The content-hashed files of every SDK build the instances sharing this database have served
 * lately: a loader (`/s/KEY.js`) from one build imports its chunks by name, and the request for a
 * chunk may reach an instance of another build (a rolling deploy, a loader still cached, a tab
 * left open across a deploy). A name carries a hash of its content, so a row is never changed,
 * only refreshed and, once no instance has served it for a while, deleted.
 */
export const sdkFiles = sqliteTable("sdk_files", {
  /** The file's path under `/sdk/`, e.g. `ui-3f2a1c9d.js` or `lang/de-cdMaXO8a.js`. */
  path: text("path").primaryKey(),
  body: text("body").notNull(),
  /** When an instance serving this build last recorded it (ms since the epoch). */
  servedAt: integer("served_at").notNull(),
});
