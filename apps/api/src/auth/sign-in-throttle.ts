/**
 * Slows down password guessing: after `maxFailures` failed sign-ins for one key (an e-mail
 * address, or an IP) within `windowMs`, further attempts are refused until the window passes.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; first: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    if (now - entry.first >= this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.maxFailures ? entry.first + this.windowMs - now : 0;
  }

  /** Records a failed attempt. */
  fail(key: string, now: number): void {
    const entry = this.failures.get(key);
    if (!entry || now - entry.first >= this.windowMs)
      this.failures.set(key, { count: 1, first: now });
    else entry.count++;
    if (this.failures.size > 10_000)
      this.failures.delete(this.failures.keys().next().value as string);
  }

  /** Forgets a key after a successful sign-in. */
  succeed(key: string): void {
    this.failures.delete(key);
  }
}
