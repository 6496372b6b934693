import { type Database, signInAttempts } from "@assent/db";
import { inArray, lt, sql } from "drizzle-orm";
import { ApiError } from "../errors";
import { addressKey } from "../network";

/**
 * One limit on sign-in attempts: at most `maxAttempts` per `windowMs` for `key`; past it the
 * attempt is refused (`refuse`), or only slowed down (`slow`), for limits that a stranger could
 * otherwise use to keep the real user out. `onSuccess`: what a successful sign-in does to the
 * count: `clear` forgets every attempt counted under it, `uncount` takes back only its own (a
 * success is never counted as a guess; the failures stay).
 */
export interface ThrottleRule {
  key: string;
  maxAttempts: number;
  windowMs: number;
  over: "refuse" | "slow";
  onSuccess: "clear" | "uncount";
}

const WINDOW_MS = 15 * 60 * 1000;
/** Added per attempt past a `slow` limit, up to `MAX_SLOW_MS`. */
const SLOW_STEP_MS = 250;
const MAX_SLOW_MS = 5_000;

/**
 * The sign-in limits for an e-mail address tried from a client address (an IPv6 address counts
 * by its /64, which one household or server holds whole: `addressKey`):
 * - 5 attempts per account from one client in 15 minutes, then that client is refused for that
 *   account (a lockout an attacker elsewhere cannot cause); a success forgets them;
 * - 30 failed attempts from one client across accounts (password spraying), then that client
 *   is refused; a success takes back only its own attempt (so an office's admins signing in
 *   never add up, and signing in to one's own account between guesses resets nothing);
 * - past 50 failed attempts on one account from anywhere, each attempt is slowed (250 ms more
 *   each, up to 5 s) but never refused, so the owner can still sign in while the account is
 *   attacked.
 */
export function signInRules(email: string, ip: string | null): ThrottleRule[] {
  const client = (ip && addressKey(ip)) ?? "unknown";
  return [
    {
      key: `account-client:${email}|${client}`,
      maxAttempts: 5,
      windowMs: WINDOW_MS,
      over: "refuse",
      onSuccess: "clear",
    },
    {
      key: `client:${client}`,
      maxAttempts: 30,
      windowMs: WINDOW_MS,
      over: "refuse",
      onSuccess: "uncount",
    },
    {
      key: `account:${email}`,
      maxAttempts: 50,
      windowMs: WINDOW_MS,
      over: "slow",
      onSuccess: "uncount",
    },
  ];
}

/** What a reservation allows: refuse for `waitMs` (> 0), or go ahead after `slowMs`. */
export interface Reservation {
  waitMs: number;
  slowMs: number;
}

/**
 * Slows down password guessing. Each attempt is reserved in the database before the password is
 * checked (an atomic upsert per key), so parallel attempts cannot all slip under the limit, and
 * every instance sharing the database (or D1, every Worker isolate) counts the same attempts; no
 * key is ever evicted to make room. A success is never counted as a failure.
 */
export class SignInThrottle {
  constructor(private readonly db: Database) {}

  /**
   * Reserves one attempt under each rule, atomically per rule. `waitMs` > 0: refuse, the most
   * limited `refuse` rule's window ends then; otherwise go ahead after `slowMs`.
   */
  async reserve(rules: ThrottleRule[], now: number): Promise<Reservation> {
    const result: Reservation = { waitMs: 0, slowMs: 0 };
    for (const { key, maxAttempts, windowMs, over } of rules) {
      const expired = sql`${signInAttempts.windowStart} <= ${now - windowMs}`;
      const [row] = await this.db
        .insert(signInAttempts)
        .values({ key, attempts: 1, windowStart: now })
        .onConflictDoUpdate({
          target: signInAttempts.key,
          set: {
            attempts: sql`CASE WHEN ${expired} THEN 1 ELSE ${signInAttempts.attempts} + 1 END`,
            windowStart: sql`CASE WHEN ${expired} THEN ${now} ELSE ${signInAttempts.windowStart} END`,
          },
        })
        .returning();
      if (!row || row.attempts <= maxAttempts) continue;
      if (over === "refuse") {
        result.waitMs = Math.max(result.waitMs, row.windowStart + windowMs - now);
      } else {
        const slow = (row.attempts - maxAttempts) * SLOW_STEP_MS;
        result.slowMs = Math.max(result.slowMs, Math.min(MAX_SLOW_MS, slow));
      }
    }
    return result;
  }

  /**
   * Reserves one attempt (`reserve`) before a password is checked, and waits out the slowing
   * down it calls for; a refused attempt throws `429 TOO_MANY_ATTEMPTS` with `Retry-After` and
   * `message`.
   */
  async admit(rules: ThrottleRule[], now: number, message: string): Promise<void> {
    const { waitMs, slowMs } = await this.reserve(rules, now);
    if (waitMs > 0) {
      throw new ApiError("TOO_MANY_ATTEMPTS", message, {
        headers: { "Retry-After": String(Math.ceil(waitMs / 1000)) },
      });
    }
    if (slowMs > 0) await new Promise((resolve) => setTimeout(resolve, slowMs));
  }

  /**
   * After a successful sign-in: forgets the attempts of the rules a success clears, and takes
   * this attempt back from the others (in one batch).
   */
  async succeed(rules: ThrottleRule[]): Promise<void> {
    const keys = (onSuccess: ThrottleRule["onSuccess"]) => [
      "",
      ...rules.filter((rule) => rule.onSuccess === onSuccess).map((rule) => rule.key),
    ];
    // ("" is no key: it keeps each list non-empty for `IN`.)
    await this.db.batch([
      this.db.delete(signInAttempts).where(inArray(signInAttempts.key, keys("clear"))),
      this.db
        .update(signInAttempts)
        .set({ attempts: sql`max(${signInAttempts.attempts} - 1, 0)` })
        .where(inArray(signInAttempts.key, keys("uncount"))),
    ]);
  }

  /** Deletes the windows that have ended (the retention job calls this). */
  async prune(now: number): Promise<number> {
    const gone = await this.db
      .delete(signInAttempts)
      .where(lt(signInAttempts.windowStart, now - WINDOW_MS))
      .returning({ key: signInAttempts.key });
    return gone.length;
  }
}
