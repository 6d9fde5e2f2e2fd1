/**
 * brainstem-server: a local BrainSTEM-compatible API server (Fastify + SQLite).
 *
 * @example
 * ```ts
 * import { startServer, DEMO_USERS } from 'brainstem-server';
 * const server = await startServer({ port: 0, seed: 'demo' });
 * const res = await fetch(`${server.url}api/private/stem/project/`, {
 *   headers: { Authorization: `Bearer ${DEMO_USERS.alice.token}` },
 * });
 * await server.close();
 * ```
 * @module
 */
export { buildApp } from './app.js';
export * from './auth/index.js';
export type { ResolvedServerOptions, ServerContext } from './context.js';
export { SqliteAddonError } from './db/native-addon.js';
export { DEMO_USERS, type DemoUserName } from './demo-users.js';
export { approveDeviceSession, type DecisionResult, denyDeviceSession } from './device/index.js';
export { resolveOptions, type ServerOptions } from './options.js';
export { DEMO_PROJECTS, seedDemo, seedSessions } from './seed/demo.js';
export { isLoopback, type RunningServer, startServer } from './server.js';
