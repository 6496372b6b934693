import type {
  AccountSession,
  PasswordChanged,
  PasswordChangeRequest,
  SessionsEnded,
} from "@assent/core";
import { ACCOUNT_PASSWORD_PATH, ACCOUNT_SESSIONS_PATH, apiRequest } from "./client";

/**
 * Changes the signed-in person's password. The API ends their other sessions and replaces this
 * one (a new cookie, and a new CSRF token the client keeps from the answer).
 */
export function changePassword(body: PasswordChangeRequest): Promise<PasswordChanged> {
  return apiRequest(ACCOUNT_PASSWORD_PATH, { method: "PUT", body });
}

/** The signed-in person's open sessions, newest first, this one marked `current`. */
export async function listAccountSessions(signal?: AbortSignal): Promise<AccountSession[]> {
  const answer = await apiRequest<{ sessions: AccountSession[] }>(ACCOUNT_SESSIONS_PATH, {
    signal,
  });
  return answer.sessions;
}

/** Ends every session of the signed-in person, this one included ("sign out everywhere"). */
export function signOutEverywhere(): Promise<SessionsEnded> {
  return apiRequest(ACCOUNT_SESSIONS_PATH, { method: "DELETE" });
}
