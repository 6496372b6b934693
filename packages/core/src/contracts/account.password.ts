import * as v from "valibot";
import { PasswordChangeSchema } from "../admin-account";

/**
 * `PUT /v1/admin/account/password`: the password is changed, every other session of the account
 * is ended (`otherSessionsEnded` says how many were still open), every API token of the account
 * revoked on every site (`tokensRevoked`), and the caller's own session is
 * replaced by a new one: a new cookie, and `csrfToken`, the new session's token to echo.
 */
export const AccountPasswordChange = {
  request: PasswordChangeSchema,
  response: v.object({
    otherSessionsEnded: v.number(),
    tokensRevoked: v.number(),
    csrfToken: v.string(),
  }),
};

/** `PUT /v1/admin/account/password` answer. */
export type PasswordChanged = v.InferOutput<typeof AccountPasswordChange.response>;
