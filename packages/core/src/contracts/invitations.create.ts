import * as v from "valibot";
import { MemberInviteSchema } from "../admin";
import { InvitationSchema } from "./shapes";

/** `POST /v1/admin/sites/:site/members`: an invitation, with its link shown once. */
export const InvitationsCreate = {
  request: MemberInviteSchema,
  response: v.object({ ...InvitationSchema.entries, token: v.string(), acceptUrl: v.string() }),
};
