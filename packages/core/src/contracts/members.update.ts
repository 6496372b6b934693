import { MemberRoleSchema } from "../admin";
import { MemberSchema } from "./shapes";

/** `PATCH /v1/admin/sites/:site/members/:userId`: the member with the new role. */
export const MembersUpdate = { request: MemberRoleSchema, response: MemberSchema };
