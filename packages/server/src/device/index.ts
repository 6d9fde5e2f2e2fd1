/**
 * Device authorization flow (the API docs, "CLI Device Authorization Flow"):
 * `POST /api/auth/device/` opens a session, the user approves it on `/account/authorize/`, and
 * `POST /api/auth/device/token/` hands the poller an ordinary personal access token exactly once.
 *
 * @example
 * ```ts
 * // A test that needs a token without a browser:
 * const start = await (await fetch(`${url}api/auth/device/`, { method: 'POST', … })).json();
 * approveDeviceSession(ctx, start.user_code, alice.id);
 * // the next poll returns { status: 'success', token: 'bst_…' }
 * ```
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { createToken, ensureAuthSchema } from '../auth/index.js';
import { clockOf } from '../clock.js';
import type { ServerContext } from '../context.js';
import { authLimiter } from '../web/ratelimit.js';
import { registerDeviceApi } from './routes.js';
import { type DecisionResult, DeviceStore } from './store.js';

export { clockOf } from '../clock.js';
export { normalizeUserCode } from './codes.js';
export {
  CLIENT_NAME_MAX,
  DEFAULT_CLIENT_NAME,
  DEVICE_EXPIRES_IN,
  type DecisionResult,
  type DeviceSession,
  DeviceStore,
  MIN_POLL_INTERVAL_MS,
  type PollResult,
} from './store.js';

const stores = new WeakMap<ServerContext, DeviceStore>();

/**
 * The device-session store of a server context (created on first use; one per context/database).
 * Its `now` clock can be replaced in tests to move past the 15-minute window.
 */
export function deviceStore(ctx: ServerContext): DeviceStore {
  let store = stores.get(ctx);
  if (!store) {
    ensureAuthSchema(ctx.db);
    store = new DeviceStore(ctx.db, {
      now: clockOf(ctx),
      issueToken: (userId, name) => createToken(ctx.db, userId, name),
    });
    stores.set(ctx, store);
  }
  return store;
}

/**
 * Approves a pending device session as `userId`, exactly as clicking **Approve** on `/account/authorize/` does —
 * for tests and scripts that have no browser. `key` is the session id or the user code (`WXYZ-1234`, any case).
 * Returns `'ok'`, `'not_found'`, `'expired'` or `'already_decided'`.
 *
 * @example
 * ```ts
 * approveDeviceSession(ctx, 'KZTB-4071', alice.id); // 'ok'
 * ```
 */
export function approveDeviceSession(ctx: ServerContext, key: string, userId: number): DecisionResult {
  return deviceStore(ctx).approve(key, userId);
}

/**
 * Denies a pending device session, as clicking **Deny** does; the poller then gets `{"error": "access_denied"}`.
 *
 * @example
 * ```ts
 * denyDeviceSession(ctx, start.session_id); // 'ok'
 * ```
 */
export function denyDeviceSession(ctx: ServerContext, key: string, userId: number | null = null): DecisionResult {
  return deviceStore(ctx).deny(key, userId);
}

/** Device authorization flow: POST /api/auth/device/ and /api/auth/device/token/. */
export async function deviceRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = deviceStore(ctx);
  const limiter = authLimiter(ctx);
  registerDeviceApi(
    app,
    store,
    () => ctx.options.deviceInterval,
    (address) => limiter.deviceStart(address),
  );
}
