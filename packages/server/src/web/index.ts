/**
 * Server-rendered pages: the landing page (`/`), sign-in/sign-out (`/account/login/`, `/account/logout/`), device
 * approval (`/account/authorize/`) and token management (`/private/users/tokens/`). Plain HTML, no scripts, no
 * external assets; cookie sessions (HttpOnly, SameSite=Lax, Path=/) and CSRF tokens on every form post; sign-in
 * throttled per account and address.
 *
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { ensureAuthSchema } from '../auth/index.js';
import { clockOf } from '../clock.js';
import type { ServerContext } from '../context.js';
import { deviceStore } from '../device/index.js';
import { registerAccountPages } from './account.js';
import { registerAuthorizePages } from './authorize.js';
import { FlashStore } from './flash.js';
import { addFormParser } from './forms.js';
import { registerLandingPage } from './landing.js';
import { authLimiter } from './ratelimit.js';
import { WebSessions } from './sessions.js';
import { registerTokenPages } from './tokens.js';
import type { WebState } from './visitor.js';

export {
  ADDRESS_FREE_FAILURES,
  addressDelaySeconds,
  MAX_ADDRESS_CODE_FAILURES,
  MAX_ADDRESS_DELAY_SECONDS,
  MAX_CODE_FAILURES,
  MAX_DEVICE_STARTS,
  MAX_FAILURES,
  WINDOW_MS,
} from './ratelimit.js';
export { SESSION_COOKIE } from './sessions.js';
export type { WebState } from './visitor.js';

const states = new WeakMap<ServerContext, WebState>();

/** The web-page state of a server context (sessions, sign-in limiter, device store); created on first use. */
export function webState(ctx: ServerContext): WebState {
  let state = states.get(ctx);
  if (!state) {
    ensureAuthSchema(ctx.db);
    const now = clockOf(ctx);
    state = {
      ctx,
      sessions: new WebSessions(ctx.db, now),
      limiter: authLimiter(ctx),
      devices: deviceStore(ctx),
      flash: new FlashStore(now),
    };
    states.set(ctx, state);
  }
  return state;
}

/** Server-rendered pages: sign-in, /account/authorize/, /private/users/tokens/. */
export async function webRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const state = webState(ctx);
  // Encapsulated: the form parser applies to these pages only; the JSON API keeps answering 415 to form bodies.
  await app.register(async (scope) => {
    addFormParser(scope);
    registerAccountPages(scope, state);
    registerAuthorizePages(scope, state);
    registerTokenPages(scope, state);
    registerLandingPage(scope, state);
  });
}
