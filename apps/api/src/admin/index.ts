import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { type RouteSpec, routeSpecsIn } from "../openapi";
import * as accountModule from "./account.routes";
import * as auditModule from "./audit.routes";
import * as configModule from "./config.routes";
import * as configSpecModule from "./config.spec";
import * as exportsModule from "./exports.routes";
import * as invitationAcceptModule from "./invitation-accept.routes";
import * as invitationsModule from "./invitations.routes";
import * as membersModule from "./members.routes";
import * as receiptsModule from "./receipts.routes";
import * as retentionChangeModule from "./retention-change.routes";
import * as sessionModule from "./session.routes";
import * as sitesModule from "./sites.routes";
import * as statsModule from "./stats.routes";
import * as subjectsModule from "./subjects.routes";
import * as subjectsReportModule from "./subjects-report.routes";
import * as tokensModule from "./tokens.routes";
import * as wordingsModule from "./wordings.routes";

export { type SiteCall, siteRoute } from "./admin-route";
export { csvCell } from "./export-formats";
export { decodeCursor, encodeCursor } from "./receipts.routes";
export { type SiteAccess, siteForPrincipal, sitesForUser } from "./site-access";
export { aggregateStats } from "./stats";

/** Every admin route: session and account, records, requests, exports, statistics, sites,
 * config, users and their invitations, tokens, the audit log and the standard wordings. */
export function adminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  for (const routes of [
    sessionModule.sessionRoutes,
    accountModule.accountRoutes,
    receiptsModule.adminReceiptRoutes,
    subjectsModule.subjectRoutes,
    subjectsReportModule.subjectReportRoutes,
    exportsModule.exportRoutes,
    statsModule.statsRoutes,
    sitesModule.siteRoutes,
    retentionChangeModule.retentionChangeRoutes,
    configModule.configRoutes,
    membersModule.memberRoutes,
    invitationsModule.invitationRoutes,
    invitationAcceptModule.invitationAcceptRoutes,
    tokensModule.tokenRoutes,
    auditModule.auditRoutes,
    wordingsModule.wordingRoutes,
  ]) {
    app.route("/", routes(deps));
  }
  return app;
}

/** Every admin route's spec, as declared beside its handler (for the OpenAPI document). */
export const adminRouteSpecs: RouteSpec[] = routeSpecsIn(
  accountModule,
  auditModule,
  configSpecModule,
  exportsModule,
  invitationAcceptModule,
  invitationsModule,
  membersModule,
  receiptsModule,
  retentionChangeModule,
  sessionModule,
  sitesModule,
  statsModule,
  subjectsModule,
  subjectsReportModule,
  tokensModule,
  wordingsModule,
);
