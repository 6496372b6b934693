import { type Role, sha256Hex } from "@assent/core";
import { apiTokens, type Database, users } from "@assent/db";
import { and, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
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

/** A user's tokens that still act at `now`: not revoked, not expired. */
const activeTokensOf = (userId: number, now: number) =>
  and(
    eq(apiTokens.userId, userId),
    isNull(apiTokens.revokedAt),
    or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
  );

/**
 * How many API tokens of a user still act at `now`, on any site, as SQL a batch evaluates where
 * it runs: for the audit entry of the change that revokes them.
 */
export function activeTokenCount(userId: number, now: number): SQL {
  return sql`(SELECT count(*) FROM ${apiTokens} WHERE ${activeTokensOf(userId, now)})`;
}

/**
 * The update that revokes every API token of a user still acting at `now`, on every site, not
 * run yet, for the batch of a change that ends what someone holding the account could have left
 * behind (a password change, signing out everywhere), under `when` if given; it returns each
 * revoked token's id. A token minted from a stolen session must not outlive the recovery.
 */
export function userTokensRevoke(db: Database, userId: number, now: number, when?: SQL) {
  return db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(activeTokensOf(userId, now), when))
    .returning({ id: apiTokens.id });
}
