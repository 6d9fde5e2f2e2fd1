/**
 * Throttling of the anonymous auth endpoints, in one sliding window of `WINDOW_MS`:
 *
 * - sign-in (web form and `POST /api/token/`): `MAX_FAILURES` failures per account *and* address — a typo-prone
 *   user or a guesser at one address locks that account at that address only, never the account everywhere. Past
 *   `ADDRESS_FREE_FAILURES` failures from an address (over all accounts), an account that has failed there itself
 *   must also wait a delay after the address's last failure that doubles with each failure, up to
 *   `MAX_ADDRESS_DELAY_SECONDS` (`addressDelaySeconds`): guessing from one address slows down, while an account with
 *   no failures of its own is never refused for the others' (every local user is 127.0.0.1, so a hard ceiling per
 *   address would lock everybody out);
 * - typed device codes, by the same rule per signed-in user and address: `MAX_CODE_FAILURES` wrong codes per user and
 *   address, and past `ADDRESS_FREE_FAILURES` wrong codes from an address (over all users) a user who has typed a
 *   wrong code there waits the address's delay; nobody can sweep the code space to approve someone else's CLI, and
 *   a user who typed no wrong code is never refused for the others';
 * - device-login starts (`POST /api/auth/device/`): `MAX_DEVICE_STARTS` per address.
 *
 * While a limit is exhausted the endpoint answers 429 with `Retry-After` without checking anything else, so a
 * locked-out guesser learns nothing. Account keys are the lower-cased email whether or not such a user exists, so
 * the limiter does not reveal which emails exist.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { clockOf } from '../clock.js';
import type { ServerContext } from '../context.js';

export const WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins per account and address in the window. */
export const MAX_FAILURES = 5;
/** Failed sign-ins from one address, over all accounts, in the window before its failing accounts are slowed. */
export const ADDRESS_FREE_FAILURES = 10;
/** The longest delay an address's failures impose on its next try. */
export const MAX_ADDRESS_DELAY_SECONDS = 30;

/**
 * Seconds an account that has failed at an address waits after the address's last failure, given the address's
 * failures in the window: none up to {@link ADDRESS_FREE_FAILURES}, then 1, 2, 4, … up to
 * {@link MAX_ADDRESS_DELAY_SECONDS}.
 *
 * @example
 * ```ts
 * addressDelaySeconds(10); // 0
 * addressDelaySeconds(13); // 4
 * addressDelaySeconds(100); // 30
 * ```
 */
export function addressDelaySeconds(failures: number): number {
  const over = failures - ADDRESS_FREE_FAILURES;
  if (over <= 0) return 0;
  return Math.min(2 ** (over - 1), MAX_ADDRESS_DELAY_SECONDS);
}
/** Wrong device codes a signed-in user may type from one address in the window. */
export const MAX_CODE_FAILURES = 10;
/** Device-login starts (`POST /api/auth/device/`) per address in the window. */
export const MAX_DEVICE_STARTS = 30;

// One table of timestamped events keyed by what they count (the name predates the other kinds of events).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS sign_in_failures (
  key TEXT NOT NULL,
  at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures (key, at);
