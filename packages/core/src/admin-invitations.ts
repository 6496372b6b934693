/**
 * Invitations to a site: the owner invites an address, the invited person accepts with the
 * one-time token. Shared by the API (validator) and the dashboard (reader).
 */
import * as v from "valibot";
import { nameSchema, passwordSchema, type Role, type SiteSummary } from "./admin";

/** Days an invitation can be accepted. */
export const INVITATION_TTL_DAYS = 7;

/** An invitation token: 256 random bits, base64url. */
const tokenSchema = v.pipe(v.string(), v.regex(/^[\w-]{43}$/, "must be an invitation token"));

/** A pending invitation, as the site's members list shows it. */
export interface Invitation {
  id: number;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

/**
 * `POST /v1/admin/sites/:site/members` answer (`201`): the invitation and, once only, its token
 * and the dashboard link that carries it. The same shape whether or not the address has an
 * account.
 */
export interface CreatedInvitation extends Invitation {
  token: string;
  acceptUrl: string;
}

/** `POST /v1/admin/invitations/inspect`: what an invitation offers, before accepting it. */
export const InvitationTokenSchema = v.strictObject({ token: tokenSchema });

/** `POST /v1/admin/invitations/inspect` answer. Says nothing about whether the address has an
 * account. */
export interface InvitationDetails {
  site: Pick<SiteSummary, "key" | "name">;
  email: string;
  role: Role;
  expiresAt: string;
}

/**
 * `POST /v1/admin/invitations/accept`: the invited person's password. For an address with an
 * account it is that account's password (a sign-in); otherwise it becomes the new account's
 * password, and `name` its name.
 */
export const InvitationAcceptSchema = v.strictObject({
  token: tokenSchema,
  password: passwordSchema,
  name: v.optional(nameSchema),
});
export type InvitationAcceptRequest = v.InferInput<typeof InvitationAcceptSchema>;

/** `POST /v1/admin/invitations/accept` answer: the site joined; sign in to use it. */
export interface AcceptedInvitation {
  email: string;
  site: SiteSummary;
}
