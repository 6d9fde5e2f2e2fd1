/**
 * `BrainstemClient`: options, token resolution, and the CRUD surface. Convenience loaders (loaders.ts), special
 * actions (actions.ts) and bulk helpers (bulk.ts) are built on the methods here.
 * @module
 */
import type { ApprovalModel, InvitationModel, LogEntryData, LogModel } from './actions.js';
import { deviceLogin, type VerificationInfo } from './auth/device.js';
import { passwordLogin } from './auth/password.js';
import { runBulk } from './bulk.js';
import { ConcurrencyControl } from './concurrency.js';
import {
  APIError,
  AuthenticationError,
  InvalidArgumentError,
  LoginError,
  NotFoundError,
  tokenPageHint,
} from './errors.js';
import { readEnv } from './internal/env.js';
import { hasUrlCredentials, redactUrlCredentials } from './internal/url-credentials.js';
import { installLoaders } from './loaders.js';
import { type Logger, type LogLevel, LogSink } from './logger.js';
import type { PageFetcher } from './pagination.js';
import { CORE_PLATFORM, type Platform, type TokenStore } from './platform.js';
import { encodeQuery, type FilterValue, type QueryOptions } from './query.js';
import {
  MAX_PAGE_SIZE,
  type ModelName,
  type ModelSpec,
  type Portal,
  stripEnvelope,
  wrapList,
} from './registry/index.js';
import type { BackoffOptions } from './retry.js';
import {
  type AttemptReport,
  type HttpMethod,
  type RequestOptions,
  send,
  type TransportConfig,
  type TransportResponse,
} from './transport.js';
import type {
  ActionOptions,
  BulkResult,
  DeleteOptions,
  DetailBody,
  IdOf,
  IterateOptions,
  ListPage,
  LoadAllOptions,
  LoaderMethods,
  LoadOptions,
  QueryParams,
  RecordOf,
  SaveItem,
  SaveOptions,
  SaveResult,
  WhoamiResult,
} from './types.js';
import { checkId, checkPortal, checkQueryNames, recordPath, resolveModel } from './validate.js';
import { collectAll, streamRecords, type WalkSetup } from './walk.js';

/**
 * The public BrainSTEM server.
 *
 * @example
 * ```ts
 * new BrainstemClient().url === DEFAULT_URL; // when BRAINSTEM_URL is unset
 * ```
 */
export const DEFAULT_URL = 'https://www.brainstem.org/';

/**
 * A token, or a function returning one (called before each request; lets you rotate tokens).
 *
 * @example
 * ```ts
 * new BrainstemClient({ token: async () => (await vault.read('brainstem')).token });
 * ```
 */
export type TokenOption = string | (() => string | Promise<string>);

/**
 * Where the token in use came from.
 *
 * @example
 * ```ts
 * await client.resolveToken({ interactive: false });
 * console.log(client.tokenSource); // e.g. 'env:BRAINSTEM_TOKEN'
 * ```
 */
export type TokenSource =
  | 'option'
  | 'function'
  | 'env:BRAINSTEM_TOKEN'
  | 'env:BRAINSTEM_API_TOKEN'
  | '.env'
  | 'cache'
  | 'python-cache'
  | 'login';

/**
 * Options of {@link BrainstemClient}.
 *
 * @example
 * ```ts
 * const client = new BrainstemClient({ url: 'http://127.0.0.1:8000/', timeout: 10_000, maxRetries: 3 });
 * ```
 */
export interface ClientOptions {
  /**
   * API token, or an async function returning one (called before each request). When absent the token is looked
   * up lazily on the first request: env `BRAINSTEM_TOKEN` / `BRAINSTEM_API_TOKEN` → `.env` in the working directory
   * (Node) → the token cache for this URL (Node) → interactive login when a terminal is attached (Node).
   */
  token?: TokenOption;
  /**
   * Server URL. @default env `BRAINSTEM_URL`, else (Node) the default saved by `brainstem login --url` or
   * `brainstem use` in `~/.config/brainstem/config.json`, else `https://www.brainstem.org/`
   */
  url?: string;
  /** Timeout per attempt in ms. @default 30000 */
  timeout?: number;
  /**
   * Retries of a failed request (see the retry rules in the README). @default 5 for reads (GET that changes
   * nothing), 2 for writes and state-changing actions
   */
  maxRetries?: number;
  /** Time a request may spend retrying, from its first attempt; no retry starts after it. @default 120000 */
  retryBudgetMs?: number;
  /**
   * Times `loadAll`/`iterate` carry on by themselves from where a page failed all its attempts with a network,
   * 5xx or 429 error (nothing is fetched twice); after that the error carries `resume`. @default 2
   */
  walkRetries?: number;
  /**
   * Parallel requests for `saveMany`/`deleteMany` (default 4), and when set, the fixed number of page requests in
   * flight for `loadAll`/`iterate` (by default those adapt: 4, up to 8).
   */
  concurrency?: number;
  /** A `fetch` implementation (proxies, tests, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Where log lines go. @default console.error */
  logger?: Logger;
  /** @default env `BRAINSTEM_LOG`, else `'warn'` */
  logLevel?: LogLevel;
  /** Allow sending the token over plain `http://` to a host that is not loopback. @default false */
  allowInsecure?: boolean;
  /** Whether a missing token may start an interactive login (Node, on a terminal). @default true */
  interactive?: boolean;
  /** When a missing token starts an interactive device login: print URL + code instead of opening a browser. */
  headless?: boolean;
  /**
   * Who is asking, in device logins (sent as `client_name`; the approval page names it).
   * @default `'brainstem-api-tools (node)'` (`(js)` outside Node)
   */
  clientName?: string;
  /** Token store for login/logout and lookup. @default Node: the token cache file; elsewhere none */
  tokenStore?: TokenStore | null;
  /** Retry backoff. @default { initialMs: 500, maxMs: 8000 } */
  backoff?: BackoffOptions;
}

