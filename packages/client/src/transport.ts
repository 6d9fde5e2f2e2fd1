/**
 * The only place that calls `fetch`: per-attempt timeout, caller's `AbortSignal`, retries (see retry.ts),
 * manual redirects that drop `Authorization` across origins, and the plain-http guard for tokens.
 * @module
 */

import {
  retryAfterMs as advisedWait,
  authorizationHeader,
  isIdempotent,
  isLoopback,
  mayRetry,
} from 'brainstem-api-description';
import {
  AbortError,
  BrainstemError,
  ConnectionError,
  type Credential,
  InsecureTransportError,
  InvalidArgumentError,
  makeStatusError,
  TimeoutError,
} from './errors.js';
import { crossOriginHint } from './hints.js';
import { isBrowser } from './internal/env.js';
import { sleep } from './internal/sleep.js';
import { redactUrlCredentials } from './internal/url-credentials.js';
import type { LogSink } from './logger.js';
import {
  type BackoffOptions,
  backoffDelay,
  crossOriginFailure,
  errorCode,
  mayRetryConnection,
  RETRY_BUDGET,
  retriesFor,
} from './retry.js';
import { VERSION } from './version.js';

/**
 * HTTP methods the API uses.
 *
 * @example
 * ```ts
 * await client.action('session', id, 'custom', { method: 'POST' });
 * ```
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Per-call options every client method accepts.
 *
 * @example
 * ```ts
 * await client.load('session', { timeout: 5_000, maxRetries: 0, signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface RequestOptions {
  /** Cancels the call (and any retries or waits); rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms, overriding the client's. */
  timeout?: number;
  /** Retries for this call, overriding the client's (default: see `RETRY_BUDGET` in retry.ts). */
  maxRetries?: number;
}

/** One attempt's outcome, for callers that adapt to the server (the pager's concurrency control). */
export interface AttemptReport {
  /** HTTP status, or `undefined` when no response arrived (connection failure or timeout). */
  status: number | undefined;
  /** Duration of the attempt in ms (until the body was read). */
  ms: number;
}

/** One request, as the client hands it to the transport. */
export interface RequestSpec extends RequestOptions {
  method: HttpMethod;
  /** Absolute API path starting with `/api/`. */
  path: string;
  /** Encoded query string without `?`. */
  query?: string;
  /** JSON body. */
  body?: unknown;
  /** Token for this attempt (called before every attempt); `undefined` → anonymous. */
  token?: () => Promise<string | undefined>;
  /** A 404 on a retry means an earlier attempt already did it (DELETE): treat as success. */
  notFoundOkOnRetry?: boolean;
  /**
   * Whether repeating the request is harmless. Defaults to what the method implies; `false` for a GET action that
   * changes state (the registry's `changesState`), which then follows the write rules of retry.ts.
   */
  idempotent?: boolean;
  /** Called after every attempt. */
  onAttempt?: (report: AttemptReport) => void;
}

/**
 * A {@link RequestSpec} from a caller's options: only the keys the transport reads, the unset ones left out.
 *
 * @example
 * ```ts
 * requestSpec('GET', '/api/private/stem/project/', { query: 'limit=1', signal }, undefined);
 * ```
 */
