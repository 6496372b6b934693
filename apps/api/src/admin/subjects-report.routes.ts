import { buildAccessReport, SubjectsReport } from "@assent/core";
import { Hono } from "hono";
import { subjectRef } from "../audit";
import type { AppDeps } from "../deps";
import { defineRoute } from "../openapi";
import { accountRoute } from "./admin-route";
import { subjectParams } from "./subjects.routes";
import { readableSites, subjectReportInput } from "./subjects-report";

export const subjectReportRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/subjects/:subjectId/report",
  summary:
    "Access report: in plain language, what is held for a subject id on every site the caller may read (an API token: its own site)",
  tag: "requests",
  access: { kind: "account" },
  params: subjectParams,
  response: {
    status: 200,
    description:
      "The report, made from what is stored: per site checked, each receipt in time order and in words, what it keeps, purposes, recipients, retention and erasures; then the subject's rights and the data's source. Nothing held is a report that says so (`held: false`). Each site read gets a `subject.access` audit entry, as subject access does",
    schema: SubjectsReport.response,
  },
});

/** The plain-language access report, across the caller's sites. */
export function subjectReportRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  accountRoute(app, deps, subjectReportRoute, async ({ c, input, principal, now, auditEntry }) => {
    const { subjectId } = input.params;
    const ref = await subjectRef(subjectId);
    const readable = await readableSites(deps.db, principal);
    const report = buildAccessReport(
      await subjectReportInput(deps.db, readable, subjectId, ref, now),
    );
    // Each site looked into records the lookup in its own audit log, as subject access does for
    // one site (by the id's hash, with how many receipts it found there); all entries or none,
    // and no answer without them.
    const found = new Map(report.sites.map((s) => [s.site, s.records.length]));
    const [first, ...others] = readable.map((site) =>
      auditEntry({
        siteId: site.id,
        action: "subject.access",
        target: ref,
        detail: { receipts: found.get(site.key) ?? 0, report: true },
      }),
    );
    if (first) await deps.db.batch([first, ...others]);
    return c.json(report);
  });

  return app;
}
