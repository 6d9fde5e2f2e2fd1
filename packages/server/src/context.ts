import type BetterSqlite3 from 'better-sqlite3';

/** Options after defaults are applied (see ServerOptions in options.ts). Owned by the server core. */
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
}

/** What every route module receives. The core may add fields; nobody removes them. */
export interface ServerContext {
  db: BetterSqlite3.Database;
  options: ResolvedServerOptions;
}