/**
 * Options of {@link BrainstemClient.login}.
 *
 * @example
 * ```ts
 * await client.login({ headless: true, onVerification: (i) => console.error(i.verificationUri, i.userCode) });
 * ```
 */
export interface LoginOptions {
  /**
   * `'device'` (default; browser approval, 2FA-safe), `'password'` (`POST /api/token/`), or `'token'` (store a
   * token you already have, after checking it with `whoami`).
   */
  method?: 'device' | 'password' | 'token';
  /** Token login: the token to check and store. */
  token?: string;
  /** Device login: print the URL and code instead of opening a browser. */
  headless?: boolean;
  /** Password login: email (prompted for on a terminal when absent). */
  email?: string;
  /** Password login: password (prompted for, hidden, on a terminal when absent). */
  password?: string;
  /** Cancels the login. */
  signal?: AbortSignal;
  /** Device login: called with the URL/code to show (replaces the default message). */
  onVerification?: (info: VerificationInfo) => void | Promise<void>;
  /** Device login: who is asking (the approval page names it). @default the client's `clientName` option */
  clientName?: string;
  /** Save the token in the token store. @default true */
  save?: boolean;
}

/**
 * Result of {@link BrainstemClient.login}.
 *
 * @example
 * ```ts
 * const { saved } = await client.login();
 * if (!saved) console.warn('token not cached');
 * ```
 */
export interface LoginResult {
  token: string;
  method: 'device' | 'password' | 'token';
  /** Whether the token was written to the token store. */
  saved: boolean;
}

type Resolved = { token: string; source: TokenSource } | undefined;

/**
 * Normalizes a server URL: http(s) only, trailing slash, no query or fragment. A URL with a user name or password
 * (`http://alice:<token>@host/`) is refused: the token goes in the `token` option, never in a URL that is
 * printed, logged and cached by name.
 *
 * @example
 * ```ts
 * normalizeUrl('http://127.0.0.1:8000').href; // 'http://127.0.0.1:8000/'
 * normalizeUrl('http://alice:s3cret@127.0.0.1:8000/'); // throws InvalidArgumentError (message shows http://***@…)
 * ```
 */
export function normalizeUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError(
      'url',
      `url must be an absolute http(s) URL like "https://www.brainstem.org/", got "${redactUrlCredentials(raw)}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError('url', `url must use http or https, got "${url.protocol}"`);
  }
  if (hasUrlCredentials(url)) {
    throw new InvalidArgumentError(
      'url',
      `url must not contain a user name or password ("${redactUrlCredentials(url.href)}"): pass the token ` +
        'separately (the token option, --token or BRAINSTEM_TOKEN), so it stays out of logs and shell history',
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

function stripLoadedBody(spec: ModelSpec, data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidArgumentError(
      'data',
      `data must be an object with the record's fields, got ${JSON.stringify(data)}`,
    );
  }
  // A whole `{ session: {...} }` body sends the record; a loaded list page (the seed's update recipe) sends its
  // changed top-level fields.
  return stripEnvelope(spec, data);
}

/**
 * The filters, sort keys and includes of a query, after checking their names against the registry, with the
 * unchecked `raw` part appended.
 */
