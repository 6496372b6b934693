import type { SubjectErasure } from "@assent/core";
import { auditLog, type Database } from "@assent/db";
import { and, desc, eq } from "drizzle-orm";

/**
 * The `subject.erase` audit entries of a subject (named by `subjectRef`) on a site: every
 * erasure made, as the audit log records it.
 */
export const erasureEntries = (siteId: number, ref: string) =>
  and(eq(auditLog.siteId, siteId), eq(auditLog.action, "subject.erase"), eq(auditLog.target, ref));

/**
 * The latest erasure of a subject on a site (`erasureEntries`), or `null` when none was ever
 * made.
 */
export async function lastErasure(
  db: Database,
  siteId: number,
  ref: string,
): Promise<SubjectErasure | null> {
  const [entry] = await db
    .select({ id: auditLog.id, at: auditLog.at })
    .from(auditLog)
    .where(erasureEntries(siteId, ref))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return entry ? { at: new Date(entry.at).toISOString(), auditId: entry.id } : null;
}
