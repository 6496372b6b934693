import { ExportQuerySchema, ExportsGet } from "@assent/core";
import { Hono } from "hono";
import { subjectRef } from "../audit";
import type { AppDeps } from "../deps";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { exportWriter } from "./export-formats";
import { receiptBatches, toAdminReceipt } from "./receipt-query";

export const exportRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/exports",
  summary:
    "Export a site's filtered receipts, oldest first, streamed as CSV, NDJSON or ISO/IEC TS 27560 JSON",
  tag: "records",
  access: { kind: "site", role: "viewer" },
  query: ExportQuerySchema,
  response: {
    status: 200,
    description: "The export, streamed",
    contentType: "text/csv",
    schema: ExportsGet.response,
  },
});

/** Streams exports in keyset batches, so memory stays flat whatever the size of the log. */
export function exportRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  siteRoute(app, deps, exportRoute, async ({ input, site, audit, now }) => {
    const { format, ...filter } = input.query;
    const generatedAt = new Date(now).toISOString();
    const writer = exportWriter(format, { siteKey: site.key, siteName: site.name, generatedAt });
    // The subject a filter names is audited by its hash (`subjectRef`), as an erasure is.
    const audited = filter.subject
      ? { ...filter, subject: await subjectRef(filter.subject) }
      : filter;
    await audit({ action: "receipts.export", detail: { format, filter: audited } });
    const encoder = new TextEncoder();
    const batches = receiptBatches(deps.db, site.id, filter);
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
          if (writer.tail) controller.enqueue(encoder.encode(writer.tail));
          controller.close();
          return;
        }
        let chunk = "";
        for (const row of next.value)
          chunk += writer.record(toAdminReceipt(row, site.key), index++);
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await batches.return(undefined);
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
