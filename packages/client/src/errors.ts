/**
 * The error hierarchy. Every class carries a `Symbol.for` brand and a `Symbol.hasInstance` check, so
 * `err instanceof NotFoundError` holds even when the ESM and the CJS build of this package are both loaded
 * (the dual-package hazard) or two copies are installed.
 *
 * ```
 * BrainstemError
 * ├─ APIError { status, body, url, method, headers }
 * │  ├─ ValidationError (400) { fields }
 * │  ├─ AuthenticationError (401, or no token available)
 * │  ├─ PermissionDeniedError (403)
 * │  ├─ NotFoundError (404)
 * │  ├─ RateLimitError (429) { retryAfterMs }
 * │  └─ ServerError (5xx)
 * ├─ ConnectionError ── TimeoutError
 * ├─ AbortError
 * ├─ InvalidArgumentError { argument }
 * └─ LoginError { code }
 * ```
 * @module
 */
import { findApiPath, PORTALS, unwrapError } from 'brainstem-api-description';
import { detailOf, statusText } from './error-body.js';
import { queryParamHint, tokenPageHint } from './hints.js';
import { brand } from './internal/brand.js';

export { fieldErrors } from './error-body.js';

export { tokenPageFor, tokenPageHint } from './hints.js';

/**
 * Base class of every error this library throws.
 *
 * @example
 * ```ts
 * try { await client.load('session'); } catch (e) { if (e instanceof BrainstemError) console.error(e.message); }
 * ```
 */
export class BrainstemError extends Error {
  override name = 'BrainstemError';
  /** How many times the failed request was sent (set by the transport; more than 1 when it was retried). */
  attempts?: number;
  /** For `loadAll`/`iterate`: where the interrupted walk can pick up again (see {@link WalkResume}). */
  resume?: WalkResume;
  /** Always `true`: a duck-typing brand for code that cannot use `instanceof`. */
  get isBrainstemError(): true {
    return true;
  }
}
brand(BrainstemError, 'BrainstemError');

/**
 * Where an interrupted `loadAll` or `iterate` stopped, carried by its error as `error.resume`: plain JSON, so it
 * can be written down and passed back later. It belongs to the query it was made for; the walk refuses it for
 * any other.
 *
 * @example
 * ```ts
 * try {
 *   await client.loadAll('session');
 * } catch (e) {
 *   if (e instanceof BrainstemError && e.resume) await client.loadAll('session', { resume: e.resume }); // no re-fetch
 * }
 * ```
 */
export interface WalkResume {
  /** Absolute offset of the first record not yet delivered. */
  offset: number;
  /** Records delivered before the failure (counted from the walk's own start offset). */
  loaded: number;
  /** Names the walk's query (model, portal, filters, sort, include, start offset); another query refuses it. */
  query: string;
  /** `loadAll` only: the records loaded so far; `loadAll(model, { resume })` continues after them. */
  records?: readonly unknown[];
  /** Pages received past `offset` before the walk stopped; carrying on uses them instead of asking again. */
  pages?: readonly KeptPage[];
}

/**
 * A page a walk received and had not handed out when it stopped (see {@link WalkResume.pages}).
 *
 * @example
 * ```ts
 * const kept: KeptPage = { offset: 200, limit: 100, body: { sessions: [], count: 250 } };
 * ```
 */
export interface KeptPage {
  offset: number;
  limit: number;
  /** The list body as the server sent it. */
  body: unknown;
}

/**
 * What the server answered, for {@link APIError}.
 *
 * @example
 * ```ts
 * new APIError({ status: 409, body: { detail: 'conflict' }, url, method: 'POST' });
 * ```
 */
export interface APIErrorInit {
  status: number;
  body: unknown;
  url: string;
  method: string;
  headers?: Headers;
  message?: string;
}

/**
 * The server answered with an error status. `url` never contains a token; `body` is the parsed JSON (or text).
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof APIError) console.log(e.status, e.body); }
 * ```
 */
export class APIError extends BrainstemError {
  override name = 'APIError';
  /** HTTP status code. */
  readonly status: number;
  /** Parsed response body (JSON value, text, or `null` when empty). */
  readonly body: unknown;
  /** Request URL (no credentials are ever part of it). */
  readonly url: string;
  /** HTTP method. */
  readonly method: string;
  /** Response headers, when a response was received. */
  readonly headers: Headers | undefined;

  constructor(init: APIErrorInit) {
    super(init.message ?? defaultMessage(init));
    this.status = init.status;
    this.body = init.body;
    this.url = init.url;
    this.method = init.method;
    this.headers = init.headers;
  }
}
brand(APIError, 'APIError');

/**
 * 400: the server rejected the input. `fields` maps each offending field (or `non_field_errors` / `detail`) to
 * its messages, as Django REST framework reports them.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof ValidationError) console.log(e.fields.name); // ['This field is required.']
 * }
 * ```
 */
