/**
 * Sign-in throttling: at most `MAX_FAILURES` failed sign-ins per account and per client address within
 * `WINDOW_MS`. While either is exhausted, sign-in answers 429 without checking the password, so a locked-out
 * attacker learns nothing, not even whether the password was right. The account key is the lower-cased email
 * whether or not such a user exists, so the limiter does not reveal which emails exist.
 */
import type BetterSqlite3 from 'better-sqlite3';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
/** Wrong device codes a signed-in user (or an address) may type per window. */
export const MAX_CODE_FAILURES = 10;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sign_in_failures (
  key TEXT NOT NULL,
  at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures (key, at);
`;

/**
 * Failed-sign-in bookkeeping.
 *
 * @example
 * ```ts
 * const limiter = new SignInLimiter(db);
 * limiter.blockedFor('alice@example.org', '127.0.0.1'); // 0 → allowed
 * limiter.fail('alice@example.org', '127.0.0.1');
 * ```
 */
export class SignInLimiter {
  now: () => number;

  constructor(
    private readonly db: BetterSqlite3.Database,
    now: () => number = Date.now,
  ) {
    this.now = now;
    db.exec(SCHEMA);
  }

  private keys(email: string, address: string): [string, string] {
    return [`account:${email.trim().toLowerCase()}`, `address:${address}`];
  }

  /** Seconds until a sign-in may be tried again for this account/address; 0 when allowed now. */
  blockedFor(email: string, address: string): number {
    return this.waitFor(this.keys(email, address), MAX_FAILURES);
  }

  /** Records one failed sign-in for the account and the address. */
  fail(email: string, address: string): void {
    this.record(this.keys(email, address));
  }

  /**
   * Seconds until a signed-in user may type another device code; 0 when allowed. Wrong codes are throttled
   * (`MAX_CODE_FAILURES` per user and per address in the window) so nobody can sweep the code space to approve
   * someone else's CLI with their own account.
   */
  codeBlockedFor(userId: number, address: string): number {
    return this.waitFor([`code-user:${userId}`, `code-address:${address}`], MAX_CODE_FAILURES);
  }

  /** Records one wrong device code typed by `userId`. */
  codeFail(userId: number, address: string): void {
    this.record([`code-user:${userId}`, `code-address:${address}`]);
  }

  private waitFor(keys: readonly string[], max: number): number {
    const t = this.now();
    let wait = 0;
    const q = this.db.prepare('SELECT at FROM sign_in_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?');
    for (const key of keys) {
      const rows = q.all(key, t - WINDOW_MS, max) as { at: number }[];
      if (rows.length >= max) {
        // The oldest of the last `max` failures must leave the window before another try is allowed.
        const oldest = rows[rows.length - 1]?.at ?? t;
        wait = Math.max(wait, Math.ceil((oldest + WINDOW_MS - t) / 1000));
      }
    }
    return wait;
  }

  private record(keys: readonly string[]): void {
    const t = this.now();
    const ins = this.db.prepare('INSERT INTO sign_in_failures (key, at) VALUES (?, ?)');
    for (const key of keys) ins.run(key, t);
    this.db.prepare('DELETE FROM sign_in_failures WHERE at <= ?').run(t - WINDOW_MS);
  }

  /** A successful sign-in clears the account's failures (not the address's: one good account must not unlock it). */
  succeed(email: string): void {
    this.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(this.keys(email, '')[0]);
  }
}