`;

type Limit = readonly [key: string, max: number];

/** The keys of one "own failures per address, slowed by the address's failures" throttle. */
interface OwnAtAddress {
  /** The failures of one account (or user) at the address; `max` of them lock it there for the window. */
  own: Limit;
  /** The failures from the address over all accounts; they only delay accounts that failed there themselves. */
  address: string;
}

/**
 * Auth throttling bookkeeping on the server's database.
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

  private signInKeys(email: string, address: string): OwnAtAddress {
    return {
      own: [`account-address:${email.trim().toLowerCase()}\n${address}`, MAX_FAILURES],
      address: `address:${address}`,
    };
  }

  private codeKeys(userId: number, address: string): OwnAtAddress {
    return { own: [`code-user-address:${userId}\n${address}`, MAX_CODE_FAILURES], address: `code-address:${address}` };
  }

  /**
   * Seconds until a sign-in may be tried again for this account at this address; 0 when allowed now (always, for
   * an account with no failures of its own there).
   */
  blockedFor(email: string, address: string): number {
    return this.ownAtAddressWait(this.signInKeys(email, address));
  }

  /** Records one failed sign-in for the account at the address. */
  fail(email: string, address: string): void {
    this.recordOwnAtAddress(this.signInKeys(email, address));
  }

  /**
   * A successful sign-in clears the account's failures at this address (not the address's own count: one good
   * account must not reset a spraying budget).
   */
  succeed(email: string, address: string): void {
    this.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(this.signInKeys(email, address).own[0]);
  }

  /**
   * Seconds until `userId` may type another device code at this address; 0 when allowed (always, for a user who
   * has typed no wrong code there).
   */
  codeBlockedFor(userId: number, address: string): number {
    return this.ownAtAddressWait(this.codeKeys(userId, address));
  }

  /** Records one wrong device code typed by `userId` at the address. */
  codeFail(userId: number, address: string): void {
    this.recordOwnAtAddress(this.codeKeys(userId, address));
  }

  /**
   * Counts one device-login start from `address` unless its limit is reached; returns the seconds to wait when it
   * is (the start is then not counted), else 0.
   */
  deviceStart(address: string): number {
    const limits: Limit[] = [[`device-start:${address}`, MAX_DEVICE_STARTS]];
    const wait = this.waitFor(limits);
    if (wait === 0) this.record(limits);
    return wait;
  }

  /**
   * The one rule of sign-in and typed codes: nothing for an account without failures of its own at the address;
   * else its own lock, or the address's capped, growing delay after the address's last failure.
   */
  private ownAtAddressWait({ own, address }: OwnAtAddress): number {
    const t = this.now();
    const mine = this.db
      .prepare('SELECT count(*) AS n FROM sign_in_failures WHERE key = ? AND at > ?')
      .get(own[0], t - WINDOW_MS) as { n: number };
    if (mine.n === 0) return 0;
    const wait = this.waitFor([own]);
    const from = this.db
      .prepare('SELECT count(*) AS n, max(at) AS last FROM sign_in_failures WHERE key = ? AND at > ?')
      .get(address, t - WINDOW_MS) as { n: number; last: number | null };
    const delay = addressDelaySeconds(from.n);
    if (delay === 0 || from.last === null) return wait;
    return Math.max(wait, Math.ceil((from.last + delay * 1000 - t) / 1000));
  }

  private recordOwnAtAddress({ own, address }: OwnAtAddress): void {
    this.record([own, [address, 0]]);
  }

  private waitFor(limits: readonly Limit[]): number {
    const t = this.now();
    let wait = 0;
    const q = this.db.prepare('SELECT at FROM sign_in_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?');
    for (const [key, max] of limits) {
      const rows = q.all(key, t - WINDOW_MS, max) as { at: number }[];
      if (rows.length >= max) {
        // The oldest of the last `max` events must leave the window before another try is allowed.
        const oldest = rows[rows.length - 1]?.at ?? t;
        wait = Math.max(wait, Math.ceil((oldest + WINDOW_MS - t) / 1000));
      }
    }
    return wait;
  }

  private record(limits: readonly Limit[]): void {
    const t = this.now();
    const ins = this.db.prepare('INSERT INTO sign_in_failures (key, at) VALUES (?, ?)');
    for (const [key] of limits) ins.run(key, t);
    this.db.prepare('DELETE FROM sign_in_failures WHERE at <= ?').run(t - WINDOW_MS);
  }
}

const limiters = new WeakMap<ServerContext, SignInLimiter>();

/** The auth limiter of a server context (one per database; on the context's clock), created on first use. */
export function authLimiter(ctx: ServerContext): SignInLimiter {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = new SignInLimiter(ctx.db, clockOf(ctx));
    limiters.set(ctx, limiter);
  }
  return limiter;
}
