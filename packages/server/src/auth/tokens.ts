import { createHash, randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { stmt } from '../db/statements.js';
import { toUser, type User } from './users.js';

/** Tokens live one year after their last use (the API docs: "1 year (sliding, auto-refresh)"). */
export const TOKEN_LIFETIME_MS = 365 * 24 * 3600 * 1000;
/** Last-use/expiry are written at most this often per token, so hot read paths do not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Metadata of a stored token (never the token itself). */
export interface TokenInfo {
  id: number;
  name: string;
  created: string;
  last_used: string | null;
  expires: string;
}

/** sha256 hex of a token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Create a personal access token for a user and return its plaintext (shown once; only the hash is stored).
 *
 * @example
 * ```ts
 * const token = createToken(db, alice.id, 'analysis laptop'); // 'bst_…'
 * authenticateToken(db, token)?.email; // 'alice@example.org'
 * ```
 */
export function createToken(db: BetterSqlite3.Database, userId: number, name: string): string {
  const token = `bst_${randomBytes(32).toString('base64url')}`;
  insertToken(db, userId, name, token);
  return token;
}

/** @internal Store a token with a known plaintext (fixed demo tokens). Returns the token id. */
export function insertToken(db: BetterSqlite3.Database, userId: number, name: string, token: string): number {
  const now = Date.now();
  const info = stmt(
    db,
    'INSERT INTO tokens (user_id, name, token_hash, created, last_used, expires) VALUES (?, ?, ?, ?, NULL, ?)',
  ).run(
    userId,
    String(name ?? ''),
    hashToken(token),
    new Date(now).toISOString(),
    new Date(now + TOKEN_LIFETIME_MS).toISOString(),
  );
  return Number(info.lastInsertRowid);
}

interface AuthRow {
  token_id: number;
  last_used: string | null;
  expires: string;
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: number;
}

/**
 * The user a token belongs to, or `null` for unknown/expired tokens. Looks the token up by its sha256 hash
 * (so no plaintext comparison happens) and slides its expiry to one year from now.
 *
 * @example
 * ```ts
 * const user = authenticateToken(db, req.headers.authorization?.slice(7) ?? '');
 * ```
 */
export function authenticateToken(db: BetterSqlite3.Database, token: string): User | null {
  if (typeof token !== 'string' || token.length === 0 || token.length > 512) return null;
  const row = stmt(
    db,
    `SELECT t.id AS token_id, t.last_used, t.expires, u.id, u.email, u.first_name, u.last_name, u.is_staff
     FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`,
  ).get(hashToken(token)) as AuthRow | undefined;
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expires) <= now) return null;
  if (!row.last_used || now - Date.parse(row.last_used) > TOUCH_INTERVAL_MS) {
    stmt(db, 'UPDATE tokens SET last_used = ?, expires = ? WHERE id = ?').run(
      new Date(now).toISOString(),
      new Date(now + TOKEN_LIFETIME_MS).toISOString(),
      row.token_id,
    );
  }
  return toUser(row);
}

/**
 * Delete one of a user's tokens. Returns `true` when a token was removed (`false` for someone else's token).
 *
 * @example
 * ```ts
 * revokeToken(db, alice.id, listTokens(db, alice.id)[0].id);
 * ```
 */
export function revokeToken(db: BetterSqlite3.Database, userId: number, tokenId: number): boolean {
  return stmt(db, 'DELETE FROM tokens WHERE id = ? AND user_id = ?').run(tokenId, userId).changes > 0;
}

/** A user's tokens, newest first (metadata only). */
export function listTokens(db: BetterSqlite3.Database, userId: number): TokenInfo[] {
  return stmt(db, 'SELECT id, name, created, last_used, expires FROM tokens WHERE user_id = ? ORDER BY id DESC').all(
    userId,
  ) as TokenInfo[];
}
