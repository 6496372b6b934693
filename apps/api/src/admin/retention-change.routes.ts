import { RetentionChangeCancel } from "@assent/core";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { notFound } from "../errors";
import { defineRoute } from "../openapi";
import { cancelRetentionChange } from "../retention";
import { siteRoute } from "./admin-route";
import { SiteParams } from "./site-params";
import { siteAsOf } from "./site-retention";
import { siteSettings } from "./sites.routes";

export const cancelRetentionChangeRoute = defineRoute({
  method: "DELETE",
  path: "/v1/admin/sites/:site/retention-change",
  summary:
    "Cancel the scheduled lowering of the site's retention before it takes effect (an owner; a token too, as cancelling keeps records)",
  tag: "sites",
  access: { kind: "site", role: "owner" },
  params: SiteParams,
  response: {
    status: 200,
    description: "The site's settings, nothing scheduled",
    schema: RetentionChangeCancel.response,
  },
  errors: ["NO_SCHEDULED_CHANGE"],
});

/** The scheduled lowering of a site's retention: cancelled here (asked for through `PATCH`). */
export function retentionChangeRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  siteRoute(
    app,
    deps,
    cancelRetentionChangeRoute,
    async ({ c, site, principal, now, auditEntry }) => {
      const fresh = await siteAsOf(deps.db, site, now);
      const cancel = { siteId: site.id, userId: principal.user.id, now };
      const cancelled = await cancelRetentionChange(deps.db, cancel, (change, stillPending) =>
        auditEntry(
          {
            action: "site.retention.cancel",
            target: site.key,
            detail: {
              changeId: change.id,
              retentionDays: change.retentionDays,
              minRetentionDays: change.minRetentionDays,
              effectiveAt: new Date(change.effectiveAt).toISOString(),
            },
          },
          stillPending,
        ),
      );
      if (!cancelled) {
        throw notFound("NO_SCHEDULED_CHANGE", "No change of retention is scheduled for this site");
      }
      return c.json(siteSettings(fresh, site.role, null));
    },
  );

  return app;
}
