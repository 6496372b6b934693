import * as v from "valibot";
import { InvitationSchema, MemberSchema } from "./shapes";

/** `GET /v1/admin/sites/:site/members`: the site's users and the open invitations. */
export const MembersList = {
  response: v.object({ members: v.array(MemberSchema), invitations: v.array(InvitationSchema) }),
};
