import type { AccessReportInput, AccessReportSiteInput, ReportConfig } from "@assent/core";
import { auditLog, type Database, receipts, siteConfigs, siteMembers, sites } from "@assent/db";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Principal } from "../auth";
import { scheduledRetention } from "../retention";
import type { Site } from "../sites";
import { readReceiptBatch, subjectReceiptsHeld, toAdminReceipt } from "./receipt-query";
import { erasureEntries } from "./subject-erasures";

/** Most receipts a report lists per site, as subject access does. */
export const MAX_REPORT_RECEIPTS = 10_000;

/**
 * Every site the caller may read subjects on, in key order: a user's memberships (any role,
 * `viewer` being the weakest, reads subjects); for an API token, its own site only, and only
 * while its creator is still a member (as `siteForPrincipal` decides for one site).
 */
export async function readableSites(db: Database, principal: Principal): Promise<Site[]> {
  const rows = await db
    .select({ site: sites })
    .from(siteMembers)
    .innerJoin(sites, eq(sites.id, siteMembers.siteId))
    .where(
      and(
        eq(siteMembers.userId, principal.user.id),
        principal.kind === "token" ? eq(sites.id, principal.siteId) : undefined,
      ),
    )
    .orderBy(asc(sites.key));
  return rows.map(({ site }) => site);
}

/** The configurations the subject's receipts name on the site, and the site's latest. */
async function configsFor(db: Database, siteId: number, subjectId: string) {
  const named = db
    .select({ hash: receipts.configHash })
    .from(receipts)
    .where(and(eq(receipts.siteId, siteId), eq(receipts.subjectId, subjectId)));
  const latest = sql`(SELECT max(${siteConfigs.version}) FROM ${siteConfigs} WHERE ${siteConfigs.siteId} = ${siteId})`;
  const rows = await db
    .select({ version: siteConfigs.version, hash: siteConfigs.hash, config: siteConfigs.config })
    .from(siteConfigs)
    .where(
      and(
        eq(siteConfigs.siteId, siteId),
        or(inArray(siteConfigs.hash, named), eq(siteConfigs.version, latest)),
      ),
    )
    .orderBy(desc(siteConfigs.version));
  return rows.map((row) => ({ ...row, config: JSON.parse(row.config) as ReportConfig }));
}

/** The subject's erasures on the site, from their `subject.erase` audit entries. */
async function erasuresOf(db: Database, siteId: number, ref: string) {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, detail: auditLog.detail })
    .from(auditLog)
    .where(erasureEntries(siteId, ref))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    auditId: row.id,
    records: erasedCount(row.detail),
  }));
}

/** How many receipts an erasure's audit entry says it erased, or `null` when it does not say. */
function erasedCount(detail: string | null): number | null {
  try {
    const count = (JSON.parse(detail ?? "null") as { receipts?: unknown } | null)?.receipts;
    return typeof count === "number" ? count : null;
  } catch {
    return null;
  }
}

/** What one site holds for the subject, as the report reads it. */
async function siteInput(
  db: Database,
  site: Site,
  subjectId: string,
  ref: string,
): Promise<AccessReportSiteInput> {
  const rows = await readReceiptBatch(
    db,
    site.id,
    { site: site.key, subject: subjectId },
    { limit: MAX_REPORT_RECEIPTS, order: "asc" },
  );
  const scheduled = await scheduledRetention(db, site.id);
  return {
    key: site.key,
    name: site.name,
    ipMode: site.ipMode,
    retentionDays: site.retentionDays,
    scheduledRetention: scheduled && {
      retentionDays: scheduled.retentionDays,
      effectiveAt: scheduled.effectiveAt,
    },
    origin: site.allowedOrigins[0] ?? null,
    configs: await configsFor(db, site.id, subjectId),
    receipts: rows.map((row) => toAdminReceipt(row, site.key)),
    held: await subjectReceiptsHeld(db, site.id, subjectId, rows.length, MAX_REPORT_RECEIPTS),
    erasures: await erasuresOf(db, site.id, ref),
  };
}

/**
 * What an access report is made from: each of `readable` sites' receipts of the subject (by the
 * `receipts_site_subject` index), the configurations they name, the site's retention as stored
 * and the subject's erasures there (audit entries naming `ref`, the subject id's hash). Nothing
 * of any other site is read.
 */
export async function subjectReportInput(
  db: Database,
  readable: readonly Site[],
  subjectId: string,
  ref: string,
  now: number,
): Promise<AccessReportInput> {
  const inputs: AccessReportSiteInput[] = [];
  for (const site of readable) inputs.push(await siteInput(db, site, subjectId, ref));
  return { subjectId, generatedAt: new Date(now).toISOString(), sites: inputs };
}
