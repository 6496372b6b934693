import * as v from "valibot";
import { ROLES } from "../admin";
import { InvitationTokenSchema } from "../admin-invitations";

/** `POST /v1/admin/invitations/inspect`: what an invitation is for. */
export const InvitationsInspect = {
  request: InvitationTokenSchema,
  response: v.object({
    site: v.object({ key: v.string(), name: v.string() }),
    email: v.string(),
    role: v.picklist(ROLES),
    expiresAt: v.string(),
  }),
};
