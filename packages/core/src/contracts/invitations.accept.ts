import * as v from "valibot";
import { InvitationAcceptSchema } from "../admin-invitations";
import { SiteSummarySchema } from "./shapes";

/** `POST /v1/admin/invitations/accept`: the invitee joined the site. */
export const InvitationsAccept = {
  request: InvitationAcceptSchema,
  response: v.object({ email: v.string(), site: SiteSummarySchema }),
};
