import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { auditRoutes } from "./audit.routes";
import { configRoutes } from "./config.routes";
import { exportRoutes } from "./exports.routes";
import { invitationAcceptRoutes } from "./invitation-accept.routes";
import { invitationRoutes } from "./invitations.routes";
import { memberRoutes } from "./members.routes";
import { adminReceiptRoutes } from "./receipts.routes";
import { retentionChangeRoutes } from "./retention-change.routes";
import { sessionRoutes } from "./session.routes";
import { siteRoutes } from "./sites.routes";
import { statsRoutes } from "./stats.routes";
import { subjectRoutes } from "./subjects.routes";
import { tokenRoutes } from "./tokens.routes";

export { csvCell } from "./export-formats";
export { decodeCursor, encodeCursor } from "./receipts.routes";
export { type SiteAccess, siteForPrincipal, sitesForUser } from "./site-access";
export { aggregateStats } from "./stats";

/** Every admin route: session, records, requests, exports, statistics, sites, config, users and
 * their invitations, tokens and the audit log. */
export function adminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  for (const routes of [
    sessionRoutes,
    adminReceiptRoutes,
    subjectRoutes,
    exportRoutes,
    statsRoutes,
    siteRoutes,
    retentionChangeRoutes,
    configRoutes,
    memberRoutes,
    invitationRoutes,
    invitationAcceptRoutes,
    tokenRoutes,
    auditRoutes,
  ]) {
    app.route("/", routes(deps));
  }
  return app;
}
