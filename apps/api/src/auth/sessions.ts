import { sha256Hex } from "@assent/core";
import { type Database, sessions, users } from "@assent/db";
import { and, desc, eq, getTableColumns, gt, ne, type SQL, sql } from "drizzle-orm";
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

/** A new session's secrets: the token for the cookie and the CSRF token to echo. */
export interface NewSession {
  token: string;
  csrfToken: string;
}

/**
 * A new session for `userId`, not stored yet: its secrets, and the insert that stores it (only
 * the token's hash) for the `db.batch([...])` that starts it. With `when`, the row is written only
 * if that condition holds where the insert runs in the batch.
 */
export async function sessionInsert(db: Database, userId: number, now: number, when?: SQL) {
  const token = randomToken();
  const csrfToken = randomToken();
  const row: typeof sessions.$inferInsert = {
    id: await sha256Hex(token),
    userId,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    csrfToken,
    lastSeenAt: now,
  };
  const insert = db.insert(sessions);
  if (!when) return { token, csrfToken, insert: insert.values(row) };
  // INSERT ... SELECT lists every column in the table's order.
  const cells: Record<string, unknown> = row;
  const values = Object.keys(getTableColumns(sessions)).map((key) => sql`${cells[key] ?? null}`);
  const select = sql`SELECT ${sql.join(values, sql`, `)} WHERE ${when}`;
  return { token, csrfToken, insert: insert.select(select) };
}

/**
 * Starts a session; returns the token for the cookie (only its hash is stored) and the CSRF token
 * the dashboard echoes in `X-CSRF-Token`.
 */
export async function createSession(
  db: Database,
  userId: number,
  now: number,
): Promise<NewSession> {
  const { token, csrfToken, insert } = await sessionInsert(db, userId, now);
  await insert;
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

/** A user's sessions that are still open at `now`, newest first. */
export function openSessions(db: Database, userId: number, now: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt));
}

/**
 * How many sessions of a user are open at `now`, leaving out `except` (a session id), as SQL a
 * batch evaluates where it runs: for the audit entry of the change that ends them.
 */
export function openSessionCount(userId: number, now: number, except?: string): SQL {
  const open = and(
    eq(sessions.userId, userId),
    gt(sessions.expiresAt, now),
    except === undefined ? undefined : ne(sessions.id, except),
  );
  return sql`(SELECT count(*) FROM ${sessions} WHERE ${open})`;
}

/**
 * The delete that ends every session of a user (expired ones too), not run yet, for the batch of
 * the change that ends them (a password change, signing out everywhere), under `when` if given;
 * it returns each ended session's id and expiry.
 */
export function userSessionsDelete(db: Database, userId: number, when?: SQL) {
  return db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), when))
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
}

/** Of the sessions a delete ended, how many were open at `now`, leaving out `except`. */
export function countOpen(
  ended: readonly { id: string; expiresAt: number }[],
  now: number,
  except?: string,
): number {
  return ended.filter((session) => session.expiresAt > now && session.id !== except).length;
}
