/** The web-page state of a server context: sessions, sign-in limiter, device store and flash messages. */
import { ensureAuthSchema } from '../auth/index.js';
import { clockOf } from '../clock.js';
import type { ServerContext } from '../context.js';
import { deviceStore } from '../device/index.js';
import { FlashStore } from './flash.js';
import { authLimiter } from './ratelimit.js';
import { WebSessions } from './sessions.js';
import type { WebState } from './visitor.js';

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
