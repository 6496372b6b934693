import { type Database, sessions, users } from "@assent/db";
import { and, eq, exists, gt, type SQL, sql } from "drizzle-orm";
import type { AuditInsert } from "../audit";
import {
  countOpen,
  type NewSession,
  openSessionCount,
  sessionInsert,
  userSessionsDelete,
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

/** What a password change did: the caller's new session, and the other sessions it ended. */
export type ChangedPassword = NewSession & { otherSessionsEnded: number };

/**
 * Stores a new password hash, ends every session of the user and starts a new one for the
 * caller, in one batch with the audit entry (`audit` gives it, with the number of other open
 * sessions as SQL and the condition to write it under). Nothing changes unless, when the batch
 * runs, the stored hash is still the one the current password was checked against and the
 * caller's session is still open: of two changes at once only one applies, and a change cannot
 * follow a "sign out everywhere" that ended the session asking.
 * @returns what changed, or `null` when the account or the session changed meanwhile
 */
export async function changePassword(
  db: Database,
  change: PasswordChange,
  audit: (otherSessionsEnded: SQL, when: SQL) => AuditInsert,
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
  const [updated, , ended] = await db.batch([
    db
      .update(users)
      .set({ passwordHash: newHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, checkedHash), sessionOpen))
      .returning({ id: users.id }),
    // The entry before the delete: it counts the sessions the delete ends.
    audit(openSessionCount(userId, now, sessionId), changed),
    userSessionsDelete(db, userId, changed),
    fresh.insert,
  ]);
  if (updated.length === 0) return null;
  return {
    token: fresh.token,
    csrfToken: fresh.csrfToken,
    otherSessionsEnded: countOpen(ended, now, sessionId),
  };
}
