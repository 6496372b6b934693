import { type Role, sha256Hex } from "@assent/core";
import { apiTokens, type Database, users } from "@assent/db";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { randomToken } from "./password";
import type { SessionUser } from "./sessions";

/** Prefix of every API token, so a leaked one is easy to recognise (and to scan for). */
export const API_TOKEN_PREFIX = "assent_";

/** How often `last_used_at` is written at most. */
const USED_RESOLUTION_MS = 60_000;

/** What an API token may do: act as its creator, on one site, with at most `role`. */
export interface TokenGrant {
  tokenId: number;
  user: SessionUser;
  siteId: number;
  role: Role;
}

/** Makes a new token secret and the hash to store. */
export async function newApiToken(): Promise<{ token: string; hash: string }> {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  return { token, hash: await sha256Hex(token) };
}

/** The grant behind a bearer token, or `null` when it is unknown, revoked or expired. */
export async function grantForApiToken(
  db: Database,
  token: string,
  now: number,
): Promise<TokenGrant | null> {
  if (!/^assent_[\w-]{43}$/.test(token)) return null;
  const rows = await db
    .select({
      tokenId: apiTokens.id,
      siteId: apiTokens.siteId,
      role: apiTokens.role,
      lastUsedAt: apiTokens.lastUsedAt,
      user: { id: users.id, email: users.email, name: users.name },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, await sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if ((row.lastUsedAt ?? 0) < now - USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return { tokenId: row.tokenId, user: row.user, siteId: row.siteId, role: row.role };
}
