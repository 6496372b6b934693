import type { AuditEntry } from "@assent/core";
import { AuditList } from "@assent/core";
import { Hono } from "hono";
import * as v from "valibot";
import { listAudit } from "../audit";
import type { AppDeps } from "../deps";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { idParam, SiteParams } from "./site-params";

export const auditRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/sites/:site/audit",
  summary: "The site's audit log, newest first; page with `before` = the last id seen",
  tag: "audit",
  access: { kind: "site", role: "admin" },
  params: SiteParams,
  query: v.strictObject({
    limit: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,3}$/, "must be an integer from 1 to 200"),
        v.transform(Number),
        v.minValue(1, "must be an integer from 1 to 200"),
        v.maxValue(200, "must be an integer from 1 to 200"),
        v.metadata({ openapi: { type: "integer", minimum: 1, maximum: 200, default: 50 } }),
      ),
      "50",
    ),
    before: v.optional(idParam),
  }),
  response: { status: 200, description: "`{ items, nextBefore }`", schema: AuditList.response },
});

/** Reading the audit log. */
export function auditRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  siteRoute(app, deps, auditRoute, async ({ c, input, site }) => {
    const { limit, before } = input.query;
    const items: AuditEntry[] = await listAudit(deps.db, site.id, limit, before);
    const last = items[items.length - 1];
    return c.json({ items, nextBefore: items.length === limit && last ? last.id : null });
  });
  return app;
}
