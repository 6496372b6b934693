import { INVITATION_TTL_DAYS, type Invitation, type Role, sha256Hex } from "@assent/core";
import { type Database, memberInvitations, sites, users } from "@assent/db";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { randomToken } from "../auth";

const TTL_MS = INVITATION_TTL_DAYS * 86_400_000;

type Row = typeof memberInvitations.$inferSelect;

/** Conditions of an invitation that can still be accepted at `now`. */
const open = (now: number) =>
  and(
    isNull(memberInvitations.acceptedAt),
    isNull(memberInvitations.revokedAt),
    gt(memberInvitations.expiresAt, now),
  );

/** An invitation as listed, with the inviter's address. */
export function invitationSummary(row: Row, invitedBy: string | null): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy,
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
  };
}

/**
 * Invites `email` to a site with `role`, replacing any open invitation of the same address
 * there. Never looks at the `users` table: the work done, and so the answer and its timing, are
 * the same whether or not the address has an account.
 * @returns the invitation and its one-time token (only its hash is stored)
 */
export async function createInvitation(
  db: Database,
  invite: { siteId: number; email: string; role: Role; invitedBy: number; now: number },
): Promise<{ invitation: Row; token: string }> {
  const token = randomToken();
  await db
    .update(memberInvitations)
    .set({ revokedAt: invite.now })
    .where(
      and(
        eq(memberInvitations.siteId, invite.siteId),
        eq(memberInvitations.email, invite.email),
        open(invite.now),
      ),
    );
  const [invitation] = await db
    .insert(memberInvitations)
    .values({
      siteId: invite.siteId,
      email: invite.email,
      role: invite.role,
      tokenHash: await sha256Hex(token),
      invitedBy: invite.invitedBy,
      createdAt: invite.now,
      expiresAt: invite.now + TTL_MS,
    })
    .returning();
  if (!invitation) throw new Error("invitation was not stored");
  return { invitation, token };
}

/** A site's invitations that can still be accepted, by address. */
export async function openInvitations(
  db: Database,
  siteId: number,
  now: number,
): Promise<Invitation[]> {
  const rows = await db
    .select({ invitation: memberInvitations, inviter: users.email })
    .from(memberInvitations)
    .leftJoin(users, eq(users.id, memberInvitations.invitedBy))
    .where(and(eq(memberInvitations.siteId, siteId), open(now)))
    .orderBy(asc(memberInvitations.email));
  return rows.map((r) => invitationSummary(r.invitation, r.inviter));
}

/** Revokes an open invitation of a site; returns it, or `null` when there was none. */
export async function revokeInvitation(
  db: Database,
  siteId: number,
  id: number,
  now: number,
): Promise<Row | null> {
  const [row] = await db
    .update(memberInvitations)
    .set({ revokedAt: now })
    .where(and(eq(memberInvitations.id, id), eq(memberInvitations.siteId, siteId), open(now)))
    .returning();
  return row ?? null;
}

/** The open invitation a token stands for, with its site, or `null` (unknown, used, revoked or
 * expired alike). */
export async function invitationForToken(
  db: Database,
  token: string,
  now: number,
): Promise<{ invitation: Row; site: typeof sites.$inferSelect } | null> {
  const [row] = await db
    .select({ invitation: memberInvitations, site: sites })
    .from(memberInvitations)
    .innerJoin(sites, eq(sites.id, memberInvitations.siteId))
    .where(and(eq(memberInvitations.tokenHash, await sha256Hex(token)), open(now)))
    .limit(1);
  return row ?? null;
}

/**
 * Claims an open invitation for `userId`, atomically: of two acceptances, or an acceptance and a
 * revocation, exactly one wins. Returns whether this one did.
 */
export async function claimInvitation(
  db: Database,
  id: number,
  userId: number,
  now: number,
): Promise<boolean> {
  const claimed = await db
    .update(memberInvitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(memberInvitations.id, id), open(now)))
    .returning({ id: memberInvitations.id });
  return claimed.length === 1;
}
