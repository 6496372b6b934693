import { type Database, signInAttempts } from "@assent/db";
import { inArray, lt, sql } from "drizzle-orm";

/** How many sign-in attempts a key may make in a window, and how long a window lasts. */
export interface ThrottleLimits {
  maxAttempts: number;
  windowMs: number;
}

/** Five attempts per key in fifteen minutes. */
export const SIGN_IN_LIMITS: ThrottleLimits = { maxAttempts: 5, windowMs: 15 * 60 * 1000 };

/**
 * Slows down password guessing. Each attempt is reserved in the database before the password is
 * checked (an atomic upsert per key), so parallel attempts cannot all slip under the limit, and
 * every instance sharing the database (or D1, every Worker isolate) counts the same attempts.
 * A success clears its keys.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Database,
    private readonly limits: ThrottleLimits = SIGN_IN_LIMITS,
  ) {}

  /**
   * Reserves one attempt for each key. Returns 0 when the attempt may go ahead, or the
   * milliseconds until the most-limited key's window ends when it may not.
   */
  async reserve(keys: string[], now: number): Promise<number> {
    const { maxAttempts, windowMs } = this.limits;
    const expired = sql`${signInAttempts.windowStart} <= ${now - windowMs}`;
    let wait = 0;
    for (const key of keys) {
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
      if (row && row.attempts > maxAttempts) {
        wait = Math.max(wait, row.windowStart + windowMs - now);
      }
    }
    return wait;
  }

  /** Forgets the attempts of keys after a successful sign-in. */
  async succeed(keys: string[]): Promise<void> {
    await this.db.delete(signInAttempts).where(inArray(signInAttempts.key, keys));
  }

  /** Deletes the windows that have ended (the retention job calls this). */
  async prune(now: number): Promise<number> {
    const gone = await this.db
      .delete(signInAttempts)
      .where(lt(signInAttempts.windowStart, now - this.limits.windowMs))
      .returning({ key: signInAttempts.key });
    return gone.length;
  }
}
