/**
 * The warning `brainstem-server` prints when it listens beyond loopback: only when its database holds demo users,
 * whose passwords and tokens are published (demo-users.ts) and so let anyone in.
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3';
import { isLoopback } from 'brainstem-api-description';
import { findUserByEmail } from './auth/users.js';
import { DEMO_USERS } from './demo-users.js';

/**
 * The demo users present in `db` (by their published email).
 *
 * @example
 * ```ts
 * demoUsersIn(server.ctx.db); // ['alice', 'bob', 'carol', 'reviewer'] after --seed demo, else []
 * ```
 */
export function demoUsersIn(db: BetterSqlite3.Database): string[] {
  return Object.entries(DEMO_USERS)
    .filter(([, u]) => findUserByEmail(db, u.email) !== null)
    .map(([name]) => name);
}

/**
 * The line to print for a server on `host` over `db`, or `undefined` when there is nothing to warn about (a
 * loopback host, or no demo user to sign in as).
 *
 * @example
 * ```ts
 * exposureWarning('0.0.0.0', server.ctx.db); // 'brainstem-server: WARNING: listening on 0.0.0.0, …' with demo users
 * ```
 */
export function exposureWarning(host: string, db: BetterSqlite3.Database): string | undefined {
  if (isLoopback(host)) return undefined;
  const demo = demoUsersIn(db);
  if (demo.length === 0) return undefined;
  return (
    `brainstem-server: WARNING: listening on ${host}, reachable from other machines, with demo users ` +
    `(${demo.join(', ')}) whose tokens and passwords are public; use --host 127.0.0.1 unless you mean it.\n`
  );
}
