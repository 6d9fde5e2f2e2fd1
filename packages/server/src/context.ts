import type BetterSqlite3 from 'better-sqlite3';
import type { User } from './auth/users.js';

/** Options after defaults are applied (see ServerOptions in options.ts). */
export interface ResolvedServerOptions {
  host: string;
  port: number;
  db: string;
  seed: 'demo' | 'none';
  seedSessions: number;
  latency: number;
  faultRate: number;
  faultSeed: number;
  pagination: 'full' | 'minimal';
  /** Seconds between device-flow polls the server advertises (docs: 5). */
  deviceInterval: number;
  quiet: boolean;
  /** Web origins allowed to call the API from a browser (normalised `scheme://host[:port]`); empty = no CORS. */
  cors: string[];
  /** Milliseconds to receive a whole request (0: no limit). */
  requestTimeout: number;
  /** Open connections one remote address may hold; the longest idle is closed past it (0: no limit). */
  maxConnectionsPerAddress: number;
}

/** What every route module receives. */
export interface ServerContext {
  db: BetterSqlite3.Database;
  options: ResolvedServerOptions;
  /** Incremented by every committed write; caches (visible-project sets, counts) key on it. */
  generation: number;
  /**
   * Advance `generation` and drop the memo, so cached permissions and counts are recomputed. The routes' write
   * path calls it when a transaction commits; code that writes to the database directly calls it afterwards.
   */
  invalidateCaches(): void;
  /**
   * The user of a request's `Authorization: Bearer <token>` header, or `null`.
   *
   * @example
   * ```ts
   * const user = ctx.authenticate(request.headers.authorization);
   * if (!user) return reply.code(401).send({ detail: 'Authentication credentials were not provided.' });
   * ```
   */
  authenticate(authorization: string | undefined): User | null;
  /** Per-generation memo used by the permission module. */
  memo: Map<string, unknown>;
}
