import type BetterSqlite3 from 'better-sqlite3';
import { nowIso, stmt } from '../db/statements.js';
import { hashPassword } from './passwords.js';

/** A row of the `users` table without the password hash. */
export interface User {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: boolean;
}

interface UserRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: number;
  password_hash: string;
}

const USER_COLUMNS = 'id, email, first_name, last_name, is_staff';

/** @internal Convert a row to the public `User` shape. */
export function toUser(row: Omit<UserRow, 'password_hash'>): User {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    is_staff: row.is_staff === 1,
  };
}

/**
 * Find a user by email (case-insensitive); `null` when unknown.
 *
 * @example
 * ```ts
 * findUserByEmail(db, 'Alice@Example.org')?.id; // 1
 * ```
 */
export function findUserByEmail(db: BetterSqlite3.Database, email: string): User | null {
  const row = stmt(db, `SELECT ${USER_COLUMNS} FROM users WHERE email = ?`).get(String(email).trim().toLowerCase()) as
    | UserRow
    | undefined;
  return row ? toUser(row) : null;
}

/** Find a user by id; `null` when unknown. */
export function findUserById(db: BetterSqlite3.Database, id: number): User | null {
  const row = stmt(db, `SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

/** @internal The stored password hash of a user (for login checks), or `null`. */
export function passwordHashOf(db: BetterSqlite3.Database, email: string): { user: User; hash: string } | null {
  const row = stmt(db, `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE email = ?`).get(
    String(email).trim().toLowerCase(),
  ) as UserRow | undefined;
  return row ? { user: toUser(row), hash: row.password_hash } : null;
}

export interface NewUser {
  email: string;
  /** Plain password; hashed with scrypt. Omit for an account that cannot log in with a password. */
  password?: string;
  /** Pre-computed hash (seeding many users with one hash); wins over `password`. */
  passwordHash?: string;
  first_name?: string;
  last_name?: string;
  is_staff?: boolean;
}

/**
 * Create a user; throws if the email is taken (SQLite UNIQUE constraint).
 *
 * @example
 * ```ts
 * const dave = createUser(db, { email: 'dave@example.org', password: 's3cret', first_name: 'Dave' });
 * ```
 */
export function createUser(db: BetterSqlite3.Database, input: NewUser): User {
  const now = nowIso();
  const hash = input.passwordHash ?? (input.password !== undefined ? hashPassword(input.password) : '');
  const info = stmt(
    db,
    `INSERT INTO users (email, password_hash, first_name, last_name, is_staff, created_date, modified_date)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.email.trim().toLowerCase(),
    hash,
    input.first_name ?? '',
    input.last_name ?? '',
    input.is_staff ? 1 : 0,
    now,
    now,
  );
  return findUserById(db, Number(info.lastInsertRowid)) as User;
}
