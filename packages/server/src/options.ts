import { DEFAULT_MAX_CONNECTIONS_PER_ADDRESS } from './connections.js';
import type { ResolvedServerOptions } from './context.js';
import { normaliseOrigin } from './cors.js';

/**
 * Options of `startServer` / `buildApp` (camelCase of the `brainstem-server` flags).
 *
 * @example
 * ```ts
 * const opts: ServerOptions = { port: 0, seed: 'demo', seedSessions: 20_000, pagination: 'minimal' };
 * ```
 */
export interface ServerOptions {
  /** Interface to bind. Default `127.0.0.1`; anything else is reachable from the network (a warning is printed). */
  host?: string;
  /** TCP port; `0` picks a free port. Default 8000. */
  port?: number;
  /** SQLite file, or `:memory:` (default). File databases use WAL. */
  db?: string;
  /** `'demo'` loads the demo users/projects (README); `'none'` (default) starts empty. */
  seed?: 'demo' | 'none';
  /** Extra sessions added to Alice's private project (needs `seed: 'demo'`). */
  seedSessions?: number;
  /** Delay every response by this many milliseconds. */
  latency?: number;
  /** Fraction (0–1) of requests answered with an injected fault (502, 503, 429, dropped connection). */
  faultRate?: number;
  /** Seed of the deterministic fault sequence. */
  faultSeed?: number;
  /** `'minimal'` drops count/next/previous/meta from list responses. Default `'full'`. */
  pagination?: 'full' | 'minimal';
  /** Whole seconds between polls the device flow asks for, 1 to 3600. Default 5. */
  deviceInterval?: number;
  /** Do not log requests or print demo tokens. */
  quiet?: boolean;
  /** Web origins (`scheme://host[:port]`) whose pages may call the API (CORS). Default none: no CORS headers. */
  cors?: readonly string[];
  /**
   * Milliseconds a client has to send a whole request, headers and body; a slower one is answered 408 and
   * disconnected, so a client that announces a body and never sends it does not hold a connection. `0` turns the
   * limit off. Default 60000.
   */
  requestTimeout?: number;
  /**
   * Open connections one remote address may hold (every local client shares 127.0.0.1): past it the address's
   * longest-idle connection is closed, or the new one when none is idle. `0` turns the limit off. Default 256.
   */
  maxConnectionsPerAddress?: number;
}

/** Apply defaults and check ranges; throws a `TypeError` naming the bad option. */
export function resolveOptions(o: ServerOptions = {}): ResolvedServerOptions {
  const r: ResolvedServerOptions = {
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 8000,
    db: o.db ?? ':memory:',
    seed: o.seed ?? 'none',
    seedSessions: o.seedSessions ?? 0,
    latency: o.latency ?? 0,
    faultRate: o.faultRate ?? 0,
    faultSeed: o.faultSeed ?? 1,
    pagination: o.pagination ?? 'full',
    deviceInterval: o.deviceInterval ?? 5,
    quiet: o.quiet ?? false,
    cors: [...new Set((o.cors ?? []).map(normaliseOrigin))],
    requestTimeout: o.requestTimeout ?? 60_000,
    maxConnectionsPerAddress: o.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
  };
  const int = (name: keyof ResolvedServerOptions, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const v = r[name] as number;
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new TypeError(`Invalid option ${name}: ${v} (expected an integer from ${min} to ${max})`);
    }
  };
  int('port', 0, 65535);
  int('seedSessions', 0, 10_000_000);
  int('faultSeed', -(2 ** 31), 2 ** 31);
  if (!Number.isFinite(r.latency) || r.latency < 0) throw new TypeError(`Invalid option latency: ${r.latency}`);
  // RFC 8628's `interval` is whole seconds; 0 would invite clients to poll in a busy loop.
  int('deviceInterval', 1, 3600);
  int('requestTimeout', 0, 3_600_000);
  int('maxConnectionsPerAddress', 0, 1_000_000);
  if (!Number.isFinite(r.faultRate) || r.faultRate < 0 || r.faultRate > 1) {
    throw new TypeError(`Invalid option faultRate: ${r.faultRate} (expected 0 to 1)`);
  }
  if (r.seed !== 'demo' && r.seed !== 'none') throw new TypeError(`Invalid option seed: ${r.seed} (demo or none)`);
  if (r.pagination !== 'full' && r.pagination !== 'minimal') {
    throw new TypeError(`Invalid option pagination: ${r.pagination} (full or minimal)`);
  }
  if (typeof r.host !== 'string' || r.host === '') throw new TypeError('Invalid option host');
  if (r.seedSessions > 0 && r.seed !== 'demo') {
    throw new TypeError('Invalid option seedSessions: extra sessions go into the demo data (needs seed: "demo")');
  }
  return r;
}
