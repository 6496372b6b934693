import { sha256Hex } from "@assent/core";
import { type Database, sessions, users } from "@assent/db";
import { and, eq, gt } from "drizzle-orm";
import { randomToken } from "./password";

/** How long a dashboard session lasts without being renewed. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The signed-in user a session belongs to. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: Database, userId: number, now: number): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    id: await sha256Hex(token),
    userId,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
  });
  return token;
}

/** The user behind a session token, or `null` when it is unknown or expired. */
export async function userForSession(
  db: Database,
  token: string,
  now: number,
): Promise<SessionUser | null> {
  if (!/^[\w-]{43}$/.test(token)) return null;
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, await sha256Hex(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

/** Ends a session. */
export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, await sha256Hex(token)));
}
