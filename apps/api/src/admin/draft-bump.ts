import { type Database, siteConfigDrafts } from "@assent/db";
import { eq, sql } from "drizzle-orm";

/**
 * The statement that carries a policy-version bump into the site's draft, for the bump's
 * `db.batch([...])`: it sets `policyVersion` in whatever draft is stored when the batch runs
 * (none: it changes nothing). A draft saved while the bump was being prepared keeps what it says
 * and takes the new version, so publishing it later does not roll the version back, and the
 * bump never writes back a draft it read earlier.
 */
export function draftFollowsBump(db: Database, siteId: number, policyVersion: string) {
  return db
    .update(siteConfigDrafts)
    .set({ config: sql`json_set(${siteConfigDrafts.config}, '$.policyVersion', ${policyVersion})` })
    .where(eq(siteConfigDrafts.siteId, siteId));
}
