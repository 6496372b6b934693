import { proveInclusion, SUBJECT_ID, toBase64, UUID_V7 } from "@assent/core";
import { receipts, sites } from "@assent/db";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { Hono } from "hono";
import { siteForPrincipal } from "../admin";
import { authenticate, type Principal } from "../auth";
import type { AppDeps } from "../deps";
import { ApiError, notFound } from "../errors";
import { SUBJECT_HEADER } from "../receipts";
import { checkpointForProof } from "../witness";
import { logKeyFor, logOrigin } from "./log-keys";
import { latestCheckpoint, leafOfReceipt, storedTiles } from "./log-store";

/** Compares two strings in time that depends only on their lengths, not their contents. */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
  return diff === 0;
}

/**
 * `GET /v1/receipts/:id/proof`: where a receipt is in its site's log, with the inclusion proof
 * against the latest checkpoint and the key that signed it. Authorised like `GET /v1/receipts/:id`
 * (the receipt's subject, by `X-Assent-Subject`), and for the site's admins (session or API
 * token, any role). A receipt not integrated yet answers 409 `NOT_YET_LOGGED` with
 * `Retry-After`.
 */
export function receiptProofRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;
  const retryAfter = String(deps.logIntegrationSeconds ?? 1);

  app.options("/v1/receipts/:id/proof", (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Access-Control-Allow-Methods", "GET");
    c.header("Access-Control-Allow-Headers", SUBJECT_HEADER);
    c.header("Access-Control-Max-Age", "86400");
    return c.body(null, 204);
  });

  /**
   * Whether the request may see the receipt's proof: its subject (the visitor's own id), or an
   * admin of its site already authenticated (`principal`).
   */
  async function authorise(
    c: Context,
    row: { siteKey: string; subjectId: string | null },
    principal: Principal | null,
  ) {
    const subject = c.req.header(SUBJECT_HEADER);
    if (subject !== undefined) {
      if (!SUBJECT_ID.test(subject)) {
        throw new ApiError("SUBJECT_REQUIRED", `Send your subject id in ${SUBJECT_HEADER}`);
      }
      return row.subjectId !== null && sameSecret(row.subjectId, subject);
    }
    if (!principal) return false;
    return siteForPrincipal(deps.db, principal, row.siteKey, "viewer").then(
      () => true,
      (err: unknown) => {
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return false;
        throw err;
      },
    );
  }

  app.get("/v1/receipts/:id/proof", async (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cache-Control", "no-store");
    c.header("Vary", SUBJECT_HEADER);
    const subject = c.req.header(SUBJECT_HEADER);
    if (subject === undefined && !c.req.header("Authorization") && !c.req.header("Cookie")) {
      throw new ApiError(
        "SUBJECT_REQUIRED",
        `Send your subject id in ${SUBJECT_HEADER}, or sign in as an admin of the site`,
      );
    }
    // Credentials are checked before the receipt is looked up: a bad session or token gets the
    // same answer whether or not the id exists.
    const principal = subject === undefined ? await authenticate(c, deps) : null;
    const id = c.req.param("id");
    const missing = notFound("RECEIPT_NOT_FOUND", "No receipt with this id for you");
    const [row] = UUID_V7.test(id)
      ? await deps.db
          .select({ siteId: sites.id, siteKey: sites.key, subjectId: receipts.subjectId })
          .from(receipts)
          .innerJoin(sites, eq(sites.id, receipts.siteId))
          .where(eq(receipts.id, id))
          .limit(1)
      : [];
    if (!row || !(await authorise(c, row, principal))) throw missing;
    const leaf = await leafOfReceipt(deps.db, id);
    if (!leaf) {
      throw new ApiError("NOT_YET_LOGGED", "The receipt is not in the log yet; retry shortly", {
        headers: { "Retry-After": retryAfter },
      });
    }
    const logKey = await logKeyFor(
      deps.db,
      { id: row.siteId },
      logOrigin(deps.origin.of(c), row.siteKey),
      now(),
    );
    const latest = await latestCheckpoint(deps.db, row.siteId, logKey);
    // Against a witnessed checkpoint where one holds the receipt, else the latest: never one
    // newer than what `/log/checkpoint` serves from now on.
    const cosigned = await checkpointForProof(deps.db, row.siteId, latest, {
      now: now(),
      atLeast: leaf.index + 1,
    });
    const inclusion = await proveInclusion(
      cosigned.size,
      leaf.index,
      storedTiles(deps.db, row.siteId),
    );
    return c.json({
      index: leaf.index,
      checkpoint: cosigned.note,
      inclusion: inclusion.map(toBase64),
      vkey: logKey.vkey,
      ...(cosigned.witnesses.length > 0 ? { witnesses: cosigned.witnesses } : {}),
    });
  });

  return app;
}
