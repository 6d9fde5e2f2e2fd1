/**
 * Retry policy: which failures are retried, how often, and how long to wait.
 *
 * - GET/PUT/DELETE (idempotent): 408, 429, 502, 503, 504, timeouts and connection failures.
 * - POST/PATCH, and GET actions the registry marks as changing state (invitation accept, group join, …): not
 *   idempotent (BrainSTEM has no idempotency key), so retried only when the request certainly did not reach the
 *   handler — 429, 503 with `Retry-After`, or a connection that was never established (refused, DNS).
 * - How often: safe reads (GET that changes nothing) get {@link DEFAULT_READ_RETRIES} retries, everything else
 *   {@link DEFAULT_WRITE_RETRIES}; `maxRetries` overrides both. No retry starts once the request has spent
 *   `retryBudgetMs` (default {@link DEFAULT_RETRY_BUDGET_MS}) since its first attempt.
 * - Delay: `retry-after-ms` / `Retry-After` (seconds or HTTP date) when given, else exponential backoff
 *   `min(initial · 2^n, max)` with up to 25 % jitter. A server wait longer than `maxRetryAfterMs` is not slept
 *   through: the error is thrown instead.
 * @module
 */

/** Retries of a safe read (6 attempts): a walk of hundreds of pages must survive a flaky network. */
export const DEFAULT_READ_RETRIES = 5;
/** Retries of a write or state-changing action (3 attempts), within the rules above. */
export const DEFAULT_WRITE_RETRIES = 2;
/** Longest time one request may spend, from its first attempt, before no further retry starts. */
export const DEFAULT_RETRY_BUDGET_MS = 120_000;

/** Status codes worth retrying for idempotent requests. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Whether `method` may be repeated safely after an unknown outcome. */
export function isIdempotent(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(method.toUpperCase());
}

/** Error code of a fetch failure (undici puts it on `cause`). */
export function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether a fetch failure happened before any byte of the request reached a server. */
export function neverConnected(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && NOT_CONNECTED_CODES.has(code);
}

/** Should a response status be retried? `idempotent` defaults to what the method implies. */
export function shouldRetryStatus(
  method: string,
  status: number,
  headers: Headers,
  idempotent = isIdempotent(method),
): boolean {
  if (!RETRYABLE_STATUSES.has(status)) return false;
  if (idempotent) return true;
  return status === 429 || (status === 503 && headers.has('retry-after'));
}

/** Should a failure without response (connection error or timeout) be retried? */
export function shouldRetryFailure(
  method: string,
  err: unknown,
  timedOut: boolean,
  idempotent = isIdempotent(method),
): boolean {
  if (idempotent) return true;
  return !timedOut && neverConnected(err);
}

/** Server-advised wait in ms from `retry-after-ms` or `Retry-After` (seconds or HTTP date); undefined if none. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null) {
    const v = Number.parseFloat(ms);
    if (Number.isFinite(v) && v >= 0) return v;
  }
  const ra = headers.get('retry-after');
  if (ra === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return Number.parseFloat(ra) * 1000;
  const date = Date.parse(ra);
  if (Number.isFinite(date)) return Math.max(0, date - now);
  return undefined;
}

/**
 * Backoff settings.
 *
 * @example
 * ```ts
 * new BrainstemClient({ backoff: { initialMs: 250, maxMs: 4000 } });
 * ```
 */
export interface BackoffOptions {
  /** First delay in ms. @default 500 */
  initialMs?: number;
  /** Largest delay in ms. @default 8000 */
  maxMs?: number;
}

/** Exponential backoff with jitter for retry number `retry` (0-based). */
export function backoffDelay(retry: number, opts: BackoffOptions = {}, random = Math.random): number {
  const initial = opts.initialMs ?? 500;
  const max = opts.maxMs ?? 8000;
  const base = Math.min(initial * 2 ** retry, max);
  return base * (1 - random() * 0.25);
}
