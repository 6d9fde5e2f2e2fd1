import type BetterSqlite3 from 'better-sqlite3';

/**
 * Tables of the auth module.
 *
 * - `users`: integer ids (the API's user ids), `email` unique (stored lower-case), `password_hash` in the format
 *   documented in passwords.ts, `is_staff` (staff review approvals and may do admin-only writes), and the
 *   profile columns of the `users/user` endpoint.
 * - `tokens`: personal access tokens. Only `token_hash` (sha256 hex of the plaintext) is stored; `expires` slides
 *   to one year after the last use.
 */
export const AUTH_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  is_staff INTEGER NOT NULL DEFAULT 0,
  website TEXT NOT NULL DEFAULT '',
  google_scholar TEXT NOT NULL DEFAULT '',
  orcid_id TEXT NOT NULL DEFAULT '',
  atlas_preference TEXT NOT NULL DEFAULT 'AIA',
  created_date TEXT NOT NULL,
  modified_date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL DEFAULT '',
  token_hash TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  last_used TEXT,
  expires TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_user ON tokens(user_id);
`;

/** Create the auth tables if they do not exist (idempotent). */
export function ensureAuthSchema(db: BetterSqlite3.Database): void {
  db.exec(AUTH_SCHEMA);
}
