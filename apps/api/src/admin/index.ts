export { siteForUser, sitesForUser } from "./memberships";
export { adminReceiptRoutes, decodeCursor, encodeCursor } from "./receipts.routes";
export { sessionRoutes } from "./session.routes";
