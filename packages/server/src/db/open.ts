import Database from 'better-sqlite3';
import { ensureAuthSchema } from '../auth/schema.js';
import { defaultFor } from '../records/write.js';
import { isAddonLoadError, SqliteAddonError } from './native-addon.js';
import { createSchema } from './schema.js';

/**
 * Open (or create) the database: WAL for files, foreign-key-free schema derived from the registry (a file made by
 * an earlier version gains the registry's new columns). Throws {@link SqliteAddonError} when better-sqlite3's native
 * addon does not load under this Node.
 *
 * @example
 * ```ts
 * const db = openDatabase(':memory:');
 * ```
 */
export function openDatabase(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw isAddonLoadError(e) ? new SqliteAddonError(e) : e;
  }
  if (file !== ':memory:' && file !== '') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('busy_timeout = 5000');
  ensureAuthSchema(db);
  createSchema(db, defaultFor);
  return db;
}
