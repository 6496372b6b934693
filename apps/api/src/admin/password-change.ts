import { type Database, sessions, users } from "@assent/db";
import { and, eq, exists, gt, type SQL, sql } from "drizzle-orm";
import type { AuditInsert } from "../audit";
import {
  activeTokenCount,
  countOpen,
  type NewSession,
  openSessionCount,
  sessionInsert,
  userSessionsDelete,
  userTokensRevoke,
} from "../auth";

/** A password change, once the current password has been checked. */
export interface PasswordChange {
  userId: number;
  /** The session asking; it is replaced by a new one. */
  sessionId: string;
  /** The stored hash the current password was checked against. */
  checkedHash: string;
  /** The new password's hash. */
  newHash: string;
  now: number;
}

/** What a password change did: the caller's new session, the other sessions it ended, the API tokens it revoked. */
export type ChangedPassword = NewSession & { otherSessionsEnded: number; tokensRevoked: number };

/** What the audit entry of a password change counts, as SQL evaluated before the batch ends them. */
export interface PasswordChangeCounts {
  otherSessionsEnded: SQL;
  tokensRevoked: SQL;
}

/**
 * Stores a new password hash, ends every session of the user, revokes every API token of theirs
 * (on every site: one minted from a stolen session must not outlive the recovery) and starts a
 * new session for the caller, in one batch with the audit entry (`audit` gives it, with the
 * numbers of other open sessions and of active tokens as SQL and the condition to write it
 * under). Nothing changes unless, when the batch
 * runs, the stored hash is still the one the current password was checked against and the
 * caller's session is still open: of two changes at once only one applies, and a change cannot
 * follow a "sign out everywhere" that ended the session asking.
 * @returns what changed, or `null` when the account or the session changed meanwhile
 */
export async function changePassword(
  db: Database,
  change: PasswordChange,
  audit: (counts: PasswordChangeCounts, when: SQL) => AuditInsert,
): Promise<ChangedPassword | null> {
  const { userId, sessionId, checkedHash, newHash, now } = change;
  const sessionOpen = exists(
    db
      .select({ one: sql`1` })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now))),
  );
  // Every later statement runs only if the update did: the new hash is a fresh random salt's.
  const changed = exists(
    db
      .select({ one: sql`1` })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.passwordHash, newHash))),
  );
  const fresh = await sessionInsert(db, userId, now, changed);
  const [updated, , ended, revoked] = await db.batch([
    db
      .update(users)
      .set({ passwordHash: newHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, checkedHash), sessionOpen))
      .returning({ id: users.id }),
    // The entry before the delete: it counts the sessions the delete ends, the tokens revoked.
    audit(
      {
        otherSessionsEnded: openSessionCount(userId, now, sessionId),
        tokensRevoked: activeTokenCount(userId, now),
      },
      changed,
    ),
    userSessionsDelete(db, userId, changed),
    userTokensRevoke(db, userId, now, changed),
    fresh.insert,
  ]);
  if (updated.length === 0) return null;
  return {
    token: fresh.token,
    csrfToken: fresh.csrfToken,
    otherSessionsEnded: countOpen(ended, now, sessionId),
    tokensRevoked: revoked.length,
  };
}
