import {
  type ErasureResult,
  SUBJECT_ID,
  type SubjectRecords,
  SubjectsErase,
  SubjectsGet,
} from "@assent/core";
import { auditLog, receipts } from "@assent/db";
import { and, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import { auditDetail, subjectRef } from "../audit";
import type { AppDeps } from "../deps";
import { notFound } from "../errors";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { readReceiptBatch, subjectReceiptsHeld, toAdminReceipt } from "./receipt-query";
import { lastErasure } from "./subject-erasures";

/**
 * Most receipts a subject access answer lists (a browser makes a handful a year); `held` counts
 * them all.
 */
const MAX_SUBJECT_RECEIPTS = 10_000;

/** A subject id in the path (`400 INVALID_PARAMS` otherwise). */
export const subjectParams = v.object({
  subjectId: v.pipe(
    v.string(),
    v.regex(SUBJECT_ID, "must be a subject id (22 base64url characters)"),
  ),
});
const query = v.strictObject({ site: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,62}$/)) });

export const subjectAccessRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/subjects/:subjectId",
  summary: "Subject access: every receipt held for a subject id on a site, oldest first",
  tag: "requests",
  access: { kind: "site", role: "viewer" },
  params: subjectParams,
  query,
  response: {
    status: 200,
    description:
      "The subject's receipts, oldest first (an empty list when none; at most 10,000), how many are held in all (`held`), and its latest erasure (`lastErasure`, `null` when never erased)",
    schema: SubjectsGet.response,
  },
});

export const subjectErasureRoute = defineRoute({
  method: "DELETE",
  path: "/v1/admin/subjects/:subjectId",
  summary:
    "Subject erasure: clears subject id, IP, user agent, page path and the link to the previous receipt of the subject's receipts, keeping each receipt, its decision and signature as proof. A subject already erased, with nothing held since, answers 200 with `alreadyErased` and that erasure; one never seen, 404 SUBJECT_NOT_FOUND",
  tag: "requests",
  access: { kind: "site", role: "admin" },
  params: subjectParams,
  query,
  response: {
    status: 200,
    description: "How many receipts were erased, and the audit entry (or the earlier erasure's)",
    schema: SubjectsErase.response,
  },
  errors: ["SUBJECT_NOT_FOUND"],
});

/** Subject access and erasure requests. */
export function subjectRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  siteRoute(app, deps, subjectAccessRoute, async ({ c, input, site, audit }) => {
    const { subjectId } = input.params;
    const ref = await subjectRef(subjectId);
    const rows = await readReceiptBatch(
      deps.db,
      site.id,
      { site: site.key, subject: subjectId },
      {
        limit: MAX_SUBJECT_RECEIPTS,
        order: "asc",
      },
    );
    const held = await subjectReceiptsHeld(
      deps.db,
      site.id,
      subjectId,
      rows.length,
      MAX_SUBJECT_RECEIPTS,
    );
    await audit({
      action: "subject.access",
      target: ref,
      detail: { receipts: rows.length, held },
    });
    const body: SubjectRecords = {
      site: site.key,
      subjectId,
      receipts: rows.map((row) => toAdminReceipt(row, site.key)),
      held,
      lastErasure: await lastErasure(deps.db, site.id, ref),
    };
    return c.json(body);
  });

  siteRoute(app, deps, subjectErasureRoute, async ({ c, input, site, auditEntry, now }) => {
    const { subjectId } = input.params;
    const mine = and(eq(receipts.siteId, site.id), eq(receipts.subjectId, subjectId));
    const held = deps.db.select({ id: receipts.id }).from(receipts).where(mine);
    const ref = await subjectRef(subjectId);
    // One batch: the audit entry lists what the update then erases (the log's older entries
    // scrubbed first, while the receipts still say whose they are), or nothing is written. It
    // names the subject only by its hash: the erased id is not kept in clear, yet a later request
    // presenting the same id can be matched to this erasure. The erased receipts lose their link
    // to the previous one too: the chain between them would tie them together again.
    const [[entry], , erased] = await deps.db.batch([
      auditEntry(
        {
          action: "subject.erase",
          target: ref,
          detail: auditDetail({
            receipts: sql`(SELECT count(*) FROM ${receipts} WHERE ${mine})`,
            receiptIds: sql`(SELECT json_group_array(${receipts.id} ORDER BY ${receipts.id}) FROM ${receipts} WHERE ${mine})`,
          }),
        },
        sql`EXISTS ${held}`,
      ),
      // Older entries that named the subject in clear (an export's filter, before filters were
      // audited by hash) name it by its hash from now on: that field of those entries only, so
      // an erasure can never rewrite anything else an entry says (a config's hash, a receipt id).
      deps.db
        .update(auditLog)
        .set({ detail: sql`json_set(${auditLog.detail}, '$.filter.subject', ${ref})` })
        .where(
          and(
            eq(auditLog.siteId, site.id),
            eq(auditLog.action, "receipts.export"),
            sql`json_valid(${auditLog.detail})`,
            sql`json_extract(${auditLog.detail}, '$.filter.subject') = ${subjectId}`,
            sql`EXISTS ${held}`,
          ),
        ),
      deps.db
        .update(receipts)
        .set({
          subjectId: null,
          ip: null,
          userAgent: null,
          pagePath: null,
          previousId: null,
          erasedAt: now,
        })
        .where(mine)
        .returning({ id: receipts.id }),
    ]);
    if (!entry || erased.length === 0) {
      // Nothing held: erased before (and nothing received since), or never seen.
      const earlier = await lastErasure(deps.db, site.id, ref);
      if (!earlier) {
        throw notFound("SUBJECT_NOT_FOUND", "No receipts of this subject id on this site");
      }
      const already: ErasureResult = {
        site: site.key,
        erased: 0,
        receiptIds: [],
        erasedAt: earlier.at,
        auditId: earlier.auditId,
        alreadyErased: true,
      };
      return c.json(already);
    }
    const receiptIds = erased.map((r) => r.id).sort();
    // Committed: the personal fields are gone from the log. Now from the files' history too.
    await deps
      .scrubErased?.()
      .catch((err: unknown) =>
        console.error("[assent] erasure: the write-ahead log could not be truncated", err),
      );
    const body: ErasureResult = {
      site: site.key,
      erased: receiptIds.length,
      receiptIds,
      erasedAt: new Date(now).toISOString(),
      auditId: entry.id,
      alreadyErased: false,
    };
    return c.json(body);
  });

  return app;
}
