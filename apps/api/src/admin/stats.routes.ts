import { StatsQuerySchema } from "@assent/core";
import { dailyCategoryStats, dailyMethodStats } from "@assent/db";
import { and, between, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { aggregateStats } from "./stats";

export const statsRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/stats",
  summary:
    "Daily statistics from the rollups: accept-all / reject-all / custom counts and opt-in rate per category, by policy version",
  tag: "statistics",
  access: { kind: "site", role: "viewer" },
  query: StatsQuerySchema,
  response: { status: 200, description: "Totals, per policy version, and per day" },
});

/** Statistics, read from the daily rollups only: a few hundred rows whatever the log's size. */
export function statsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  siteRoute(app, deps, statsRoute, async ({ c, input, site }) => {
    const { from, to, policyVersion } = input.query;
    const m = dailyMethodStats;
    const k = dailyCategoryStats;
    const [methods, categories] = await Promise.all([
      deps.db
        .select({ day: m.day, policyVersion: m.policyVersion, method: m.method, count: m.count })
        .from(m)
        .where(
          and(
            eq(m.siteId, site.id),
            between(m.day, from, to),
            policyVersion ? eq(m.policyVersion, policyVersion) : undefined,
          ),
        ),
      deps.db
        .select({
          day: k.day,
          policyVersion: k.policyVersion,
          category: k.category,
          granted: k.granted,
          denied: k.denied,
        })
        .from(k)
        .where(
          and(
            eq(k.siteId, site.id),
            between(k.day, from, to),
            policyVersion ? eq(k.policyVersion, policyVersion) : undefined,
          ),
        ),
    ]);
    return c.json(aggregateStats(site.key, from, to, methods, categories));
  });
  return app;
}
