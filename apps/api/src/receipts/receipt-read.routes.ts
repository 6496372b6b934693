import { SUBJECT_ID, UUID_V7 } from "@assent/core";
import { receipts, sites } from "@assent/db";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { ApiError, notFound } from "../errors";
import { toStoredReceipt } from "./receipt-store";

/** The header that proves a reader is the receipt's subject: its pseudonymous subject id. */
export const SUBJECT_HEADER = "X-Assent-Subject";

/** Compares two strings in time that depends only on their lengths, not their contents. */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
  return diff === 0;
}

/**
 * `GET /v1/receipts/:id`: a receipt, to its own subject only. The subject id (the random,
 * first-party id only the visitor's browser holds) is the proof, sent in `X-Assent-Subject` and
 * compared in constant time. A wrong subject, an erased receipt and an unknown id all answer the
 * same 404, so the route says nothing about receipts that are not yours.
 */
export function receiptReadRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.options("/v1/receipts/:id", (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Access-Control-Allow-Methods", "GET");
    c.header("Access-Control-Allow-Headers", SUBJECT_HEADER);
    c.header("Access-Control-Max-Age", "86400");
    return c.body(null, 204);
  });

  app.get("/v1/receipts/:id", async (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cache-Control", "no-store");
    c.header("Vary", SUBJECT_HEADER);
    const subject = c.req.header(SUBJECT_HEADER) ?? "";
    if (!SUBJECT_ID.test(subject)) {
      throw new ApiError(
        "SUBJECT_REQUIRED",
        `Send your subject id in ${SUBJECT_HEADER} to read your receipt`,
      );
    }
    const id = c.req.param("id");
    const missing = notFound("RECEIPT_NOT_FOUND", "No receipt with this id for this subject");
    if (!UUID_V7.test(id)) throw missing;
    const [found] = await deps.db
      .select({ receipt: receipts, siteKey: sites.key })
      .from(receipts)
      .innerJoin(sites, eq(sites.id, receipts.siteId))
      .where(eq(receipts.id, id))
      .limit(1);
    const owner = found?.receipt.erasedAt == null ? (found?.receipt.subjectId ?? "") : "";
    if (!found || !sameSecret(owner, subject) || owner === "") throw missing;
    return c.json(toStoredReceipt(found.receipt, found.siteKey));
  });

  return app;
}
