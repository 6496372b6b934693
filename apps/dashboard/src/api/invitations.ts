import type { AcceptedInvitation, InvitationAcceptRequest, InvitationDetails } from "@assent/core";
import { apiRequest } from "./client";

/** The place in the dashboard's address an invitation link carries its token (`#invitation=`). */
export const INVITATION_FRAGMENT = "invitation";

/** The token in the address's fragment (never sent to a server), if any. */
export function invitationToken(hash: string = location.hash): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get(INVITATION_FRAGMENT);
}

/** Removes the token from the address once it has been used or left. */
export function forgetInvitationToken(): void {
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
}

/** What an invitation offers: the site, the address it was sent to, the role. */
export function inspectInvitation(token: string): Promise<InvitationDetails> {
  return apiRequest("/v1/admin/invitations/inspect", { method: "POST", body: { token } });
}

/** Accepts an invitation with the account's password, or a new one for a new account. */
export function acceptInvitation(body: InvitationAcceptRequest): Promise<AcceptedInvitation> {
  return apiRequest("/v1/admin/invitations/accept", { method: "POST", body });
}
