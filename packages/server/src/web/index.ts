/**
 * Server-rendered pages: the landing page (`/`), sign-in/sign-out (`/account/login/`, `/account/logout/`), device
 * approval (`/account/authorize/`) and token management (`/private/users/tokens/`). Plain HTML, no scripts, one style
 * sheet of this server (`/assets/pages.css`), nothing inline; cookie sessions (HttpOnly, SameSite=Lax, Path=/) and
 * CSRF tokens on every form post; sign-in throttled per account and address.
 *
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { registerAccountPages } from './account.js';
import { registerApiTool } from './api-tool/index.js';
import { registerPageAssets } from './assets.js';
import { registerAuthorizePages } from './authorize.js';
import { addFormParser } from './forms.js';
import { registerLandingPage } from './landing.js';
import { webState } from './state.js';
import { registerTokenPages } from './tokens.js';

export {
  ADDRESS_FREE_FAILURES,
  addressDelaySeconds,
  MAX_ADDRESS_DELAY_SECONDS,
  MAX_CODE_FAILURES,
  MAX_DEVICE_STARTS,
  MAX_FAILURES,
  WINDOW_MS,
} from './ratelimit.js';
export { SESSION_COOKIE } from './sessions.js';
export { webState } from './state.js';
export type { WebState } from './visitor.js';

/** Server-rendered pages: sign-in, /account/authorize/, /private/users/tokens/. */
export async function webRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const state = webState(ctx);
  // Encapsulated: the form parser applies to these pages only; the JSON API keeps answering 415 to form bodies.
  await app.register(async (scope) => {
    addFormParser(scope);
    registerPageAssets(scope);
    registerAccountPages(scope, state);
    registerAuthorizePages(scope, state);
    registerTokenPages(scope, state);
    registerLandingPage(scope, state);
    registerApiTool(scope, state);
  });
}
