import {
  NoteError,
  parseVerifierKey,
  SIGNATURE_TYPE,
  type Witness,
  WitnessCreateSchema,
  WitnessesCreate,
  WitnessesList,
} from "@assent/core";
import { isUniqueViolation, witnessCosignatures, witnessPeers } from "@assent/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { siteRoute } from "../admin";
import { auditDetail } from "../audit";
import type { AppDeps } from "../deps";
import { ApiError, badRequest, notFound } from "../errors";
import { defineRoute } from "../openapi";
import { siteItemParams, siteParams } from "./witness-params";
import { witnessUrl } from "./witness-url";

const base = "/v1/admin/sites/:site/witnesses";

export const listWitnessesRoute = defineRoute({
  method: "GET",
  path: base,
  summary: "The witnesses the site's log submits its checkpoints to, and where each stands",
  tag: "witness",
  access: { kind: "site", role: "admin" },
  params: siteParams,
  response: { status: 200, description: "`{ witnesses: [...] }`", schema: WitnessesList.response },
});
export const createWitnessRoute = defineRoute({
  method: "POST",
  path: base,
  summary:
    "Submit the site's checkpoints to a witness (C2SP tlog-witness): a name, its submission prefix and its cosignature verifier key; 400 WITNESS_URL_NOT_ALLOWED for a prefix that is not https on a host name or public address (no credentials, query or fragment), 409 WITNESS_TAKEN for a key already there",
  tag: "witness",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: siteParams,
  body: WitnessCreateSchema,
  response: { status: 201, description: "The witness", schema: WitnessesCreate.response },
  errors: ["WITNESS_TAKEN", "WITNESS_URL_NOT_ALLOWED"],
});
export const deleteWitnessRoute = defineRoute({
  method: "DELETE",
  path: `${base}/:id`,
  summary: "Stop submitting to a witness; the cosignatures it gave are no longer served",
  tag: "witness",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: siteItemParams,
  response: { status: 204, description: "Removed" },
  errors: ["WITNESS_NOT_FOUND"],
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A witness row as the admin API shows it. */
export function witnessSummary(row: typeof witnessPeers.$inferSelect): Witness {
  const { id, name, url, vkey, size } = row;
  const lastError =
    row.lastError === null ? null : (JSON.parse(row.lastError) as Witness["lastError"]);
  return { id, name, url, vkey, size, lastSuccessAt: iso(row.lastSuccessAt), lastError };
}

function checkWitnessKey(vkey: string): void {
  try {
    const key = parseVerifierKey(vkey);
    if (key.type !== SIGNATURE_TYPE.cosignature) {
      throw new NoteError("BAD_KEY", "not a witness cosignature key (type 0x04)");
    }
  } catch (err) {
    if (err instanceof NoteError) throw badRequest("INVALID_BODY", `vkey: ${err.message}`);
    throw err;
  }
}

/** A site's witnesses, managed by its owners and audited (`witness.add`, `witness.remove`). */
export function witnessPeerRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;

  siteRoute(app, deps, listWitnessesRoute, async ({ c, site }) => {
    const rows = await db
      .select()
      .from(witnessPeers)
      .where(eq(witnessPeers.siteId, site.id))
      .orderBy(asc(witnessPeers.id));
    return c.json({ witnesses: rows.map(witnessSummary) });
  });

  siteRoute(app, deps, createWitnessRoute, async ({ c, input, site, now, auditEntry }) => {
    const { name, url, vkey } = input.body;
    checkWitnessKey(vkey);
    const checked = witnessUrl(url, { privateNetworks: deps.witnessPrivateNetworks ?? false });
    if (!checked.ok) throw badRequest("WITNESS_URL_NOT_ALLOWED", checked.reason);
    const { prefix } = checked;
    const created = sql`(SELECT ${witnessPeers.id} FROM ${witnessPeers} WHERE ${witnessPeers.siteId} = ${site.id} AND ${witnessPeers.vkey} = ${vkey})`;
    try {
      const [[row]] = await db.batch([
        db
          .insert(witnessPeers)
          .values({ siteId: site.id, name, url: prefix, vkey, createdAt: now })
          .returning(),
        auditEntry({
          action: "witness.add",
          target: name,
          detail: auditDetail({ id: created, url: prefix, vkey }),
        }),
      ]);
      if (!row) throw new Error("witness was not stored");
      return c.json(witnessSummary(row), 201);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new ApiError("WITNESS_TAKEN", "This site already submits to a witness with that key");
    }
  });

  siteRoute(app, deps, deleteWitnessRoute, async ({ c, input, site, auditEntry }) => {
    const mine = and(eq(witnessPeers.id, input.params.id), eq(witnessPeers.siteId, site.id));
    const [found] = await db.select().from(witnessPeers).where(mine);
    if (!found) throw notFound("WITNESS_NOT_FOUND", "This site has no witness with that id");
    await db.batch([
      auditEntry({
        action: "witness.remove",
        target: found.name,
        detail: { id: found.id, url: found.url, vkey: found.vkey },
      }),
      db
        .delete(witnessCosignatures)
        .where(
          and(eq(witnessCosignatures.siteId, site.id), eq(witnessCosignatures.peerId, found.id)),
        ),
      db.delete(witnessPeers).where(mine),
    ]);
    return c.body(null, 204);
  });

  return app;
}