function queryNames(m: ModelSpec, opts: QueryParams<ModelName>): QueryOptions {
  checkQueryNames(m, opts as Parameters<typeof checkQueryNames>[1]);
  const raw = opts.raw ?? {};
  const list = (v: readonly string[] | string | undefined): readonly string[] =>
    v === undefined ? [] : typeof v === 'string' ? [v] : v;
  const filters = { ...(opts.filters as Record<string, FilterValue | undefined> | undefined), ...raw.filters };
  const sort = [...list(opts.sort as string[] | string | undefined), ...list(raw.sort)];
  const include = [...list(opts.include as string[] | string | undefined), ...list(raw.include)];
  return {
    ...(opts.filters !== undefined || raw.filters !== undefined ? { filters } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    ...(include.length > 0 ? { include } : {}),
  };
}

/** Options of a raw request: the per-call options plus query string, body and how to authenticate. */
type SendOptions = RequestOptions & {
  query?: string;
  body?: unknown;
  auth?: 'required' | 'optional' | 'none';
  notFoundOkOnRetry?: boolean;
  /** `false` for a GET action that changes state: it follows the write retry rules. */
  idempotent?: boolean;
  onAttempt?: (report: AttemptReport) => void;
};

/**
 * A client for the BrainSTEM API. Creating one does no I/O; the token is resolved on the first request.
 *
 * @example
 * ```ts
 * import { BrainstemClient } from 'brainstem-api-tools';
 * const client = new BrainstemClient(); // token from env / .env / cache / interactive login
 * const { projects } = await client.load('project', { portal: 'public' });
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the loader members are installed on the prototype (end of file)
export class BrainstemClient {
  /** Runtime hooks; the Node entry's subclass overrides this. @internal */
  protected static platform: Platform = CORE_PLATFORM;

  /** The server URL (normalized, with trailing slash). */
  readonly url: string;
  /** Where the current token came from (after the first request or login). */
  tokenSource: TokenSource | undefined;

  readonly #opts: ClientOptions;
  readonly #transport: TransportConfig;
  readonly #log: LogSink;
  readonly #platform: Platform;
  #resolved: Promise<Resolved> | undefined;
  #loginInFlight: Promise<LoginResult> | undefined;
  #lastToken: string | undefined;

  constructor(options: ClientOptions = {}) {
    this.#opts = { ...options };
    this.#platform = (this.constructor as typeof BrainstemClient).platform;
    const base = normalizeUrl(options.url ?? readEnv('BRAINSTEM_URL') ?? this.#platform.defaultUrl?.() ?? DEFAULT_URL);
    this.url = base.href;
    for (const k of ['timeout', 'maxRetries', 'concurrency', 'retryBudgetMs', 'walkRetries'] as const) {
      const v = options[k];
      const min = k === 'maxRetries' || k === 'retryBudgetMs' || k === 'walkRetries' ? 0 : 1;
      if (v !== undefined && (!Number.isFinite(v) || v < min)) {
        throw new InvalidArgumentError(k, `${k} must be a number ≥ ${min}, got ${v}`);
      }
    }
    if (options.token !== undefined && typeof options.token !== 'string' && typeof options.token !== 'function') {
      throw new InvalidArgumentError('token', 'token must be a string or a function returning one');
    }
    this.#log = new LogSink({
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
      secrets: () => [this.#lastToken, typeof options.token === 'string' ? options.token : undefined],
    });
    const f = options.fetch ?? this.#platform.fetch ?? (globalThis as { fetch?: typeof fetch }).fetch;
    if (!f) throw new InvalidArgumentError('fetch', 'No global fetch in this runtime: pass the `fetch` option');
    this.#transport = {
      baseUrl: base,
      fetch: options.fetch ? options.fetch : (input, init) => f(input, init),
      timeout: options.timeout ?? 30_000,
      maxRetries: options.maxRetries,
      ...(options.retryBudgetMs !== undefined ? { retryBudgetMs: options.retryBudgetMs } : {}),
      allowInsecure: options.allowInsecure ?? false,
      log: this.#log,
      ...(options.backoff ? { backoff: options.backoff } : {}),
    };
  }

  /** Page requests in flight for `loadAll`, parallel requests for bulk calls. */
  get concurrency(): number {
    return this.#opts.concurrency ?? 4;
  }

  /** The logger this client writes to (level-filtered, tokens redacted). @internal */
  get log(): LogSink {
    return this.#log;
  }

  // ---------------------------------------------------------------- token

  get #store(): TokenStore | undefined {
    return this.#opts.tokenStore === null ? undefined : (this.#opts.tokenStore ?? this.#platform.tokenStore);
  }

  /** Non-interactive lookup: env → .env → token store. Memoized. */
  async #lookup(): Promise<Resolved> {
    const fromEnv = (): Resolved => {
      const t = readEnv('BRAINSTEM_TOKEN');
      if (t) return { token: t, source: 'env:BRAINSTEM_TOKEN' };
      const a = readEnv('BRAINSTEM_API_TOKEN');
      if (a) return { token: a, source: 'env:BRAINSTEM_API_TOKEN' };
      return undefined;
    };
    const env = fromEnv();
    if (env) return env;
    if (this.#platform.loadEnvFile) {
      try {
        this.#platform.loadEnvFile();
      } catch (err) {
        this.#log.warn(`could not read .env: ${(err as Error).message}`);
      }
      const dot = fromEnv();
      if (dot) return { token: dot.token, source: '.env' };
    }
    const stored = await this.#store?.get(this.url).catch((err: unknown) => {
      this.#log.warn(`could not read the token cache: ${(err as Error).message}`);
      return undefined;
    });
    if (stored) {
      this.#log.debug(`using the token from ${stored.source}`);
      return { token: stored.token, source: stored.python ? 'python-cache' : 'cache' };
    }
    return undefined;
  }

  /**
   * The token for a request: `undefined` means anonymous (public portal only). On the private portal, a missing
   * token starts an interactive login when allowed, else throws {@link AuthenticationError}.
   *
   * @example
   * ```ts
   * const token = await client.resolveToken({ interactive: false }); // string | undefined
   * ```
   */
  async resolveToken(opts: { interactive?: boolean; portal?: Portal } = {}): Promise<string | undefined> {
    const t = this.#opts.token;
    if (typeof t === 'string' && t) {
      this.tokenSource = 'option';
      this.#lastToken = t;
      return t;
    }
    if (typeof t === 'function') {
      const v = await t();
      if (typeof v !== 'string' || !v) throw new InvalidArgumentError('token', 'the token function returned no token');
      this.tokenSource = 'function';
      this.#lastToken = v;
      return v;
    }
    if (!this.#resolved) this.#resolved = this.#lookup();
    let found = await this.#resolved;
    if (!found && opts.portal === 'public') return undefined;
    const interactive = (opts.interactive ?? true) && this.#opts.interactive !== false;
    if (!found && interactive && this.#platform.canPrompt?.()) {
      this.#platform.notify?.(`No BrainSTEM token found for ${this.url}; starting login.`);
      this.#loginInFlight ??= this.login(
        this.#opts.headless !== undefined ? { headless: this.#opts.headless } : {},
      ).finally(() => {
        this.#loginInFlight = undefined;
      });
      await this.#loginInFlight;
      found = await this.#resolved;
    }
    if (!found) {
      if (opts.portal === 'public' || opts.interactive === false) return undefined;
      throw new AuthenticationError({
        status: 401,
        body: null,
        url: this.url,
        method: 'GET',
        code: 'no_token',
        message:
          `No BrainSTEM API token found for ${this.url}. Pass one (new BrainstemClient({ token })), set ` +
          'BRAINSTEM_TOKEN (also read from a .env file), or log in with `await client.login()`' +
          tokenPageHint(this.url) +
          " Public data needs no token: pass portal: 'public'.",
      });
    }
    this.tokenSource = found.source;
    this.#lastToken = found.token;
    return found.token;
  }

  // ---------------------------------------------------------------- raw request

  /**
   * Sends a request to an API path (no model checks). Most code wants `load`/`save`/`delete` instead.
   *
   * @example
   * ```ts
   * const body = await client.request('GET', '/api/private/stem/project/', { query: 'limit=1' });
   * ```
   */
  async request(method: HttpMethod, path: string, opts: SendOptions = {}): Promise<unknown> {
    return (await this.#send(method, path, opts)).body;
  }

  async #send(method: HttpMethod, path: string, opts: SendOptions): Promise<TransportResponse> {
    if (!path.startsWith('/') || path.includes('..'))
      throw new InvalidArgumentError('path', `invalid API path "${path}"`);
    const auth = opts.auth ?? 'required';
    const token =
      auth === 'none'
        ? undefined
        : () => this.resolveToken(auth === 'optional' ? { portal: 'public', interactive: false } : {});
    return send(this.#transport, {
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
    });
  }

  #authFor(portal: Portal): 'required' | 'optional' {
    return portal === 'public' ? 'optional' : 'required';
  }

  // ---------------------------------------------------------------- CRUD

  /**
   * Loads a list page, or one record with `id`. The answer is the server's body, typed per model.
   *
   * @example
   * ```ts
   * const { projects } = await client.load('project', { portal: 'public', filters: { 'name.icontains': 'visual' } });
   * const { session } = await client.load('session', { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6' });
   * ```
   */
  load<M extends ModelName>(model: M, opts: LoadOptions<M> & { id: IdOf<M> }): Promise<DetailBody<M>>;
  load<M extends ModelName>(model: M, opts?: LoadOptions<M>): Promise<ListPage<M>>;
  async load(model: string, opts: LoadOptions<ModelName> = {}): Promise<unknown> {
    const m = resolveModel(model);
    const hasId = opts.id !== undefined;
    const portal = checkPortal(m, opts.portal, hasId ? 'detail' : 'list');
    const id = hasId ? checkId(m, opts.id) : undefined;
    const query = encodeQuery({
      ...queryNames(m, opts),
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      ...(opts.offset !== undefined ? { offset: opts.offset } : {}),
    });
    return this.request('GET', recordPath(m, portal, id), { ...opts, query, auth: this.#authFor(portal) });
  }

  /** Checks options shared by `loadAll` and `iterate` before any request, and sets up the walk. */
  #walk<M extends ModelName>(model: M, opts: LoadAllOptions<M> | IterateOptions<M>): WalkSetup {
    const m = resolveModel(model);
    const portal = checkPortal(m, opts.portal, 'list');
    const pageSize = opts.pageSize ?? MAX_PAGE_SIZE;
    const start = opts.offset ?? 0;
    const fixed = opts.concurrency ?? this.#opts.concurrency;
    if (fixed !== undefined && (!Number.isInteger(fixed) || fixed < 1)) {
      throw new InvalidArgumentError('concurrency', `concurrency must be a positive integer, got ${fixed}`);
    }
    const base = queryNames(m, opts);
    // Validates pageSize/offset (and filters/sort/include) before any request.
    encodeQuery({ ...base, limit: pageSize, offset: start });
    const path = recordPath(m, portal);
    const fetchPage: PageFetcher = ({ offset, limit }, signal, onAttempt) =>
      this.#send('GET', path, {
        ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
        ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
        signal,
        query: encodeQuery({ ...base, limit, offset }),
        auth: this.#authFor(portal),
        onAttempt,
      }).then((res) => res.body);
    return {
      model: m.name,
      listKey: m.listKey,
      fetchPage,
      pageSize,
      start,
      control: new ConcurrencyControl(fixed),
      log: this.#log,
      signal: opts.signal,
      onProgress: opts.onProgress,
      walkRetries: this.#opts.walkRetries ?? 2,
    };
  }

  /**
   * Loads every record: pages of 100 with several requests in flight (adaptive, see `concurrency`), returned in
   * server order without duplicates. Works whether the server sends `count`, only `meta`, only `next`, or
   * nothing, and whatever page size it chooses. On failure the error's `resume` lets a second call carry on
   * without fetching the loaded records again.
   *
   * @example
   * ```ts
   * const all = await client.loadAll('session', { filters: { 'name.icontains': 'rat' } });
   * console.log(all.sessions.length, all.count);
   * ```
   */
  async loadAll<M extends ModelName>(model: M, opts: LoadAllOptions<M> = {}): Promise<ListPage<M>> {
    const setup = this.#walk(model, opts);
    const records = await collectAll(setup, opts.resume);
    return { [setup.listKey]: records, count: records.length, next: null, previous: null } as unknown as ListPage<M>;
  }

  /**
   * Streams records page by page, in server order, with bounded memory: pages load ahead of the loop (as many as
   * `loadAll` keeps in flight); breaking out of the loop stops (aborts) the fetching. On failure the error's
   * `resume.offset` is where to start again.
   *
   * @example
   * ```ts
   * for await (const session of client.iterate('session', { sort: ['name'] })) {
   *   if (session.name === 'stop here') break;
   * }
   * ```
   */
  iterate<M extends ModelName>(model: M, opts: IterateOptions<M> = {}): AsyncIterable<RecordOf<M>> {
    const setup = this.#walk(model, opts);
    return {
      [Symbol.asyncIterator]: () => streamRecords(setup) as AsyncGenerator<RecordOf<M>>,
    };
  }

  /**
   * Creates a record (no `id`: POST) or updates one (`id`: PATCH, or PUT with `method: 'put'`). Returns the body,
   * e.g. `{ session: {...} }`; approval-governed models answer with their approval record.
   *
   * @example
   * ```ts
   * const { session } = await client.save('session', { data: { name: 'Example Session', projects: [projectId] } });
   * await client.save('session', { id: session.id, data: { description: 'Updated via API' } });
   * ```
   */
  async save<M extends ModelName>(model: M, opts: SaveOptions<M>): Promise<SaveResult<M>> {
    const m = resolveModel(model);
    if (!opts || typeof opts !== 'object')
      throw new InvalidArgumentError('data', 'save needs { data } (and id to update)');
    const hasId = opts.id !== undefined;
    const portal = checkPortal(m, opts.portal, hasId ? 'change' : 'add');
    const id = hasId ? checkId(m, opts.id) : undefined;
    const method = opts.method ?? 'patch';
    if (method !== 'patch' && method !== 'put') {
      throw new InvalidArgumentError('method', `method must be "patch" or "put", got ${JSON.stringify(method)}`);
    }
    if (!hasId && opts.method) throw new InvalidArgumentError('method', 'method applies to updates only: pass an id');
    const body = stripLoadedBody(m, opts.data);
    return (await this.request(hasId ? (method === 'put' ? 'PUT' : 'PATCH') : 'POST', recordPath(m, portal, id), {
      ...opts,
      body,
    })) as SaveResult<M>;
  }

  /**
   * Deletes a record; resolves when the server answers 204. A retried delete that meets 404 counts as done.
   *
   * @example
   * ```ts
   * await client.delete('session', { id: sessionId });
   * ```
   */
  async delete<M extends ModelName>(model: M, opts: DeleteOptions<M>): Promise<void> {
    const m = resolveModel(model);
    const portal = checkPortal(m, opts?.portal, 'delete');
    const id = checkId(m, opts?.id);
    await this.request('DELETE', recordPath(m, portal, id), { ...opts, notFoundOkOnRetry: true });
  }

  /**
   * Alias of {@link BrainstemClient.load} (the Python tool's `load_model`).
   *
   * @example
   * ```ts
   * const page = await client.loadModel('project', { portal: 'public' });
   * ```
   */
  loadModel<M extends ModelName>(model: M, opts: LoadOptions<M> & { id: IdOf<M> }): Promise<DetailBody<M>>;
  loadModel<M extends ModelName>(model: M, opts?: LoadOptions<M>): Promise<ListPage<M>>;
  loadModel(model: ModelName, opts?: LoadOptions<ModelName>): Promise<unknown> {
    return this.load(model, opts);
  }

  /**
   * Alias of {@link BrainstemClient.save} (the Python tool's `save_model`).
   *
   * @example
   * ```ts
   * await client.saveModel('session', { id, data: { description: 'x' } });
   * ```
   */
  saveModel<M extends ModelName>(model: M, opts: SaveOptions<M>): Promise<SaveResult<M>> {
    // Forwarded untyped: re-checking `opts` against save's overloads would expand every model's details union.
    return (this.save as (model: ModelName, opts: unknown) => Promise<SaveResult<M>>).call(this, model, opts);
  }

  /**
   * Alias of {@link BrainstemClient.delete} (the Python tool's `delete_model`).
   *
   * @example
   * ```ts
   * await client.deleteModel('session', { id });
   * ```
   */
  deleteModel<M extends ModelName>(model: M, opts: DeleteOptions<M>): Promise<void> {
    return this.delete(model, opts);
  }

  /**
   * Runs a special action on a record: `/{portal}/{app}/{model}/{id}/{action}/`. The HTTP method defaults to the
   * registry's; unknown actions need `method`.
   *
   * @example
   * ```ts
   * await client.action('group', 7, 'join');
   * await client.action('subjectlog', logId, 'add_entry', { data: { date_time: '2024-01-01T10:00:00Z' } });
   * ```
   */
  async action(model: string, id: string | number, action: string, opts: ActionOptions = {}): Promise<unknown> {
    const m = resolveModel(model);
    if (typeof action !== 'string' || !/^[a-z][a-z_]*$/.test(action)) {
      throw new InvalidArgumentError('action', `invalid action name ${JSON.stringify(action)}`);
    }
    const spec = m.actions?.find((a) => a.name === action);
    const portal = spec ? checkPortal(m, opts.portal, action) : (opts.portal ?? 'private');
    if (portal !== 'private' && portal !== 'public') {
      throw new InvalidArgumentError('portal', `portal must be "private" or "public", got ${JSON.stringify(portal)}`);
    }
    const method = opts.method ?? spec?.method;
    if (!method) {
      throw new InvalidArgumentError(
        'action',
        `${m.name} has no documented action "${action}" (known: ${m.actions?.map((a) => a.name).join(', ') || 'none'}); pass { method } to send it anyway`,
      );
    }
    const rid = checkId(m, id);
    return this.request(method, recordPath(m, portal, rid, action), {
      ...opts,
      // An action's outcome is a change on the server (an undocumented one is assumed to be too): a GET action
      // must not be repeated when its first attempt may have run.
      ...(method === 'GET' ? { idempotent: !(spec?.changesState ?? true) } : {}),
      ...(opts.data !== undefined ? { body: opts.data } : {}),
    });
  }

  /**
   * Adds an entry to a subject log or procedure log (`PATCH {id}/add_entry/`).
   *
   * @example
   * ```ts
   * await client.addLogEntry('subjectlog', logId, { date_time: '2023-04-05T13:45:00Z', details: { waterAmount: 9 } });
   * ```
   */
  addLogEntry(model: LogModel, id: string, entry: LogEntryData, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'add_entry', { ...opts, data: entry });
  }

  /**
   * Changes a log entry (`PATCH {id}/change_entry/`); the entry is matched by its date/time.
   *
   * @example
   * ```ts
   * await client.changeLogEntry('subjectlog', logId, { date_time: '2023-04-05T13:45:00Z', notes: 'Replaced drip line' });
   * ```
   */
  changeLogEntry(model: LogModel, id: string, entry: LogEntryData, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'change_entry', { ...opts, data: entry });
  }

  /**
   * Removes a log entry (`PATCH {id}/remove_entry/`).
   *
   * @example
   * ```ts
   * await client.removeLogEntry('subjectlog', logId, { date_time: '2023-04-05T13:45:00Z' });
   * ```
   */
  removeLogEntry(model: LogModel, id: string, entry: LogEntryData, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'remove_entry', { ...opts, data: entry });
  }

  /**
   * Accepts a pending change (`PATCH {id}/accept/` on a `*approval` endpoint; reviewers only).
   *
   * @example
   * ```ts
   * await client.acceptApproval('speciesapproval', approvalId);
   * ```
   */
  acceptApproval(model: ApprovalModel, id: string, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'accept', opts);
  }

  /**
   * Rejects a pending change (`PATCH {id}/reject/`).
   *
   * @example
   * ```ts
   * await client.rejectApproval('strainapproval', approvalId);
   * ```
   */
  rejectApproval(model: ApprovalModel, id: string, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'reject', opts);
  }

  /**
   * Accepts an invitation (or a group membership request, as a manager): `GET {id}/accept/`.
   *
   * @example
   * ```ts
   * await client.acceptInvitation('projectmembershipinvitation', invitationId);
   * ```
   */
  acceptInvitation(model: InvitationModel, id: string, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'accept', opts);
  }

  /**
   * Rejects an invitation or membership request: `GET {id}/reject/`.
   *
   * @example
   * ```ts
   * await client.rejectInvitation('groupmembershipinvitation', invitationId);
   * ```
   */
  rejectInvitation(model: InvitationModel, id: string, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'reject', opts);
  }

  /**
   * Cancels an invitation or membership request you sent: `GET {id}/cancel/`.
   *
   * @example
   * ```ts
   * await client.cancelInvitation('projectmembershipinvitation', invitationId);
   * ```
   */
  cancelInvitation(model: InvitationModel, id: string, opts?: ActionOptions): Promise<unknown> {
    return this.action(model, id, 'cancel', opts);
  }

  /**
   * Asks to join a group (`GET /api/private/users/group/{id}/join/`, creates a membership request).
   *
   * @example
   * ```ts
   * await client.joinGroup(7);
   * ```
   */
  joinGroup(id: number | string, opts?: ActionOptions): Promise<unknown> {
    return this.action('group', id, 'join', opts);
  }

  /**
   * Leaves a group (`GET /api/private/users/group/{id}/leave/`).
   *
   * @example
   * ```ts
   * await client.leaveGroup(7);
   * ```
   */
  leaveGroup(id: number | string, opts?: ActionOptions): Promise<unknown> {
    return this.action('group', id, 'leave', opts);
  }

  /**
   * Saves many records: items with an `id` are updated (PATCH, or PUT with `method: 'put'`), the others created.
   * Up to `concurrency` requests run at once; every item ends up in `succeeded` or `failed`.
   *
   * @example
   * ```ts
   * const { succeeded, failed } = await client.saveMany('session', [{ name: 'A', projects: [p] }, { id, description: 'x' }]);
   * for (const f of failed) console.error(f.index, f.error.message);
   * ```
   */
  async saveMany<M extends ModelName>(
    model: M,
    items: readonly NoInfer<SaveItem<M>>[],
    opts: { concurrency?: number; method?: 'patch' | 'put'; portal?: Portal; signal?: AbortSignal } = {},
  ): Promise<BulkResult<SaveItem<M>, SaveResult<M>>> {
    resolveModel(model);
    if (!Array.isArray(items)) throw new InvalidArgumentError('items', 'saveMany needs an array of records');
    return runBulk(
      items,
      opts.concurrency ?? this.concurrency,
      (item) => {
        const { id, ...data } = (item ?? {}) as Record<string, unknown>;
        // Called untyped: the item was checked as SaveItem<M>; re-checking would expand every details union.
        const save = this.save as (model: ModelName, opts: unknown) => Promise<SaveResult<M>>;
        return save.call(this, model, {
          data,
          ...(id !== undefined && id !== null
            ? { id: id as IdOf<M>, ...(opts.method ? { method: opts.method } : {}) }
            : {}),
          ...(opts.portal ? { portal: opts.portal } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
      },
      opts.signal,
    );
  }

  /**
   * Deletes many records by id, up to `concurrency` at once; every id ends up in `succeeded` or `failed`.
   *
   * @example
   * ```ts
   * const { failed } = await client.deleteMany('session', ids);
   * ```
   */
  async deleteMany<M extends ModelName>(
    model: M,
    ids: readonly IdOf<M>[],
    opts: { concurrency?: number; portal?: Portal; signal?: AbortSignal } = {},
  ): Promise<BulkResult<IdOf<M>, void>> {
    resolveModel(model);
    if (!Array.isArray(ids)) throw new InvalidArgumentError('ids', 'deleteMany needs an array of ids');
    return runBulk(
      ids,
      opts.concurrency ?? this.concurrency,
      (id) =>
        this.delete(model, {
          id,
          ...(opts.portal ? { portal: opts.portal } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        }),
      opts.signal,
    );
  }

  // ---------------------------------------------------------------- auth

  /**
   * Logs in and stores the token for this URL (Node: the token cache file). Device login (default) opens the
   * browser, or prints a URL and code with `headless: true`; password login posts email + password.
   *
   * @example
   * ```ts
   * await client.login({ headless: true });
   * await client.login({ method: 'password', email: 'alice@example.org', password: process.env.PW });
   * ```
   */
  async login(opts: LoginOptions = {}): Promise<LoginResult> {
    const method = opts.method ?? 'device';
    const post = (path: string, body: unknown, signal?: AbortSignal) =>
      this.request('POST', path, { body, auth: 'none', ...(signal ? { signal } : {}) });
    let token: string;
    if (method === 'device') {
      const notify = this.#platform.notify ?? ((msg: string) => this.#log.warn(msg));
      token = await deviceLogin(
        {
          post,
          ...(this.#platform.openBrowser ? { openBrowser: (u: string) => this.#platform.openBrowser!(u) } : {}),
          notify,
          debug: (msg) => this.#log.debug(msg),
          resolve: (p) => new URL(p, this.url).href,
        },
        {
          ...(opts.headless !== undefined ? { headless: opts.headless } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...(opts.onVerification ? { onVerification: opts.onVerification } : {}),
          clientName:
            opts.clientName ??
            this.#opts.clientName ??
            `brainstem-api-tools (${this.#platform.prompt ? 'node' : 'js'})`,
        },
      );
    } else if (method === 'password') {
      let email = opts.email;
      let password = opts.password;
      if (!email || !password) {
        if (!this.#platform.prompt || !this.#platform.canPrompt?.()) {
          throw new LoginError('no_prompt', 'Password login needs { email, password } (no terminal to ask on).');
        }
        email ||= (await this.#platform.prompt('BrainSTEM email: ')).trim();
        password ||= await this.#platform.prompt('Password: ', { hidden: true });
      }
      token = await passwordLogin((p, b) => post(p, b, opts.signal), email, password);
    } else if (method === 'token') {
      if (typeof opts.token !== 'string' || !opts.token.trim()) {
        throw new InvalidArgumentError('token', 'login({ method: "token" }) needs { token }');
      }
      token = opts.token.trim();
      // Check it before storing: a wrong token must not end up in the cache.
      const probe = new (this.constructor as typeof BrainstemClient)({
        ...this.#opts,
        url: this.url,
        token,
        tokenStore: null,
        interactive: false,
      });
      await probe.whoami(opts.signal ? { signal: opts.signal } : {});
    } else {
      throw new InvalidArgumentError(
        'method',
        `login method must be "device", "password" or "token", got ${JSON.stringify(method)}`,
      );
    }
    let saved = false;
    const store = this.#store;
    if (opts.save !== false && store) {
      try {
        await store.set(this.url, token);
        saved = true;
      } catch (err) {
        this.#log.warn(`logged in, but the token could not be saved: ${(err as Error).message}`);
      }
    }
    this.#resolved = Promise.resolve({ token, source: 'login' });
    this.tokenSource = 'login';
    this.#lastToken = token;
    return { token, method, saved };
  }

  /**
   * Forgets the token for this URL (or, with `all: true`, every URL): removes it from the token store and from
   * this client. Answers the URLs removed. For the default URL, the official Python tool's own token file
   * (`~/.config/brainstem/token`) is left alone (it is the Python tool's): a token there is still found afterwards,
   * and `remaining` then says where it is, so callers can tell the user instead of claiming a logout.
   *
   * @example
   * ```ts
   * const { removed, remaining } = await client.logout(); // removed: ['https://www.brainstem.org/']
   * if (remaining) console.warn(`still authenticated by ${remaining.source}`);
   * ```
   */
  async logout(
    opts: { all?: boolean } = {},
  ): Promise<{ removed: string[]; remaining?: { source: string; python: boolean } }> {
    const store = this.#store;
    let removed: string[] = [];
    if (store && opts.all) {
      removed = store.clear ? await store.clear() : (await store.delete(this.url)) ? [this.url] : [];
    } else if (store) {
      removed = (await store.delete(this.url)) ? [this.url] : [];
    }
    this.#resolved = undefined;
    if (this.tokenSource !== 'option' && this.tokenSource !== 'function') this.tokenSource = undefined;
    const left = store ? await store.get(this.url) : undefined;
    return left ? { removed, remaining: { source: left.source, python: Boolean(left.python) } } : { removed };
  }

  /**
   * Who the token belongs to: `GET /api/auth/whoami/` (a local-server extension). On a server without it (404),
   * checks the token with a one-record private request and answers `{ user: null, source: 'fallback', note }`.
   *
   * @example
   * ```ts
   * const { user } = await client.whoami(); // { id: 1, email: 'alice@example.org', … }
   * ```
   */
  async whoami(opts: RequestOptions = {}): Promise<WhoamiResult> {
    try {
      const body = (await this.request('GET', '/api/auth/whoami/', opts)) as { user?: WhoamiResult['user'] } | null;
      if (body && typeof body === 'object' && body.user && typeof body.user === 'object') {
        return { user: body.user, source: 'whoami' };
      }
      throw new APIError({
        status: 200,
        body,
        url: `${this.url}api/auth/whoami/`,
        method: 'GET',
        message: `Unexpected whoami answer: ${JSON.stringify(body)}`,
      });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
    await this.request('GET', '/api/private/stem/project/', { ...opts, query: 'limit=1' });
    return {
      user: null,
      source: 'fallback',
      note:
        'This server has no /api/auth/whoami/ endpoint (an extension of the local brainstem-server), so the user ' +
        'is unknown; the token was accepted by GET /api/private/stem/project/.',
    };
  }
}

// The convenience loaders are generated from the registry (loaders.ts); this merges their types into the class.
export interface BrainstemClient extends LoaderMethods {}
installLoaders(BrainstemClient.prototype as never);
