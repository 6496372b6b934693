import { INVITATION_TTL_DAYS, type Invitation, type Role, sha256Hex } from "@assent/core";
import { type Database, memberInvitations, siteMembers, sites, users } from "@assent/db";
import { and, asc, eq, gt, isNull, notExists, type SQL, sql } from "drizzle-orm";
import type { AuditInsert } from "../audit";
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
 * the same whether or not the address has an account. `audit` gives the entry that records it
 * (the new invitation's id as SQL), written in the same batch.
 * @returns the invitation and its one-time token (only its hash is stored)
 */
export async function createInvitation(
  db: Database,
  invite: { siteId: number; email: string; role: Role; invitedBy: number; now: number },
  audit: (invitationId: SQL) => AuditInsert,
): Promise<{ invitation: Row; token: string }> {
  const token = randomToken();
  const tokenHash = await sha256Hex(token);
  const [, [invitation]] = await db.batch([
    db
      .update(memberInvitations)
      .set({ revokedAt: invite.now })
      .where(
        and(
          eq(memberInvitations.siteId, invite.siteId),
          eq(memberInvitations.email, invite.email),
          open(invite.now),
        ),
      ),
    db
      .insert(memberInvitations)
      .values({
        siteId: invite.siteId,
        email: invite.email,
        role: invite.role,
        tokenHash,
        invitedBy: invite.invitedBy,
        createdAt: invite.now,
        expiresAt: invite.now + TTL_MS,
      })
      .returning(),
    audit(
      sql`(SELECT ${memberInvitations.id} FROM ${memberInvitations} WHERE ${memberInvitations.tokenHash} = ${tokenHash})`,
    ),
  ]);
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

/**
 * Revokes an open invitation of a site, with the audit entry `audit` gives for it, in one batch:
 * the entry is written only while the invitation is still open (`stillOpen`), the revocation
 * after it. Returns the invitation, or `null` when there was none open.
 */
export async function revokeInvitation(
  db: Database,
  which: { siteId: number; id: number; now: number },
  audit: (invitation: Row, stillOpen: SQL) => AuditInsert,
): Promise<Row | null> {
  const mine = and(
    eq(memberInvitations.id, which.id),
    eq(memberInvitations.siteId, which.siteId),
    open(which.now),
  );
  const [row] = await db.select().from(memberInvitations).where(mine);
  if (!row) return null;
  const stillOpen = sql`EXISTS ${db.select({ id: memberInvitations.id }).from(memberInvitations).where(mine)}`;
  const [, revoked] = await db.batch([
    audit(row, stillOpen),
    db.update(memberInvitations).set({ revokedAt: which.now }).where(mine).returning(),
  ]);
  return revoked[0] ?? null;
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

/** What accepting an invitation came to. */
export type Acceptance = "joined" | "gone" | "already-member";

/**
 * Accepts an open invitation for `userId`, in one batch: the audit entry `audit` gives (written
 * under `when`), the claim, and the membership the claim grants. Of two acceptances, or an
 * acceptance and a revocation, exactly one wins; a user who is already a member changes nothing.
 */
export async function acceptInvitation(
  db: Database,
  accept: { invitation: Row; userId: number; now: number },
  audit: (when: SQL) => AuditInsert,
): Promise<Acceptance> {
  const { invitation, userId, now } = accept;
  const claimable = and(eq(memberInvitations.id, invitation.id), open(now));
  const member = db
    .select({ userId: siteMembers.userId })
    .from(siteMembers)
    .where(and(eq(siteMembers.siteId, invitation.siteId), eq(siteMembers.userId, userId)));
  const claimableByNewMember = and(claimable, notExists(member));
  const [, claimed] = await db.batch([
    audit(
      sql`EXISTS ${db.select({ id: memberInvitations.id }).from(memberInvitations).where(claimableByNewMember)}`,
    ),
    db
      .update(memberInvitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(claimableByNewMember)
      .returning({ id: memberInvitations.id }),
    // The claim is the moment of acceptance: the membership follows only from this claim.
    db
      .insert(siteMembers)
      .select(
        db
          .select({
            userId: sql<number>`${userId}`.as("user_id"),
            siteId: memberInvitations.siteId,
            role: memberInvitations.role,
          })
          .from(memberInvitations)
          .where(
            and(
              eq(memberInvitations.id, invitation.id),
              eq(memberInvitations.acceptedBy, userId),
              eq(memberInvitations.acceptedAt, now),
            ),
          ),
      )
      .onConflictDoNothing(),
  ]);
  if (claimed.length === 1) return "joined";
  const [stillOpen] = await db
    .select({ id: memberInvitations.id })
    .from(memberInvitations)
    .where(claimable);
  return stillOpen ? "already-member" : "gone";
}
