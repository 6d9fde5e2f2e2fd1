/**
 * The retry budget and backoff: how many attempts each layer gets, and how long to wait between them. Which
 * failures may be retried at all is the API's rule (`mayRetry` in brainstem-api-description), with one exception
 * only a browser page meets: an opaque failure of a cross-origin request (`crossOriginFailure`), which is not
 * retried. This module says how often, and is the only one that does.
 *
 * Attempts, layer by layer:
 * - **A request**: {@link RETRY_BUDGET}`.readAttempts` (6) for a GET that changes nothing, `.writeAttempts` (3) for
 *   anything else; the `maxRetries` option overrides both. No retry starts once `.requestMs` (120 s, option
 *   `retryBudgetMs`) has passed since the request's first attempt.
 * - **A walk** (`loadAll`, `iterate`, and through them the CLI's `load --all`): when a page has used all its
 *   attempts on a retryable failure, the walk carries on from that page, at most `.walkRetries` (2, option
 *   `walkRetries`) times over the whole walk, whichever pages fail.
 * - So one page gets at most `readAttempts × (1 + walkRetries)` = {@link PAGE_ATTEMPTS} attempts, and a walk of
 *   P pages sends at most `readAttempts × (P + walkRetries × in-flight limit)` requests: the pages in flight when
 *   one fails are asked for again.
 * - The CLI adds no attempts of its own.
 *
 * Waits: the server's `Retry-After` when given (one over `maxRetryAfterMs`, 60 s, is not slept through: the error
 * is thrown instead), else exponential backoff `min(initial · 2^n, max)` with up to 25 % jitter.
 * @module
 */

import { type FailedAttempt, mayRetry } from 'brainstem-api-description';
import { APIError, BrainstemError, ConnectionError, type WalkResume } from './errors.js';
import { pageOrigin } from './internal/env.js';

/** The default attempts of every layer (see the module comment for how they nest). */
export const RETRY_BUDGET = {
  /** Attempts of a safe read (a GET that changes nothing): a walk of hundreds of pages must survive a flaky network. */
  readAttempts: 6,
  /** Attempts of a write or state-changing action, within the API's retry rule. */
  writeAttempts: 3,
  /** Longest time one request may spend, from its first attempt, before no further retry starts. */
  requestMs: 120_000,
  /** Longest server-advised wait that is slept through. */
  maxRetryAfterMs: 60_000,
  /** Times a whole walk carries on from a page that used all its attempts. */
  walkRetries: 2,
} as const;

/** Most attempts one page of a walk gets with the default budget. */
export const PAGE_ATTEMPTS = RETRY_BUDGET.readAttempts * (1 + RETRY_BUDGET.walkRetries);

/** Retries (attempts − 1) of one request: `override` (the `maxRetries` option), else the default for its kind. */
export function retriesFor(safeRead: boolean, override: number | undefined): number {
  return override ?? (safeRead ? RETRY_BUDGET.readAttempts : RETRY_BUDGET.writeAttempts) - 1;
}

const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

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

/** A fetch failure without response, in the terms of the API's retry rule. */
export function failedConnection(err: unknown, timedOut: boolean): FailedAttempt {
  if (timedOut) return 'timeout';
  const code = errorCode(err);
  return code !== undefined && NOT_CONNECTED_CODES.has(code) ? 'not-connected' : 'connection-lost';
}

/**
 * The page's origin when `err` is a browser's opaque network failure (`TypeError`, no status, no code) on a
 * request from a page to another origin: the browser hides why, and the most common reason is that the server does
 * not allow the page's origin (CORS). Sending it again meets the same refusal. `undefined` for anything else.
 */
export function crossOriginFailure(err: unknown, target: URL): string | undefined {
  const page = pageOrigin();
  if (page === undefined || page === target.origin) return undefined;
  return err instanceof TypeError ? page : undefined;
}

/**
 * Whether a request that got no response may be sent again: the API's rule for the failure, except a browser's
 * opaque failure on a cross-origin request ({@link crossOriginFailure}), which is reported at once.
 */
export function mayRetryConnection(err: unknown, timedOut: boolean, idempotent: boolean, target: URL): boolean {
  if (!timedOut && crossOriginFailure(err, target) !== undefined) return false;
  return mayRetry(failedConnection(err, timedOut), idempotent);
}

/**
 * Whether a walk may carry on after `err`: a page used all its attempts on a failure the API's rule lets a read
 * retry (network, timeout, a status in `RETRYABLE_STATUSES`), and the error says where the walk stopped.
 */
export function walkMayCarryOn(err: unknown): err is BrainstemError & { resume: WalkResume } {
  if (!(err instanceof BrainstemError) || err.resume === undefined) return false;
  if (err instanceof ConnectionError) return err.crossOrigin === undefined;
  return err instanceof APIError && mayRetry({ status: err.status, retryAfter: false }, true);
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
