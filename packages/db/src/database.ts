import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema";

/** The drizzle database every driver produces; the API is written against this type only. */
export type Database = BaseSQLiteDatabase<"async", unknown, typeof schema>;

/** An open database: the drizzle handle and a way to close the underlying client. */
export interface DatabaseHandle {
  db: Database;
  /** Short name of the driver, e.g. `libsql-file`, `libsql-remote`, `d1`. */
  driver: string;
  close(): Promise<void>;
}