export class ValidationError extends APIError {
  override name = 'ValidationError';
  /** Field name → messages. */
  readonly fields: Record<string, string[]>;
  constructor(init: APIErrorInit) {
    const { fields, general, perField: byField } = unwrapError(init.body);
    const perField = Object.entries(byField).map(([k, v]) => `${k}: ${v.join(' ')}`);
    const text = [...general, ...perField].join('; ').replace(/\.$/, '');
    // The documentation advice only helps with real field errors; a request-level error (an unknown filter field,
    // "You are not a member of this group") gets the query parameter it is about instead, when one can be told.
    const advice = perField.length
      ? ' Match the required fields and value formats listed in the model documentation.'
      : queryParamHint(init.url, general.join(' '));
    super({
      ...init,
      message: init.message ?? `400 Bad Request (${init.method} ${init.url})${text ? `: ${text}` : ''}.${advice}`,
    });
    this.fields = fields;
  }
}
brand(ValidationError, 'ValidationError');

/**
 * 401: the token is missing, invalid or expired. Also thrown before any request when no token can be found
 * (then `code` is `'no_token'` and `body` is `null`). The message says how to get a token.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof AuthenticationError) await client.login(); }
 * ```
 */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
  /** `'no_token'` when raised locally, `'unauthorized'` when the server answered 401. */
  readonly code: 'no_token' | 'unauthorized';
  constructor(init: APIErrorInit & { code?: 'no_token' | 'unauthorized' }) {
    super({
      ...init,
      message:
        init.message ??
        `401 Unauthorized (${init.method} ${init.url})${detailOf(init.body)}. The token is missing, invalid or ` +
          'expired: call `await client.login()`, or pass a new token (option `token` or env BRAINSTEM_TOKEN)' +
          tokenPageHint(init.url),
    });
    this.code = init.code ?? 'unauthorized';
  }
}
brand(AuthenticationError, 'AuthenticationError');

/**
 * 403: authenticated, but not allowed (see the permission tables in the API docs).
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof PermissionDeniedError) console.log('ask a project manager for access'); }
 * ```
 */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
  constructor(init: APIErrorInit) {
    super({
      ...init,
      message:
        init.message ??
        `403 Forbidden (${init.method} ${init.url})${detailOf(init.body)}. You lack the permission this needs ` +
          '(see the permission tables in the BrainSTEM API docs).',
    });
  }
}
brand(PermissionDeniedError, 'PermissionDeniedError');

/**
 * 404: no such record or endpoint in the selected portal.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof NotFoundError) console.log(e.portal); // 'private'
 * }
 * ```
 */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
  /** The portal of the request (`private`/`public`), when the URL names one. */
  readonly portal: string | undefined;
  constructor(init: APIErrorInit) {
    const portal = findApiPath(init.url)?.portal;
    const other = PORTALS.find((p) => p !== portal);
    super({
      ...init,
      message:
        init.message ??
        `404 Not Found (${init.method} ${init.url})${detailOf(init.body)}. Make sure the ID exists and is within ` +
          `the selected portal${portal ? ` ("${portal}"; is it in the ${other} portal?)` : ''}.`,
    });
    this.portal = portal;
  }
}
brand(NotFoundError, 'NotFoundError');

/**
 * 429: too many requests. Retried automatically (honouring `Retry-After`) before this is thrown.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof RateLimitError) await sleep(e.retryAfterMs ?? 1000); }
 * ```
 */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  /** Server-advised wait in ms, from `Retry-After`/`retry-after-ms`, when given. */
  readonly retryAfterMs: number | undefined;
  constructor(init: APIErrorInit & { retryAfterMs?: number }) {
    super({
      ...init,
      message:
        init.message ??
        `429 Too Many Requests (${init.method} ${init.url})${
          init.retryAfterMs !== undefined ? `; the server asks to wait ${Math.ceil(init.retryAfterMs / 1000)} s` : ''
        }.`,
    });
    this.retryAfterMs = init.retryAfterMs;
  }
}
brand(RateLimitError, 'RateLimitError');

/**
 * 5xx: the server failed. 502/503/504 are retried for idempotent requests before this is thrown.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof ServerError) console.log(e.status); // 503
 * }
 * ```
 */
export class ServerError extends APIError {
  override name = 'ServerError';
}
brand(ServerError, 'ServerError');

/**
 * No response: DNS failure, refused or reset connection. `cause` holds the underlying error.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof ConnectionError) console.log('is the server up?', e.cause); }
 * ```
 */
export class ConnectionError extends BrainstemError {
  override name = 'ConnectionError';
  /** Request URL (no credentials). */
  readonly url: string;
  /** HTTP method. */
  readonly method: string;
  /**
   * In a browser, the origin of the page when the request went to another origin and the browser gave no answer
   * (most often the server does not allow that origin: CORS). Such a failure is not retried.
   */
  readonly crossOrigin?: string;
  constructor(message: string, opts: { url: string; method: string; cause?: unknown; crossOrigin?: string }) {
    super(message, { cause: opts.cause });
    this.url = opts.url;
    this.method = opts.method;
    if (opts.crossOrigin !== undefined) this.crossOrigin = opts.crossOrigin;
  }
}
brand(ConnectionError, 'ConnectionError');

