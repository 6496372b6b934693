import { continuationMarker, ExportQuerySchema, ExportsGet } from "@assent/core";
import { Hono } from "hono";
import { subjectRef } from "../audit";
import type { AppDeps } from "../deps";
import { type InvocationBudget, NO_INVOCATION_LIMITS } from "../limits";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { exportWriter } from "./export-formats";
import { receiptBatches, toAdminReceipt } from "./receipt-query";
import { decodeCursor, encodeCursor } from "./receipts.routes";

export const exportRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/exports",
  summary:
    "Export a site's filtered receipts, oldest first, streamed as CSV, NDJSON or ISO/IEC TS 27560 JSON; a part that is not the last ends with a continuation marker naming the next part's cursor",
  tag: "records",
  access: { kind: "site", role: "viewer" },
  query: ExportQuerySchema,
  response: {
    status: 200,
    description: "The export, streamed",
    contentType: "text/csv",
    schema: ExportsGet.response,
  },
  errors: ["INVALID_CURSOR"],
});

/**
 * Share of an invocation's queries an export response spends reading receipts; the rest is left
 * for the request's own (session, site, audit) and, on an isolate's first request, its start.
 */
const EXPORT_QUERY_SHARE = 0.5;

/**
 * How many receipts one export response carries at most, and how many it reads a query: all of
 * them where the runtime sets no limit (Node); on the Worker, what fits its invocation's queries
 * and CPU time (`InvocationBudget`).
 */
export function exportPlan(budget: InvocationBudget): { rowsPerQuery: number; maxRows: number } {
  const reads = Math.max(1, Math.floor(budget.queries * EXPORT_QUERY_SHARE));
  const rowsPerQuery = budget.receiptRowsPerQuery;
  return { rowsPerQuery, maxRows: Math.min(budget.exportRows, reads * rowsPerQuery) };
}

/**
 * Streams exports in keyset batches, so memory stays flat whatever the size of the log. Where the
 * runtime limits one invocation (`deps.budget`: D1's queries, the Worker's CPU time), a response
 * carries at most `exportPlan(...).maxRows` receipts; when more remain it ends with the format's
 * continuation marker (`continuationMarker`) instead of its usual end, so a part never reads as
 * a complete export, and the same request with the marker's `cursor` streams the next part.
 */
export function exportRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  siteRoute(app, deps, exportRoute, async ({ c, input, site, audit, now }) => {
    const { format, cursor, ...filter } = input.query;
    const after = cursor ? decodeCursor(cursor) : null;
    const generatedAt = new Date(now).toISOString();
    const writer = exportWriter(format, { siteKey: site.key, siteName: site.name, generatedAt });
    // The subject a filter names is audited by its hash (`subjectRef`), as an erasure is.
    const audited = filter.subject
      ? { ...filter, subject: await subjectRef(filter.subject) }
      : filter;
    await audit({
      action: "receipts.export",
      detail: { format, filter: audited, ...(after ? { continuation: true } : {}) },
    });
    const encoder = new TextEncoder();
    const { rowsPerQuery, maxRows } = exportPlan(deps.budget ?? NO_INVOCATION_LIMITS);
    const batches = receiptBatches(deps.db, site.id, filter, rowsPerQuery, { after, maxRows });
    /** The request for the part after `rest`, as this one asked but for its cursor. */
    const nextPart = (rest: { serverTime: number; id: string }) => {
      const next = encodeCursor(rest.serverTime, rest.id);
      const query = new URL(c.req.url).searchParams;
      query.set("cursor", next);
      return { cursor: next, next: `${exportRoute.path}?${query}` };
    };
    let index = 0;
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          if (writer.head) controller.enqueue(encoder.encode(writer.head));
        }
        const next = await batches.next();
        if (next.done) {
          const rest = next.value;
          const end = rest ? continuationMarker(format, nextPart(rest)) : writer.tail;
          if (end) controller.enqueue(encoder.encode(end));
          controller.close();
          return;
        }
        let chunk = "";
        for (const row of next.value)
          chunk += writer.record(toAdminReceipt(row, site.key), index++);
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await batches.return(null);
      },
    });
    const day = generatedAt.slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": writer.contentType,
        "Content-Disposition": `attachment; filename="assent-${site.key}-${day}.${writer.extension}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
  return app;
}
