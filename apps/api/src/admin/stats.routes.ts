import { StatsGet, StatsQuerySchema } from "@assent/core";
import {
  type Database,
  dailyCategoryStats,
  dailyJurisdictionStats,
  dailyMethodStats,
} from "@assent/db";
import { and, between, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { aggregateStats } from "./stats";

export const statsRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/stats",
  summary:
    "Daily statistics from the rollups: accept-all / reject-all / custom counts and opt-in rate per category, by policy version; methods by jurisdiction and rule",
  tag: "statistics",
  access: { kind: "site", role: "viewer" },
  query: StatsQuerySchema,
  response: {
    status: 200,
    description: "Totals, per policy version, and per day",
    schema: StatsGet.response,
  },
});

/** The three rollup reads behind the statistics, unexecuted (plans are checked in tests). */
export function statsQueries(
  db: Database,
  siteId: number,
  from: number,
  to: number,
  policyVersion?: string,
) {
  const m = dailyMethodStats;
  const k = dailyCategoryStats;
  const j = dailyJurisdictionStats;
  return {
    places: db
      .select({
        jurisdiction: j.jurisdiction,
        ruleId: j.ruleId,
        method: j.method,
        count: sql<number>`sum(${j.count})`.mapWith(Number),
      })
      .from(j)
      .where(
        and(
          eq(j.siteId, siteId),
          between(j.day, from, to),
          policyVersion ? eq(j.policyVersion, policyVersion) : undefined,
        ),
      )
      .groupBy(j.jurisdiction, j.ruleId, j.method),
    methods: db
      .select({ day: m.day, policyVersion: m.policyVersion, method: m.method, count: m.count })
      .from(m)
      .where(
        and(
          eq(m.siteId, siteId),
          between(m.day, from, to),
          policyVersion ? eq(m.policyVersion, policyVersion) : undefined,
        ),
      ),
    categories: db
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
          eq(k.siteId, siteId),
          between(k.day, from, to),
          policyVersion ? eq(k.policyVersion, policyVersion) : undefined,
        ),
      ),
  };
}

/** Statistics, read from the daily rollups only: a few hundred rows whatever the log's size. */
export function statsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  siteRoute(app, deps, statsRoute, async ({ c, input, site }) => {
    const { from, to, policyVersion } = input.query;
    const q = statsQueries(deps.db, site.id, from, to, policyVersion);
    const [methods, categories, places] = await Promise.all([q.methods, q.categories, q.places]);
    return c.json(aggregateStats(site.key, from, to, methods, categories, places));
  });
  return app;
}
