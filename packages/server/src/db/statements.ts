import type BetterSqlite3 from 'better-sqlite3';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;
const caches = new WeakMap<BetterSqlite3.Database, Map<string, Statement>>();

/**
 * A prepared statement for `sql`, compiled once per database and reused.
 *
 * @example
 * ```ts
 * const row = stmt(db, 'SELECT * FROM users WHERE id = ?').get(1);
 * ```
 */
export function stmt(db: BetterSqlite3.Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

/** Current time as an ISO-8601 string with milliseconds and `Z` (the format of every stored timestamp). */
export function nowIso(): string {
  return new Date().toISOString();
}
