import type { ServerContext } from './context.js';

/**
 * The server's clock: `ctx.now()` when set (tests move it to pass expiry and throttling windows), else `Date.now()`.
 *
 * @example
 * ```ts
 * const now = clockOf(ctx);
 * now(); // ms since the epoch
 * ```
 */
export function clockOf(ctx: ServerContext): () => number {
  return () => {
    const now = (ctx as ServerContext & { now?: () => number }).now;
    return typeof now === 'function' ? now() : Date.now();
  };
}
