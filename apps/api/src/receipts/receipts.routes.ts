import { parseReceiptInput, receiptMismatch, selectRule } from "@assent/core";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AppDeps } from "../deps";
import { ApiError, badRequest, notFound } from "../errors";
import { BODY_LIMITS, bodyLimit, bodyText, parseJsonBody, receiptLimiter } from "../limits";
import { truncateIp } from "../network";
import { signingKeyFor } from "../signing";
import { cachedPublishedByHash, cachedSite, type Site } from "../sites";
import { headerText } from "./header-text";
import { inProcessLog } from "./in-process-log";
import { receiptRow, sameReceipt, toStoredReceipt } from "./receipt-store";
import { ReceiptWriter } from "./receipt-writer";

/** Largest receipt body accepted. */
export const MAX_RECEIPT_BYTES = BODY_LIMITS.receipt;

/**
 * Whether a request's Origin may post receipts for a site: one of the site's allowed origins, or
 * this API's own public origin. A request without `Origin` is not from a browser page.
 */
function originAllowed(c: Context, deps: AppDeps, site: Site): boolean {
  const origin = c.req.header("Origin");
  if (!origin) return true;
  return origin === deps.origin.of(c) || site.allowedOrigins.includes(origin);
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^(application\/json|text\/plain)\s*(;|$)/i.test(type)) {
    throw new ApiError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the receipt as application/json or text/plain",
    );
  }
  return parseJsonBody(await bodyText(c));
}

/**
 * Every answer to a page's receipt, refusals included, is readable by that page: the SDK must
 * see a 4xx (and stop retrying what will never be stored) or a 429's `Retry-After`, not a network
 * error. Readable is not accepted: an origin outside the site's list still gets its 403.
 */
const readableByThePage: MiddlewareHandler = async (c, next) => {
  await next();
  const origin = c.req.header("Origin");
  if (!origin) return;
  c.header("Access-Control-Allow-Origin", origin);
  c.header("Access-Control-Expose-Headers", "Retry-After");
  c.header("Vary", "Origin");
};

/**
 * `POST /v1/receipts`: validates a receipt with the core schema, stamps it with what only the
 * server knows, and hands it with the site's key to `deps.appendLog` (through a `ReceiptWriter`
 * of its own, which groups concurrent receipts and keeps `previousId` only where it names the same
 * subject's receipt on the site, `null` otherwise), which signs it and appends it with its category
 * rows and the daily rollups in one transaction; answers `201` with the
 * stored receipt and its proof once that transaction has committed (`200` with the receipt
 * already stored when the same receipt was sent before, `409 RECEIPT_ID_CONFLICT` when the id is
 * another receipt's: `sameReceipt`). Rate limited per address (before the body is
 * read) and per site (`deps.rateLimits`): `429 RATE_LIMITED` with `Retry-After`.
 */
export function receiptRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;
  const writer = new ReceiptWriter(deps.db, deps.appendLog ?? inProcessLog(deps.db), deps.ingest);
  const limiter = receiptLimiter(deps.rateLimits, now);

  app.options("/v1/receipts", (c) => {
    const origin = c.req.header("Origin");
    if (origin) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Vary", "Origin");
    }
    c.header("Access-Control-Allow-Methods", "POST");
    c.header("Access-Control-Allow-Headers", "Content-Type");
    c.header("Access-Control-Max-Age", "86400");
    return c.body(null, 204);
  });

  app.post(
    "/v1/receipts",
    readableByThePage,
    async (c, next) => {
      limiter.address(deps.client(c).ip);
      await next();
    },
    bodyLimit(MAX_RECEIPT_BYTES, `A receipt is at most ${MAX_RECEIPT_BYTES} bytes`),
    async (c) => {
      const parsed = parseReceiptInput(await readJson(c));
      if (!parsed.ok) throw badRequest("INVALID_RECEIPT", parsed.message);
      const input = parsed.value;
      const site = await cachedSite(deps.db, input.siteKey);
      if (!site) throw notFound("SITE_NOT_FOUND", `No site with key "${input.siteKey}"`);
      if (!originAllowed(c, deps, site)) {
        throw new ApiError("ORIGIN_NOT_ALLOWED", `Origin is not allowed for site "${site.key}"`);
      }
      const shown = await cachedPublishedByHash(deps.db, site.id, input.configHash);
      if (!shown) {
        throw new ApiError(
          "UNKNOWN_CONFIG",
          "configHash does not match any published configuration of this site",
        );
      }
      // The receipt must be one the banner of that configuration could have made.
      const mismatch = receiptMismatch(input, shown.config);
      if (mismatch) {
        throw new ApiError(
          "RECEIPT_CONFIG_MISMATCH",
          `The receipt does not fit configuration version ${shown.version}: ${mismatch}`,
        );
      }
      // Counted only for a receipt the site's banner could have sent: refused ones (another
      // origin, an unknown config) never use up what the site's visitors share.
      limiter.site(site.key);
      const client = deps.client(c);
      const serverTime = now();
      const unsigned = receiptRow(input, {
        siteId: site.id,
        serverTime,
        ip: site.ipMode === "none" ? null : truncateIp(client.ip),
        userAgent: headerText(c.req.header("User-Agent"), 512),
        gpcHeader: c.req.header("Sec-GPC") === "1",
        jurisdiction: client.country,
        subdivision: client.subdivision ?? null,
        // The rule is the server's own choice from the trusted location, never the client's word.
        ruleId: shown.config.jurisdictions ? selectRule(shown.config, client).rule.id : null,
        configVersion: shown.version,
      });
      const key = await signingKeyFor(deps.db, site, serverTime);
      const { created, row } = await writer.write({
        row: unsigned,
        categories: input.decision.categories,
        key,
        siteKey: site.key,
      });
      if (!created && !sameReceipt(row, unsigned)) {
        throw new ApiError("RECEIPT_ID_CONFLICT", "A different receipt already has this id");
      }
      return c.json(toStoredReceipt(row, site.key), created ? 201 : 200);
    },
  );

  return app;
}