export function requestSpec(
  method: HttpMethod,
  path: string,
  opts: Omit<RequestSpec, 'method' | 'path' | 'token'>,
  token: RequestSpec['token'],
): RequestSpec {
  return {
    method,
    path,
    ...(opts.query ? { query: opts.query } : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    ...(token ? { token } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
    ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
    ...(opts.notFoundOkOnRetry ? { notFoundOkOnRetry: true } : {}),
    ...(opts.idempotent !== undefined ? { idempotent: opts.idempotent } : {}),
    ...(opts.onAttempt ? { onAttempt: opts.onAttempt } : {}),
  };
}

/** What a successful request produced. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, text, or `null` when empty. */
  body: unknown;
  /** Final URL (after redirects). */
  url: string;
}

/**
 * A request about to be tried again, for the `onRetry` client option: what failed, which attempt, and the wait.
 *
 * @example
 * ```ts
 * new BrainstemClient({ onRetry: (n) => console.error(`${n.reason}: attempt ${n.attempt} of ${n.attempts}`) });
 * ```
 */
export interface RetryNotice {
  method: string;
  /** The request URL (without credentials). */
  url: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** Attempts this request may make in all (its retries + 1). */
  attempts: number;
  /** Wait before the next attempt, in ms. */
  delayMs: number;
  /** What failed, in a few words: `503 Service Unavailable`, `ECONNREFUSED (…)`, `timed out after 30000 ms`. */
  reason: string;
  /** The error the request ends with if no attempt succeeds. */
  error: BrainstemError;
}

/** Transport settings (from the client options). */
export interface TransportConfig {
  baseUrl: URL;
  fetch: typeof fetch;
  timeout: number;
  /** Retries of every request; unset → the defaults of `RETRY_BUDGET` (retry.ts). */
  maxRetries: number | undefined;
  /** Time from the first attempt after which no retry starts. @default RETRY_BUDGET.requestMs */
  retryBudgetMs?: number;
  allowInsecure: boolean;
  log: LogSink;
  backoff?: BackoffOptions;
  /** Longest server-advised wait that is slept through. @default RETRY_BUDGET.maxRetryAfterMs */
  maxRetryAfterMs?: number;
  /** Called before each retry's wait. */
  onRetry?: (notice: RetryNotice) => void;
}

/** The client options the transport reads (`ClientOptions` has them all). */
export interface TransportOptions {
  fetch?: typeof fetch;
  timeout?: number;
  maxRetries?: number;
  retryBudgetMs?: number;
  allowInsecure?: boolean;
  backoff?: BackoffOptions;
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * The transport settings of a client: its options, the runtime's default `fetch`, its logger.
 *
 * @example
 * ```ts
 * const cfg = clientTransport(new URL('http://127.0.0.1:8000/'), { timeout: 5_000 }, undefined, log);
 * ```
 */
export function clientTransport(
  baseUrl: URL,
  options: TransportOptions,
  platformFetch: typeof fetch | undefined,
  log: LogSink,
): TransportConfig {
  const f = options.fetch ?? platformFetch ?? (globalThis as { fetch?: typeof fetch }).fetch;
  if (!f) throw new InvalidArgumentError('fetch', 'No global fetch in this runtime: pass the `fetch` option');
  return {
    baseUrl,
    fetch: options.fetch ? options.fetch : (input, init) => f(input, init),
    timeout: options.timeout ?? 30_000,
    maxRetries: options.maxRetries,
    ...(options.retryBudgetMs !== undefined ? { retryBudgetMs: options.retryBudgetMs } : {}),
    allowInsecure: options.allowInsecure ?? false,
    log,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  };
}

const MAX_REDIRECTS = 5;

/**
 * Refuses to let a credential (by default the API token) travel over plain http to a host that is not loopback,
 * unless `allowInsecure`: throws {@link InsecureTransportError} before anything is sent.
 *
 * @example
 * ```ts
 * assertSecure(new URL('http://lab-server.example:8000/'), false, 'password'); // throws InsecureTransportError
 * assertSecure(new URL('http://127.0.0.1:8000/'), false); // loopback: fine
 * ```
 */
export function assertSecure(url: URL, allowInsecure: boolean, credential: Credential = 'token'): void {
  if (url.protocol === 'http:' && !allowInsecure && !isLoopback(url.hostname)) {
    throw new InsecureTransportError(url.host, credential);
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (contentType?.includes('json') || /^\s*[[{"]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A URL for messages and errors: the query stays (it holds no credentials), userinfo is removed. */
function displayUrl(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const u = new URL(url.href);
  u.username = '';
  u.password = '';
  return u.href;
}

/**
 * Sends one request with retries; resolves with the parsed 2xx response or rejects with a {@link BrainstemError}.
 */
export async function send(cfg: TransportConfig, spec: RequestSpec): Promise<TransportResponse> {
  const url = new URL(cfg.baseUrl.href + spec.path.replace(/^\//, '') + (spec.query ? `?${spec.query}` : ''));
  const method = spec.method;
  const idempotent = spec.idempotent ?? isIdempotent(method);
  const safeRead = idempotent && method === 'GET';
  const maxRetries = retriesFor(safeRead, spec.maxRetries ?? cfg.maxRetries);
  const budget = cfg.retryBudgetMs ?? RETRY_BUDGET.requestMs;
  const timeout = spec.timeout ?? cfg.timeout;
  const shown = displayUrl(url);
  const firstStarted = Date.now();
  /** Whether another attempt fits: retries left, and the wait ends within the time budget. */
  const fits = (attempt: number, delay: number) => attempt < maxRetries && Date.now() + delay - firstStarted <= budget;
  /** Marks the error with the attempts made, and says so in its message when there was more than one. */
  const giveUp = (err: BrainstemError, attempt: number): BrainstemError => {
    err.attempts = attempt + 1;
    if (attempt > 0) {
      const secs = ((Date.now() - firstStarted) / 1000).toFixed(1);
      err.message += ` (gave up after ${attempt + 1} attempts over ${secs} s)`;
    }
    return err;
  };
  const retrying = (attempt: number, delayMs: number, reason: string, error: BrainstemError) =>
    cfg.onRetry?.({ method, url: shown, attempt: attempt + 1, attempts: maxRetries + 1, delayMs, reason, error });
  for (let attempt = 0; ; attempt++) {
    if (spec.signal?.aborted) throw new AbortError(undefined, { cause: spec.signal.reason });
    const token = spec.token ? await spec.token() : undefined;
    if (token) assertSecure(url, cfg.allowInsecure);
    const started = Date.now();
    cfg.log.debug(`→ ${method} ${shown}${attempt ? ` (retry ${attempt}/${maxRetries})` : ''}`);
    let outcome: { response: TransportResponse } | { error: unknown; timedOut: boolean; userAbort: boolean };
    try {
      outcome = { response: await attemptOnce(cfg, url, method, spec.body, token, timeout, spec.signal) };
    } catch (error) {
      if (error instanceof AttemptAbort)
        outcome = { error: error.cause, timedOut: error.timedOut, userAbort: !error.timedOut };
      else outcome = { error, timedOut: false, userAbort: false };
    }
    const ms = Date.now() - started;
    spec.onAttempt?.({ status: 'response' in outcome ? outcome.response.status : undefined, ms });

    if ('response' in outcome) {
      const res = outcome.response;
      cfg.log.debug(`← ${res.status} ${method} ${shown} ${ms} ms`);
      if (res.status >= 200 && res.status < 300) return res;
      if (res.status === 404 && attempt > 0 && spec.notFoundOkOnRetry) {
        cfg.log.info(`${method} ${shown}: 404 on retry — an earlier attempt already succeeded`);
        return { ...res, status: 204, body: null };
      }
      const retryAfterMs = advisedWait(res.headers);
      const err = makeStatusError({
        status: res.status,
        body: res.body,
        url: res.url,
        method,
        headers: res.headers,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      const failed = { status: res.status, retryAfter: res.headers.has('retry-after') };
      if (!mayRetry(failed, idempotent)) throw giveUp(err, attempt);
      const maxWait = cfg.maxRetryAfterMs ?? RETRY_BUDGET.maxRetryAfterMs;
      if (retryAfterMs !== undefined && retryAfterMs > maxWait) {
        cfg.log.warn(`${method} ${shown}: server asks to wait ${Math.round(retryAfterMs / 1000)} s; not retrying`);
        throw giveUp(err, attempt);
      }
      const delay = retryAfterMs ?? backoffDelay(attempt, cfg.backoff);
      if (!fits(attempt, delay)) throw giveUp(err, attempt);
      cfg.log.info(`${res.status} on ${method} ${shown}; retrying in ${Math.round(delay)} ms`);
      retrying(attempt, delay, `HTTP ${res.status}`, err);
      await sleep(delay, spec.signal);
      continue;
    }

    const { error, timedOut, userAbort } = outcome;
    if (error instanceof BrainstemError) throw giveUp(error, attempt);
    if (userAbort) throw new AbortError(undefined, { cause: spec.signal?.reason });
    const page = timedOut ? undefined : crossOriginFailure(error, url);
    const failure = timedOut
      ? new TimeoutError({ url: shown, method, timeout })
      : page !== undefined
        ? new ConnectionError(`${method} ${shown} failed: ${describeFailure(error)}. ${crossOriginHint(page, url)}`, {
            url: shown,
            method,
            cause: error,
            crossOrigin: page,
          })
        : new ConnectionError(
            `${method} ${shown} failed: ${describeFailure(error)}. Is the server reachable (url: ${cfg.baseUrl.href})?`,
            { url: shown, method, cause: error },
          );
    cfg.log.debug(`✗ ${method} ${shown} ${ms} ms: ${failure.message}`);
    const delay = backoffDelay(attempt, cfg.backoff);
    if (!mayRetryConnection(error, timedOut, idempotent, url) || !fits(attempt, delay)) {
      throw giveUp(failure, attempt);
    }
    cfg.log.info(`${failure.message}; retrying in ${Math.round(delay)} ms`);
    retrying(attempt, delay, timedOut ? `timed out after ${timeout} ms` : describeFailure(error), failure);
    await sleep(delay, spec.signal);
  }
}

function describeFailure(err: unknown): string {
  const code = errorCode(err);
  const cause = err && typeof err === 'object' ? (err as { cause?: { message?: string } }).cause : undefined;
  // fetch quotes a URL it refuses (a redirect to `user:pass@…`) in its message.
  const msg = redactUrlCredentials(cause?.message ?? (err instanceof Error ? err.message : String(err)));
  return code && !msg.includes(code) ? `${code} (${msg})` : msg;
}

/** Thrown inside an attempt when its controller aborted: `timedOut` tells our timer from the caller's signal. */
class AttemptAbort extends Error {
  constructor(
    readonly timedOut: boolean,
    override readonly cause: unknown,
  ) {
    super('aborted');
  }
}

async function attemptOnce(
  cfg: TransportConfig,
  startUrl: URL,
  startMethod: HttpMethod,
  body: unknown,
  token: string | undefined,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<TransportResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timeout after ${timeout} ms`));
  }, timeout);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const browser = isBrowser();
  try {
    let url = startUrl;
    let method: string = startMethod;
    let payload: string | undefined = body === undefined ? undefined : JSON.stringify(body);
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (payload !== undefined) headers['Content-Type'] = 'application/json';
      if (!browser) headers['User-Agent'] = `brainstem-api-tools/${VERSION}`;
      // The token goes only to the origin it was meant for.
      if (token && url.origin === startUrl.origin) headers.Authorization = authorizationHeader(token);
      const res = await cfg.fetch(url.href, {
        method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        signal: controller.signal,
        redirect: browser ? 'follow' : 'manual',
      });
      const location = res.headers.get('location');
      if (!browser && res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => {});
        if (hop >= MAX_REDIRECTS) {
          throw new ConnectionError(`${startMethod} ${displayUrl(startUrl)}: more than ${MAX_REDIRECTS} redirects`, {
            url: displayUrl(startUrl),
            method: startMethod,
          });
        }
        const next = new URL(location, url);
        if (next.protocol !== 'https:' && next.protocol !== 'http:') {
          throw new ConnectionError(`redirect to unsupported URL ${next.protocol}`, {
            url: displayUrl(startUrl),
            method: startMethod,
          });
        }
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
          method = 'GET';
          payload = undefined;
        }
        cfg.log.debug(
          `↪ ${res.status} → ${displayUrl(next)}${next.origin !== startUrl.origin ? ' (cross-origin: token dropped)' : ''}`,
        );
        url = next;
        continue;
      }
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        body: parseBody(text, res.headers.get('content-type')),
        url: displayUrl(url),
      };
    }
  } catch (err) {
    if (controller.signal.aborted) throw new AttemptAbort(timedOut, err);
    throw err;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
