import * as v from "valibot";

const instant = v.pipe(v.string(), v.isoTimestamp());

/** One open session of the signed-in account; `current` is the one asking. */
export const AccountSessionSchema = v.object({
  createdAt: instant,
  /** When it was last used (to the minute). */
  lastSeenAt: v.nullable(instant),
  expiresAt: instant,
  current: v.boolean(),
});

/** An open session of the signed-in account. */
export type AccountSession = v.InferOutput<typeof AccountSessionSchema>;

/** `GET /v1/admin/account/sessions`: the account's open sessions, newest first. */
export const AccountSessionsList = {
  response: v.object({ sessions: v.array(AccountSessionSchema) }),
};

/**
 * `DELETE /v1/admin/account/sessions` ("sign out everywhere"): every session of the account is
 * ended, the caller's own included, and its cookie cleared; `sessionsEnded` counts those that
 * were open. Every API token of the account is revoked too, on every site (`tokensRevoked`):
 * one minted from a stolen session must not outlive the recovery.
 */
export const AccountSessionsEnd = {
  response: v.object({ sessionsEnded: v.number(), tokensRevoked: v.number() }),
};

/** `DELETE /v1/admin/account/sessions` answer. */
export type SessionsEnded = v.InferOutput<typeof AccountSessionsEnd.response>;
