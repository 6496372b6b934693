import {
  NoteError,
  parseVerifierKey,
  SIGNATURE_TYPE,
  type WitnessedLog,
  WitnessedLogCreateSchema,
  WitnessedLogsCreate,
  WitnessedLogsList,
} from "@assent/core";
import { isUniqueViolation, witnessedLogs } from "@assent/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { siteRoute } from "../admin";
import { auditDetail } from "../audit";
import type { AppDeps } from "../deps";
import { ApiError, badRequest, notFound } from "../errors";
import { defineRoute } from "../openapi";
import { witnessKeyFor, witnessName } from "./witness-key";
import { siteItemParams, siteParams } from "./witness-params";

const base = "/v1/admin/sites/:site/witnessed-logs";

export const listWitnessedLogsRoute = defineRoute({
  method: "GET",
  path: base,
  summary: "The logs this server witnesses for the site's owners, with this server's witness key",
  tag: "witness",
  access: { kind: "site", role: "owner" },
  params: siteParams,
  response: {
    status: 200,
    description: "`{ witnessVkey, logs }`",
    schema: WitnessedLogsList.response,
  },
});
export const createWitnessedLogRoute = defineRoute({
  method: "POST",
  path: base,
  summary:
    "Witness another log (C2SP tlog-witness): its origin and note verifier key; 409 WITNESSED_LOG_TAKEN when this server already witnesses that origin",
  tag: "witness",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: siteParams,
  body: WitnessedLogCreateSchema,
  response: { status: 201, description: "The log", schema: WitnessedLogsCreate.response },
  errors: ["WITNESSED_LOG_TAKEN"],
});
export const deleteWitnessedLogRoute = defineRoute({
  method: "DELETE",
  path: `${base}/:id`,
  summary: "Stop witnessing a log the site's owners added",
  tag: "witness",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: siteItemParams,
  response: { status: 204, description: "No longer witnessed" },
  errors: ["WITNESSED_LOG_NOT_FOUND"],
});

function summary(row: typeof witnessedLogs.$inferSelect): WitnessedLog {
  const { id, origin, vkey, size, root } = row;
  return { id, origin, vkey, size, root, updatedAt: new Date(row.updatedAt).toISOString() };
}

/** A log's note key, whose name must be its origin (as Assent's and Go's logs name them). */
function checkLogKey(origin: string, vkey: string): void {
  try {
    const key = parseVerifierKey(vkey);
    if (key.type !== SIGNATURE_TYPE.ed25519)
      throw new NoteError("BAD_KEY", "not a note key (0x01)");
    if (key.name !== origin) throw new NoteError("BAD_KEY", `its name is not the origin ${origin}`);
  } catch (err) {
    if (err instanceof NoteError) throw badRequest("INVALID_BODY", `vkey: ${err.message}`);
    throw err;
  }
}

/**
 * The logs this server witnesses, each added by the owners of one of its sites (and audited
 * there): `witness.log.add` and `witness.log.remove`.
 */
export function witnessedLogRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;

  siteRoute(app, deps, listWitnessedLogsRoute, async ({ c, site, now }) => {
    const key = await witnessKeyFor(db, witnessName(deps.origin.of(c)), now);
    const rows = await db
      .select()
      .from(witnessedLogs)
      .where(eq(witnessedLogs.siteId, site.id))
      .orderBy(asc(witnessedLogs.id));
    return c.json({ witnessVkey: key.vkey, logs: rows.map(summary) });
  });

  siteRoute(app, deps, createWitnessedLogRoute, async ({ c, input, site, now, auditEntry }) => {
    const { origin, vkey } = input.body;
    checkLogKey(origin, vkey);
    const created = sql`(SELECT ${witnessedLogs.id} FROM ${witnessedLogs} WHERE ${witnessedLogs.origin} = ${origin})`;
    try {
      const [[row]] = await db.batch([
        db
          .insert(witnessedLogs)
          .values({ siteId: site.id, origin, vkey, createdAt: now, updatedAt: now })
          .returning(),
        auditEntry({
          action: "witness.log.add",
          target: origin,
          detail: auditDetail({ vkey, id: created }),
        }),
      ]);
      if (!row) throw new Error("witnessed log was not stored");
      return c.json(summary(row), 201);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new ApiError("WITNESSED_LOG_TAKEN", `This server already witnesses "${origin}"`);
    }
  });

  siteRoute(app, deps, deleteWitnessedLogRoute, async ({ c, input, site, auditEntry }) => {
    const mine = and(eq(witnessedLogs.id, input.params.id), eq(witnessedLogs.siteId, site.id));
    const [found] = await db.select().from(witnessedLogs).where(mine);
    if (!found) throw notFound("WITNESSED_LOG_NOT_FOUND", "This site added no such witnessed log");
    await db.batch([
      auditEntry({
        action: "witness.log.remove",
        target: found.origin,
        detail: { size: found.size, root: found.root },
      }),
      db.delete(witnessedLogs).where(mine),
    ]);
    return c.body(null, 204);
  });

  return app;
}
