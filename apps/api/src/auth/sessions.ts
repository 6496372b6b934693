import { sha256Hex } from "@assent/core";
import { type Database, sessions, users } from "@assent/db";
import { and, eq, gt } from "drizzle-orm";
import { randomToken } from "./password";

/** How long a dashboard session lasts without being renewed. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** How often `last_seen_at` is written at most (one write a minute per session). */
const SEEN_RESOLUTION_MS = 60_000;

/** The signed-in user a session belongs to. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
}

/** A live session: its user, its stored id and the token writes must echo. */
export interface ActiveSession {
  user: SessionUser;
  sessionId: string;
  csrfToken: string;
}

/**
 * Starts a session; returns the token for the cookie (only its hash is stored) and the CSRF token
 * the dashboard echoes in `X-CSRF-Token`.
 */
export async function createSession(
  db: Database,
  userId: number,
  now: number,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.insert(sessions).values({
    id: await sha256Hex(token),
    userId,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    csrfToken,
    lastSeenAt: now,
  });
  return { token, csrfToken };
}

/** The session behind a cookie token, or `null` when it is unknown or expired. */
export async function sessionForToken(
  db: Database,
  token: string,
  now: number,
): Promise<ActiveSession | null> {
  if (!/^[\w-]{43}$/.test(token)) return null;
  const sessionId = await sha256Hex(token);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  let csrfToken = row.csrfToken;
  if (!csrfToken || (row.lastSeenAt ?? 0) < now - SEEN_RESOLUTION_MS) {
    // Sessions from before CSRF tokens existed get one on first use.
    csrfToken ??= randomToken();
    await db.update(sessions).set({ csrfToken, lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return { user: { id: row.id, email: row.email, name: row.name }, sessionId, csrfToken };
}

/** The user behind a session token, or `null` when it is unknown or expired. */
export async function userForSession(
  db: Database,
  token: string,
  now: number,
): Promise<SessionUser | null> {
  return (await sessionForToken(db, token, now))?.user ?? null;
}

/** Ends a session. */
export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, await sha256Hex(token)));
}

/** Ends every session of a user (after a password change or removal). */
export async function deleteUserSessions(db: Database, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
