import {
  type ApiTokenSummary,
  type CreatedApiToken,
  hasRole,
  TokenCreateSchema,
  TokensCreate,
  TokensList,
} from "@assent/core";
import { apiTokens, users } from "@assent/db";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import { auditDetail } from "../audit";
import { newApiToken } from "../auth";
import type { AppDeps } from "../deps";
import { ApiError, notFound } from "../errors";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { idParam, SiteParams, siteKeyParam } from "./site-params";

const base = "/v1/admin/sites/:site/tokens";
const DAY_MS = 86_400_000;

export const listTokensRoute = defineRoute({
  method: "GET",
  path: base,
  summary: "The site's API tokens (never their secrets)",
  tag: "tokens",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: SiteParams,
  response: { status: 200, description: "`{ tokens: [...] }`", schema: TokensList.response },
});
export const createTokenRoute = defineRoute({
  method: "POST",
  path: base,
  summary: "Create an API token for scripted exports; its secret is shown only in this answer",
  tag: "tokens",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: SiteParams,
  body: TokenCreateSchema,
  response: {
    status: 201,
    description: "The token, with its secret",
    schema: TokensCreate.response,
  },
  errors: ["FORBIDDEN"],
});
export const revokeTokenRoute = defineRoute({
  method: "DELETE",
  path: `${base}/:tokenId`,
  summary: "Revoke an API token",
  tag: "tokens",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: v.object({ site: siteKeyParam, tokenId: idParam }),
  response: { status: 204, description: "Revoked" },
  errors: ["TOKEN_NOT_FOUND"],
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function summary(row: typeof apiTokens.$inferSelect, createdBy: string): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}

/** API tokens: bearer secrets scoped to one site and a role, stored only as hashes. */
export function tokenRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;

  siteRoute(app, deps, listTokensRoute, async ({ c, site }) => {
    const rows = await db
      .select({ token: apiTokens, email: users.email })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.siteId, site.id))
      .orderBy(desc(apiTokens.id));
    return c.json({ tokens: rows.map((r) => summary(r.token, r.email)) });
  });

  siteRoute(app, deps, createTokenRoute, async ({ c, input, site, principal, now, auditEntry }) => {
    const { name, role, expiresInDays } = input.body;
    if (!hasRole(site.role, role)) {
      throw new ApiError("FORBIDDEN", "A token cannot have more rights than its creator");
    }
    const { token, hash } = await newApiToken();
    const created = sql`(SELECT ${apiTokens.id} FROM ${apiTokens} WHERE ${apiTokens.tokenHash} = ${hash})`;
    const [[row]] = await db.batch([
      db
        .insert(apiTokens)
        .values({
          userId: principal.user.id,
          siteId: site.id,
          name,
          role,
          tokenHash: hash,
          createdAt: now,
          expiresAt: expiresInDays ? now + expiresInDays * DAY_MS : null,
        })
        .returning(),
      auditEntry({
        action: "token.create",
        target: name,
        detail: auditDetail({ tokenId: created, role }),
      }),
    ]);
    if (!row) throw new Error("token was not created");
    const body: CreatedApiToken = { ...summary(row, principal.user.email), token };
    return c.json(body, 201);
  });

  siteRoute(app, deps, revokeTokenRoute, async ({ c, input, site, now, auditEntry }) => {
    const active = and(
      eq(apiTokens.id, input.params.tokenId),
      eq(apiTokens.siteId, site.id),
      isNull(apiTokens.revokedAt),
    );
    const [found] = await db.select({ name: apiTokens.name }).from(apiTokens).where(active);
    const missing = () => notFound("TOKEN_NOT_FOUND", "No active token with this id on this site");
    if (!found) throw missing();
    // The entry is written only while the token is still active, the revocation after it.
    const [[entry], revoked] = await db.batch([
      auditEntry(
        { action: "token.revoke", target: found.name, detail: { tokenId: input.params.tokenId } },
        sql`EXISTS ${db.select({ id: apiTokens.id }).from(apiTokens).where(active)}`,
      ),
      db.update(apiTokens).set({ revokedAt: now }).where(active).returning({ id: apiTokens.id }),
    ]);
    if (!entry || revoked.length === 0) throw missing();
    return c.body(null, 204);
  });

  return app;
}
