/**
 * Browser sessions for the server-rendered pages.
 *
 * The cookie `brainstem_session` holds 32 random bytes (base64url). Every visitor gets one before the first form
 * is shown, so even the sign-in form carries a CSRF token. A signed-in session is a row in `web_sessions`
 * keyed by the SHA-256 of the cookie value (a database copy cannot be replayed as a cookie); signing in always
 * issues a fresh cookie value (no session fixation), signing out deletes the row.
 *
 * CSRF: the per-session token is HMAC-SHA256(server secret, cookie value), compared in constant time. Forms
 * post it as `csrfmiddlewaretoken` (Django's name). Together with SameSite=Lax this rejects cross-site posts.
 */

import { createHmac, randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { safeEqual, sha256Hex } from '../device/codes.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'brainstem_session';
/** Signed-in sessions last two weeks (Django's default SESSION_COOKIE_AGE). */
export const SESSION_MAX_AGE_S = 14 * 24 * 3600;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS web_sessions (
  id_hash    TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS web_sessions_user ON web_sessions (user_id);
`;

const SID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Session and CSRF bookkeeping on the server's database.
 *
 * @example
 * ```ts
 * const sessions = new WebSessions(db);
 * const sid = sessions.signIn(userId);
 * sessions.userId(sid); // userId
 * sessions.checkCsrf(sid, sessions.csrfToken(sid)); // true
 * ```
 */
export class WebSessions {
  now: () => number;
  /** Per-process HMAC key for CSRF tokens (pages rendered before a restart must be reloaded). */
  private readonly secret = randomBytes(32);

  constructor(
    private readonly db: BetterSqlite3.Database,
    now: () => number = Date.now,
  ) {
    this.now = now;
    db.exec(SCHEMA);
  }

  /** A new anonymous cookie value (no row until sign-in). */
  newSid(): string {
    return randomBytes(32).toString('base64url');
  }

  /** Whether a cookie value has the shape we issue (anything else is replaced by a fresh one). */
  isWellFormed(sid: string | undefined): sid is string {
    return typeof sid === 'string' && SID_SHAPE.test(sid);
  }

  /** The CSRF token bound to a cookie value. */
  csrfToken(sid: string): string {
    return createHmac('sha256', this.secret).update(`csrf:${sid}`).digest('base64url');
  }

  /** Constant-time check of a posted CSRF token against the cookie's. */
  checkCsrf(sid: string | undefined, posted: unknown): boolean {
    if (!this.isWellFormed(sid) || typeof posted !== 'string') return false;
    return safeEqual(this.csrfToken(sid), posted);
  }

  /** Creates a signed-in session for `userId`; returns the new cookie value. */
  signIn(userId: number | string): string {
    const sid = this.newSid();
    const t = this.now();
    this.db
      .prepare('INSERT INTO web_sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(sha256Hex(sid), userId, t, t + SESSION_MAX_AGE_S * 1000);
    this.db.prepare('DELETE FROM web_sessions WHERE expires_at < ?').run(t);
    return sid;
  }

  /** The user id of a live signed-in session, or `undefined`. */
  userId(sid: string | undefined): number | string | undefined {
    if (!this.isWellFormed(sid)) return undefined;
    const row = this.db
      .prepare('SELECT user_id FROM web_sessions WHERE id_hash = ? AND expires_at > ?')
      .get(sha256Hex(sid), this.now()) as { user_id: number | string } | undefined;
    return row?.user_id;
  }

  /** Ends a session (sign-out). */
  signOut(sid: string | undefined): void {
    if (!this.isWellFormed(sid)) return;
    this.db.prepare('DELETE FROM web_sessions WHERE id_hash = ?').run(sha256Hex(sid));
  }
}
