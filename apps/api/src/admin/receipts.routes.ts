import type { Page, StoredReceipt } from "@assent/core";
import { receipts } from "@assent/db";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { Hono } from "hono";
import { type AdminEnv, requireSession } from "../auth";
import type { AppDeps } from "../deps";
import { badRequest } from "../errors";
import { toStoredReceipt } from "../receipts";
import { siteForUser } from "./memberships";

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

/** `GET /v1/admin/receipts?site=KEY&limit=50&cursor=C`: newest first, keyset-paginated. */
export function adminReceiptRoutes(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get("/v1/admin/receipts", requireSession(deps), async (c) => {
    const site = await siteForUser(deps.db, c.var.user.id, c.req.query("site"));
    const limitText = c.req.query("limit") ?? "50";
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw badRequest("INVALID_LIMIT", "limit must be an integer from 1 to 500");
    }
    const cursorText = c.req.query("cursor");
    const cursor = cursorText ? decodeCursor(cursorText) : null;
    const after = cursor
      ? or(
          lt(receipts.serverTime, cursor.serverTime),
          and(eq(receipts.serverTime, cursor.serverTime), lt(receipts.id, cursor.id)),
        )
      : undefined;
    const rows = await deps.db
      .select()
      .from(receipts)
      .where(and(eq(receipts.siteId, site.id), after))
      .orderBy(desc(receipts.serverTime), desc(receipts.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const page: Page<StoredReceipt> = {
      items: items.map((row) => toStoredReceipt(row, site.key)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.serverTime, last.id) : null,
    };
    return c.json(page);
  });

  return app;
}