/**
 * An attempt took longer than `timeout` ms (after retries, when the request was retryable).
 *
 * @example
 * ```ts
 * await client.load('session', { timeout: 5_000 }).catch((e) => e instanceof TimeoutError && console.log('slow'));
 * ```
 */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  /** The per-attempt timeout that elapsed, in ms. */
  readonly timeout: number;
  constructor(opts: { url: string; method: string; timeout: number }) {
    super(`${opts.method} ${opts.url} timed out after ${opts.timeout} ms`, opts);
    this.timeout = opts.timeout;
  }
}
brand(TimeoutError, 'TimeoutError');

/**
 * The caller's `AbortSignal` fired. Never retried.
 *
 * @example
 * ```ts
 * const ac = new AbortController(); setTimeout(() => ac.abort(), 100);
 * await client.loadAll('session', { signal: ac.signal }).catch((e) => e instanceof AbortError);
 * ```
 */
export class AbortError extends BrainstemError {
  override name = 'AbortError';
  constructor(message = 'The operation was aborted', opts?: { cause?: unknown }) {
    super(message, opts);
  }
}
brand(AbortError, 'AbortError');

/**
 * An argument was rejected before any request was sent (unknown model, bad portal, malformed id, …).
 *
 * @example
 * ```ts
 * await client.load('sesion').catch((e) => e.message); // 'Unknown model "sesion". Did you mean: session, …'
 * ```
 */
export class InvalidArgumentError extends BrainstemError {
  override name = 'InvalidArgumentError';
  /** The offending argument, e.g. `'model'`, `'id'`, `'portal'`, `'limit'`. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.argument = argument;
  }
}
brand(InvalidArgumentError, 'InvalidArgumentError');

/**
 * Why a login did not produce a token.
 *
 * @example
 * ```ts
 * if (err instanceof LoginError && err.code === 'expired_token') await client.login();
 * ```
 */
export type LoginErrorCode =
  | 'access_denied'
  | 'expired_token'
  | 'already_used'
  | 'timeout'
  | 'no_prompt'
  | 'bad_response'
  | 'bad_credentials';

/**
 * A device or password login failed; `code` says why.
 *
 * @example
 * ```ts
 * await client.login().catch((e) => { if (e instanceof LoginError && e.code === 'access_denied') console.log('denied'); });
 * ```
 */
export class LoginError extends BrainstemError {
  override name = 'LoginError';
  /** Machine-readable reason. */
  readonly code: LoginErrorCode;
  constructor(code: LoginErrorCode, message: string, opts?: { cause?: unknown }) {
    super(message, opts);
    this.code = code;
  }
}
brand(LoginError, 'LoginError');

/**
 * What an {@link InsecureTransportError} would have sent or received: the API token, a password, or the token a
 * device login answers with.
 */
export type Credential = 'token' | 'password' | 'device';

/**
 * A credential would travel over plain `http://` to a host that is not loopback, and `allowInsecure` is not set.
 * Thrown before anything is sent.
 *
 * @example
 * ```ts
 * await new BrainstemClient({ url: 'http://lab-server.example:8000/', token }).load('project').catch((e) => {
 *   if (e instanceof InsecureTransportError) console.error(`${e.host} needs https:// or allowInsecure: true`);
 * });
 * ```
 */
export class InsecureTransportError extends BrainstemError {
  override name = 'InsecureTransportError';
  /** The server's host (and port). */
  readonly host: string;
  /** What would have gone over plain http. */
  readonly credential: Credential;
  constructor(host: string, credential: Credential, remedy = 'pass allowInsecure: true') {
    super(insecureMessage(host, credential, remedy));
    this.host = host;
    this.credential = credential;
  }
}
brand(InsecureTransportError, 'InsecureTransportError');

const INSECURE_ACTS: Record<Credential, string> = {
  token: 'send the API token',
  password: 'send your password',
  device: 'receive a token from a device login',
};

/**
 * The sentence of an {@link InsecureTransportError}, ending in `remedy` (a library option, or a CLI flag).
 *
 * @example
 * ```ts
 * insecureMessage('lab:8000', 'password', 'pass --allow-insecure');
 * // 'Refusing to send your password over plain http:// to lab:8000: anyone on the network could read it.
 * //  Use https://, or, if you really mean it, pass --allow-insecure.'
 * ```
 */
export function insecureMessage(host: string, credential: Credential, remedy: string): string {
  return (
    `Refusing to ${INSECURE_ACTS[credential]} over plain http:// to ${host}: anyone on the network could read it. ` +
    `Use https://, or, if you really mean it, ${remedy}.`
  );
}

function defaultMessage(init: APIErrorInit): string {
  return `${init.status} ${statusText(init.status)} (${init.method} ${init.url})${detailOf(init.body)}`;
}

/**
 * The error class for an HTTP error status (openai's `APIError.generate`).
 *
 * @example
 * ```ts
 * makeStatusError({ status: 404, body: null, url: 'https://…/api/private/stem/session/x/', method: 'GET' });
 * // → NotFoundError
 * ```
 */
export function makeStatusError(init: APIErrorInit & { retryAfterMs?: number }): APIError {
  const { status } = init;
  if (status === 400) return new ValidationError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new ServerError(init);
  return new APIError(init);
}
