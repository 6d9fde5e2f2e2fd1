/**
 * Test harness for the device flow and web pages: a real Fastify server on 127.0.0.1:0 with an in-memory
 * database, the auth tables, one user per role needed, and a movable clock.
 *
 * It builds the app from the device and web route modules directly (plus the core's auth module) so these
 * tests do not depend on the rest of the server; `/api/auth/whoami/` here is the core's token check behind a
 * minimal route so the browser tests can prove an issued token works over HTTP.
 */
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { authenticateToken, createUser, ensureAuthSchema, type User } from '../src/auth/index.js';
import type { ServerContext } from '../src/context.js';
import { deviceRoutes } from '../src/device/index.js';
import { resolveOptions } from '../src/options.js';
import { webRoutes } from '../src/web/index.js';

export const PASSWORD = 'correct horse battery staple';

export interface Harness {
  url: string;
  ctx: ServerContext & { now: () => number };
  app: FastifyInstance;
  alice: User;
  bob: User;
  /** Moves the server clock forward by `ms`. */
  advance(ms: number): void;
  /** Log lines the server wrote (JSON strings), for "no secrets in logs" checks. */
  logs: string[];
  close(): Promise<void>;
}

export async function startHarness(opts: { deviceInterval?: number } = {}): Promise<Harness> {
  const db = new Database(':memory:');
  ensureAuthSchema(db);
  let offset = 0;
  const options = resolveOptions({
    port: 0,
    faultSeed: 0,
    quiet: true,
    ...(opts.deviceInterval !== undefined ? { deviceInterval: opts.deviceInterval } : {}),
  });
  const ctx: ServerContext & { now: () => number } = {
    db,
    options,
    now: () => Date.now() + offset,
    generation: 0,
    invalidateCaches() {
      ctx.generation++;
    },
    authenticate: (authorization) =>
      authorization?.startsWith('Bearer ') ? authenticateToken(db, authorization.slice(7)) : null,
    memo: new Map(),
  };
  const logs: string[] = [];
  const app = Fastify({
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
  });
  app.get('/api/auth/whoami/', async (req, reply) => {
    const auth = req.headers.authorization ?? '';
    const user = auth.startsWith('Bearer ') ? authenticateToken(db, auth.slice(7)) : null;
    if (!user) return reply.code(401).send({ detail: 'Invalid token.' });
    return { user };
  });
  await deviceRoutes(app, ctx);
  await webRoutes(app, ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  const alice = createUser(db, { email: 'alice@example.org', password: PASSWORD });
  const bob = createUser(db, { email: 'bob@example.org', password: PASSWORD });
  return {
    url: `http://127.0.0.1:${addr.port}`,
    ctx,
    app,
    alice,
    bob,
    logs,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

/** POST JSON and return status + parsed body. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
