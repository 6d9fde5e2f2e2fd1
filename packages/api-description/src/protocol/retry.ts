/**
 * Which failed requests may be sent again. The rule depends on whether repeating the request is safe:
 *
 * - Idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE): retried after 408, 429, 502, 503, 504, a timeout or a
 *   lost connection. A 500 is not: it reports a fault in the handler, which the same request meets again.
 * - Requests that are not idempotent (POST, PATCH, and GET actions the registry marks `changesState`): BrainSTEM
 *   has no idempotency key, so they are retried only when the handler certainly did not run: 429, 503 with
 *   `Retry-After`, or a connection that was never established.
 *
 * How often and how long to wait between attempts is the client's business; the server's part is to answer
 * throttling and unavailability with `Retry-After` (seconds or an HTTP date; `retry-after-ms` also counts).
 * @module
 */

/** Statuses after which an idempotent request is sent again. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Whether `method` may be repeated after an unknown outcome (HTTP's idempotent methods). */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * How an attempt failed: an error `status` (with whether it carried `Retry-After`), or no response at all —
 * `'timeout'`, `'not-connected'` (refused, DNS: nothing reached the server) or `'connection-lost'` (it may have).
 */
export type FailedAttempt = { status: number; retryAfter: boolean } | 'timeout' | 'not-connected' | 'connection-lost';

/**
 * Whether a failed attempt may be followed by another one.
 *
 * @example
 * ```ts
 * mayRetry({ status: 503, retryAfter: false }, isIdempotent('GET')); // true
 * mayRetry({ status: 503, retryAfter: false }, isIdempotent('POST')); // false: the handler may have run
 * mayRetry('not-connected', false); // true: nothing reached the server
 * ```
 */
export function mayRetry(failure: FailedAttempt, idempotent: boolean): boolean {
  if (typeof failure !== 'object') return idempotent || failure === 'not-connected';
  if (!RETRYABLE_STATUSES.has(failure.status)) return false;
  return idempotent || failure.status === 429 || (failure.status === 503 && failure.retryAfter);
}

/** Response headers, as far as {@link retryAfterMs} reads them (`Headers` fits). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** The server-advised wait in ms, from `retry-after-ms` or `Retry-After` (seconds or HTTP date); undefined if none. */
export function retryAfterMs(headers: HeaderReader, now = Date.now()): number | undefined {
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
