/**
 * The signed-in person's own account: changing its password, and the sessions it is signed in
 * with. Shared by the API (validator) and the dashboard (sender and reader).
 */
import * as v from "valibot";
import { accountPasswordSchema, passwordSchema } from "./admin";

/**
 * `PUT /v1/admin/account/password`: the current password, and a new one held to the same rules
 * as any chosen password (`passwordSchema`) that is not the current one.
 */
export const PasswordChangeSchema = v.pipe(
  v.strictObject({ currentPassword: accountPasswordSchema, newPassword: passwordSchema }),
  v.forward(
    v.partialCheck(
      [["currentPassword"], ["newPassword"]],
      (input) => input.currentPassword !== input.newPassword,
      "must differ from the current password",
    ),
    ["newPassword"],
  ),
);
export type PasswordChangeRequest = v.InferInput<typeof PasswordChangeSchema>;
