import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The SDK's standard wording, per build: every built-in text of the banner, the preference centre
 * and the rules in every language, under the language set's hash that receipts name
 * (`receipts.wording`). An instance records its build's at start. A hash names one set of texts,
 * so a row is never changed, only refreshed; it is deleted once no receipt names it and no
 * instance has recorded it for a while (the retention purge).
 */
export const wordings = sqliteTable("wordings", {
  /** The language set's hash, as in the build's `lang/LL-HASH.js` names, e.g. `1mpp9dnI`. */
  hash: text("hash").primaryKey(),
  /** JSON: per language (`en`, `de`, ...), each text by key (`rejectAll`, ...). */
  texts: text("texts").notNull(),
  /** When an instance serving this build last recorded it (ms since the epoch). */
  recordedAt: integer("recorded_at").notNull(),
});
