import { AdminReceiptsList, type ReceiptPage, ReceiptQuerySchema } from "@assent/core";
import { Hono } from "hono";
import { subjectRef } from "../audit";
import type { AppDeps } from "../deps";
import { badRequest } from "../errors";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { readReceiptBatch, toAdminReceipt } from "./receipt-query";

/** Cursor of keyset pagination: the (serverTime, id) of the last row of a page. */
export function encodeCursor(serverTime: number, id: string): string {
  return btoa(`${serverTime}:${id}`).replace(/=+$/, "");
}

/** Reads a cursor back; throws a 400 for anything that is not one. */
export function decodeCursor(cursor: string): { serverTime: number; id: string } {
  let text = "";
  try {
    text = atob(cursor);
  } catch {
    // falls through to the error below
  }
  const match = /^(\d{1,15}):([0-9a-f-]{36})$/.exec(text);
  if (!match) throw badRequest("INVALID_CURSOR", "cursor is not one this API gave out");
  return { serverTime: Number(match[1]), id: match[2] as string };
}

export const listReceiptsRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/receipts",
  summary: "Query a site's consent receipts, newest first, keyset-paginated",
  tag: "records",
  access: { kind: "site", role: "viewer" },
  query: ReceiptQuerySchema,
  response: {
    status: 200,
    description: "A page of receipts and the cursor of the next",
    schema: AdminReceiptsList.response,
  },
  errors: ["INVALID_CURSOR"],
});

/** `GET /v1/admin/receipts?site=KEY&...filters&limit=50&cursor=C`. */
export function adminReceiptRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  siteRoute(app, deps, listReceiptsRoute, async ({ c, input, site, audit }) => {
    const { limit, cursor, ...filter } = input.query;
    const after = cursor ? decodeCursor(cursor) : null;
    const rows = await readReceiptBatch(deps.db, site.id, filter, {
      limit: limit + 1,
      after,
      order: "desc",
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const page: ReceiptPage = {
      items: items.map((row) => toAdminReceipt(row, site.key)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.serverTime, last.id) : null,
    };
    // Looking a data subject up is an access to their data, audited as the subject route does.
    if (filter.subject)
      await audit({
        action: "subject.access",
        target: await subjectRef(filter.subject),
        detail: { receipts: items.length, via: "records" },
      });
    return c.json(page);
  });
  return app;
}
