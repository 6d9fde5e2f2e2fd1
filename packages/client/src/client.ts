/**
 * `BrainstemClient`: the raw request, the CRUD surface (`load`, `loadAll`, `iterate`, `save`, `delete`), special
 * actions, bulk writes and login. The parts live in their own modules: tokens (auth/token.ts), login (auth/login.ts),
 * walks over pages (pagination.ts, walk.ts), bulk writes (bulk.ts), and the generated convenience loaders
 * (loaders.ts) and action methods (actions.ts), installed on the prototype below.
 * @module
 */

import { getModel, type ModelName, type Portal, wrapList } from 'brainstem-api-description';
import { type ActionMethods, type ActionOptions, installActions, runAction } from './actions.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { type LoginOptions, type LoginResult, type LogoutResult, login, logout } from './auth/login.js';
import { clientTokenAuth, type TokenAuth, type TokenSource } from './auth/token.js';
import { type WhoamiResult, whoami } from './auth/whoami.js';
import {
  type BulkResult,
  type DeleteManyOptions,
  deleteEach,
  type RecordWriter,
  type SaveManyOptions,
  saveEach,
} from './bulk.js';
import { InvalidArgumentError } from './errors.js';
import { readEnv } from './internal/env.js';
import type { GeneratedLoaderMethods } from './loader-methods.generated.js';
import { installLoaders } from './loaders.js';
import { LogSink } from './logger.js';
import type {
  ClientOptions,
  DeleteOptions,
  IterateOptions,
  LoadAllOptions,
  LoadOptions,
  SaveItem,
  SaveOptions,
  SendOptions,
} from './options.js';
import { planWalk } from './pagination.js';
import { CORE_PLATFORM, type Platform, type TokenStore } from './platform.js';
import type { DetailBody, IdOf, ListPage, RecordOf, SaveResult } from './records.js';
import { Secrets } from './redact.js';
import { authFor, deleteRequest, loadRequest, type PlannedRequest, saveRequest } from './requests.js';
import { RETRY_BUDGET } from './retry.js';
import {
  assertSecure,
  clientTransport,
  type HttpMethod,
  type RequestOptions,
  requestSpec,
  send,
  type TransportConfig,
} from './transport.js';
import { DEFAULT_URL, normalizeUrl } from './url.js';
import { checkClientOptions } from './validate.js';
import { collectAll, streamRecords } from './walk.js';

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
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: loaders and action methods are installed on the prototype (end of file)
export class BrainstemClient {
  /** Runtime hooks; the Node entry's subclass overrides this. @internal */
  protected static platform: Platform = CORE_PLATFORM;

  /** The server URL (normalized, with trailing slash). */
  readonly url: string;

  readonly #opts: ClientOptions;
  readonly #transport: TransportConfig;
  readonly #log: LogSink;
  readonly #platform: Platform;
  readonly #auth: TokenAuth;
  /** Every credential this client holds: redacted from its log lines and from every error it throws. */
  readonly #secrets: Secrets;

  constructor(options: ClientOptions = {}) {
    this.#opts = { ...options };
    this.#platform = (this.constructor as typeof BrainstemClient).platform;
    const base = normalizeUrl(options.url ?? readEnv('BRAINSTEM_URL') ?? this.#platform.defaultUrl?.() ?? DEFAULT_URL);
    this.url = base.href;
    checkClientOptions(options);
    const secrets = new Secrets(() => [typeof options.token === 'string' ? options.token : undefined]);
    this.#secrets = secrets;
    this.#log = new LogSink({
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
      secrets: () => secrets.list(),
    });
    this.#auth = clientTokenAuth({
      url: this.url,
      token: options.token,
      platform: this.#platform,
      store: this.#store,
      log: this.#log,
      secrets,
      interactive: options.interactive,
      login: () => this.login(options.headless !== undefined ? { headless: options.headless } : {}),
    });
    this.#transport = clientTransport(base, options, this.#platform.fetch, this.#log);
  }

  /** Page requests in flight for `loadAll`, parallel requests for bulk calls. */
  get concurrency(): number {
    return this.#opts.concurrency ?? 4;
  }

  /** The logger this client writes to (level-filtered, tokens redacted). @internal */
  get log(): LogSink {
    return this.#log;
  }

  /** Where the current token came from (after the first request or login). */
  get tokenSource(): TokenSource | undefined {
    return this.#auth.source;
  }

  get #store(): TokenStore | undefined {
    return this.#opts.tokenStore === null ? undefined : (this.#opts.tokenStore ?? this.#platform.tokenStore);
  }

  /**
   * The token for a request: `undefined` means anonymous (public portal only). On the private portal, a missing
   * token starts an interactive login when allowed, else throws {@link AuthenticationError}.
   *
   * @group Authentication
   * @example
   * ```ts
   * const token = await client.resolveToken({ interactive: false }); // string | undefined
   * ```
   */
  resolveToken(opts: { interactive?: boolean; portal?: Portal } = {}): Promise<string | undefined> {
    return this.#auth.tokenFor(opts);
  }

  /**
   * Sends a request to an API path (no model checks). Most code wants `load`/`save`/`delete` instead. Like every
   * single-request call, it answers an {@link APIPromise}: `.withResponse()` adds the status and headers.
   *
   * @group Requests
   * @example
   * ```ts
   * const body = await client.request('GET', '/api/private/stem/project/', { query: 'limit=1' });
   * ```
   */
  request(method: HttpMethod, path: string, opts: SendOptions = {}): APIPromise<unknown> {
    return new APIPromise(this.#send(method, path, opts));
  }

  async #send(method: HttpMethod, path: string, opts: SendOptions): Promise<WithResponse<unknown>> {
    if (!path.startsWith('/') || path.includes('..'))
      throw new InvalidArgumentError('path', `invalid API path "${path}"`);
    const auth = opts.auth ?? 'required';
    const token =
      auth === 'none'
        ? undefined
        : () => this.resolveToken(auth === 'optional' ? { portal: 'public', interactive: false } : {});
    try {
      const res = await send(this.#transport, requestSpec(method, path, opts, token));
      return { data: res.body, response: { status: res.status, headers: res.headers, url: res.url } };
    } catch (err) {
      throw this.#secrets.error(err);
    }
  }

  /**
   * Loads a list page, or one record with `id`. The answer is the server's body, typed per model;
   * `.withResponse()` adds the HTTP status and headers.
   *
   * @group CRUD
   * @example
   * ```ts
   * const { projects } = await client.load('project', { portal: 'public', filters: { 'name.icontains': 'visual' } });
   * const { session } = await client.load('session', { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6' });
   * const { data, response } = await client.load('session').withResponse(); // response.status, response.headers
   * ```
   */
  load<M extends ModelName>(model: M, opts: LoadOptions<M> & { id: IdOf<M> }): APIPromise<DetailBody<M>>;
  load<M extends ModelName>(model: M, opts?: LoadOptions<M>): APIPromise<ListPage<M>>;
  load(model: string, opts: LoadOptions<ModelName> = {}): APIPromise<unknown> {
    return this.#run(() => loadRequest(model, opts), opts);
  }

  /** Plans a request (a bad argument rejects the call) and sends it. */
  #run<T>(plan: () => PlannedRequest, opts: RequestOptions, extra: SendOptions = {}): APIPromise<T> {
    return APIPromise.start<T>(() => {
      const { method, path, query, body, auth } = plan();
      return this.request(method, path, { ...opts, query, ...(body !== undefined ? { body } : {}), auth, ...extra });
    });
  }

  #walk(call: 'loadAll' | 'iterate', model: ModelName, opts: LoadAllOptions<ModelName> | IterateOptions<ModelName>) {
    return planWalk(call, model, opts, {
      concurrency: this.#opts.concurrency,
      walkRetries: this.#opts.walkRetries ?? RETRY_BUDGET.walkRetries,
      log: this.#log,
      get: (path, portal, o) => this.request('GET', path, { ...o, auth: authFor(portal) }),
    });
  }

  /**
   * Loads every record: pages of 100 with several requests in flight (adaptive, see `concurrency`), returned in
   * server order without duplicates. Works whether the server sends `count`, only `meta`, only `next`, or
   * nothing, and whatever page size it chooses. On failure the error's `resume` lets a second call carry on
   * without fetching the loaded records again.
   *
   * @group CRUD
   * @example
   * ```ts
   * const all = await client.loadAll('session', { filters: { 'name.icontains': 'rat' } });
   * console.log(all.sessions.length, all.count);
   * ```
   */
  async loadAll<M extends ModelName>(model: M, opts: LoadAllOptions<M> = {}): Promise<ListPage<M>> {
    const setup = this.#walk('loadAll', model, opts as LoadAllOptions<ModelName>);
    const records = await collectAll(setup).catch((err: unknown) => {
      throw this.#secrets.error(err);
    });
    return wrapList(getModel(model), records, { count: records.length, next: null, previous: null }) as ListPage<M>;
  }

  /**
   * Streams records page by page, in server order, with bounded memory: pages load ahead of the loop (as many as
   * `loadAll` keeps in flight); breaking out of the loop stops (aborts) the fetching. On failure the error's
   * `resume.offset` is where to start again.
   *
   * @group CRUD
   * @example
   * ```ts
   * for await (const session of client.iterate('session', { sort: ['name'] })) {
   *   if (session.name === 'stop here') break;
   * }
   * ```
   */
  iterate<M extends ModelName>(model: M, opts: IterateOptions<M> = {}): AsyncIterable<RecordOf<M>> {
    const setup = this.#walk('iterate', model, opts as IterateOptions<ModelName>);
    return {
      [Symbol.asyncIterator]: () => this.#redacting(streamRecords(setup) as AsyncIterableIterator<RecordOf<M>>),
    };
  }

  /** `it`, with whatever it throws redacted. */
  #redacting<T>(it: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
    const clean = (err: unknown) => {
      throw this.#secrets.error(err);
    };
    return {
      next: () => it.next().catch(clean),
      return: (value?: unknown) => (it.return ? it.return(value) : Promise.resolve({ done: true, value })).catch(clean),
      [Symbol.asyncIterator]() {
        return this;
      },
    } as AsyncIterableIterator<T>;
  }

  /**
   * Creates a record (no `id`: POST) or updates one (`id`: PATCH, or PUT with `method: 'put'`). Returns the body,
   * e.g. `{ session: {...} }`; approval-governed models answer with their approval record. `.withResponse()` adds
   * the status (201 created, 200 updated) and headers.
   *
   * @group CRUD
   * @example
   * ```ts
   * const { session } = await client.save('session', { data: { name: 'Example Session', projects: [projectId] } });
   * await client.save('session', { id: session.id, data: { description: 'Updated via API' } });
   * ```
   */
  save<M extends ModelName>(model: M, opts: SaveOptions<M>): APIPromise<SaveResult<M>> {
    return this.#run(() => saveRequest(model, opts), opts);
  }

  /**
   * Deletes a record; resolves when the server answers 204. A retried delete that meets 404 counts as done (its
   * `.withResponse()` status is then 204 too).
   *
   * @group CRUD
   * @example
   * ```ts
   * await client.delete('session', { id: sessionId });
   * ```
   */
  delete<M extends ModelName>(model: M, opts: DeleteOptions<M>): APIPromise<void> {
    return this.#run(() => deleteRequest(model, opts), opts, { notFoundOkOnRetry: true }).map(() => undefined);
  }

  /**
   * Alias of {@link BrainstemClient.load} (the Python tool's `load_model`).
   *
   * @group CRUD
   * @example
   * ```ts
   * const page = await client.loadModel('project', { portal: 'public' });
   * ```
   */
  loadModel<M extends ModelName>(model: M, opts: LoadOptions<M> & { id: IdOf<M> }): APIPromise<DetailBody<M>>;
  loadModel<M extends ModelName>(model: M, opts?: LoadOptions<M>): APIPromise<ListPage<M>>;
  loadModel(model: ModelName, opts?: LoadOptions<ModelName>): APIPromise<unknown> {
    return this.load(model, opts);
  }

  /**
   * Alias of {@link BrainstemClient.save} (the Python tool's `save_model`).
   *
   * @group CRUD
   * @example
   * ```ts
   * await client.saveModel('session', { id, data: { description: 'x' } });
   * ```
   */
  saveModel<M extends ModelName>(model: M, opts: SaveOptions<M>): APIPromise<SaveResult<M>> {
    return this.#run(() => saveRequest(model, opts), opts);
  }

  /**
   * Alias of {@link BrainstemClient.delete} (the Python tool's `delete_model`).
   *
   * @group CRUD
   * @example
   * ```ts
   * await client.deleteModel('session', { id });
   * ```
   */
  deleteModel<M extends ModelName>(model: M, opts: DeleteOptions<M>): APIPromise<void> {
    return this.delete(model, opts);
  }

  /** The single-record writes of the bulk calls: checked per item, whatever the model. */
  get #writer(): RecordWriter {
    return {
      concurrency: this.concurrency,
      save: (model, o) => this.#run(() => saveRequest(model, o), o),
      delete: (model, o) =>
        this.#run(() => deleteRequest(model, o), o, { notFoundOkOnRetry: true }).map(() => undefined),
    };
  }

  /**
   * Runs a special action on a record: `/{portal}/{app}/{model}/{id}/{action}/`. The HTTP method defaults to the
   * registry's; unknown actions need `method`. The named methods (`addLogEntry`, `joinGroup`, …) call this.
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.action('group', 7, 'join');
   * await client.action('subjectlog', logId, 'add_entry', { data: { date_time: '2024-01-01T10:00:00Z' } });
   * ```
   */
  action(model: string, id: string | number, action: string, opts: ActionOptions = {}): APIPromise<unknown> {
    return APIPromise.start(() =>
      runAction((method, path, o) => this.request(method, path, o), model, id, action, opts),
    );
  }

  /**
   * Saves many records: items with an `id` are updated (PATCH, or PUT with `method: 'put'`), the others created.
   * Up to `concurrency` requests run at once; every item ends up in `succeeded` or `failed`.
   *
   * @group Bulk writes
   * @example
   * ```ts
   * const { succeeded, failed } = await client.saveMany('session', [{ name: 'A', projects: [p] }, { id, description: 'x' }]);
   * for (const f of failed) console.error(f.index, f.error.message);
   * ```
   */
  async saveMany<M extends ModelName>(
    model: M,
    items: readonly NoInfer<SaveItem<M>>[],
    opts: SaveManyOptions = {},
  ): Promise<BulkResult<SaveItem<M>, SaveResult<M>>> {
    return (await saveEach(this.#writer, model, items, opts)) as BulkResult<SaveItem<M>, SaveResult<M>>;
  }

  /**
   * Deletes many records by id, up to `concurrency` at once; every id ends up in `succeeded` or `failed`.
   *
   * @group Bulk writes
   * @example
   * ```ts
   * const { failed } = await client.deleteMany('session', ids);
   * ```
   */
  async deleteMany<M extends ModelName>(
    model: M,
    ids: readonly IdOf<M>[],
    opts: DeleteManyOptions = {},
  ): Promise<BulkResult<IdOf<M>, void>> {
    return (await deleteEach(this.#writer, model, ids, opts)) as BulkResult<IdOf<M>, void>;
  }

  /**
   * Logs in and stores the token for this URL (Node: the token cache file). Device login (default) opens the
   * browser, or prints a URL and code with `headless: true`; password login posts email + password.
   *
   * @group Authentication
   * @example
   * ```ts
   * await client.login({ headless: true });
   * await client.login({ method: 'password', email: 'alice@example.org', password: process.env.PW });
   * ```
   */
  async login(opts: LoginOptions = {}): Promise<LoginResult> {
    // A password, or the token a device login answers with, follows the token's rule on plain http; a token login
    // meets it in the check below. Refused before anything is sent or prompted for.
    const method = opts.method ?? 'device';
    if (method === 'password' || method === 'device')
      assertSecure(new URL(this.url), this.#transport.allowInsecure, method);
    const result = await login(
      {
        url: this.url,
        platform: this.#platform,
        log: this.#log,
        secrets: this.#secrets,
        store: this.#store,
        clientName: this.#opts.clientName,
        post: (path, body, signal) => this.request('POST', path, { body, auth: 'none', ...(signal ? { signal } : {}) }),
        check: (token, signal) =>
          new (this.constructor as typeof BrainstemClient)({
            ...this.#opts,
            url: this.url,
            token,
            tokenStore: null,
            interactive: false,
          }).whoami(signal ? { signal } : {}),
      },
      opts,
    ).catch((err: unknown) => {
      throw this.#secrets.error(err);
    });
    this.#auth.remember(result.token, 'login');
    return result;
  }

  /**
   * Forgets the token for this URL (or, with `all: true`, every URL): removes it from the token store and from
   * this client. Answers the URLs removed. For the default URL, the official Python tool's own token file
   * (`~/.config/brainstem/token`) is left alone (it is the Python tool's): a token there is still found afterwards,
   * and `remaining` then says where it is, so callers can tell the user instead of claiming a logout.
   *
   * @group Authentication
   * @example
   * ```ts
   * const { removed, remaining } = await client.logout(); // removed: ['https://www.brainstem.org/']
   * if (remaining) console.warn(`still authenticated by ${remaining.source}`);
   * ```
   */
  async logout(opts: { all?: boolean } = {}): Promise<LogoutResult> {
    const result = await logout(this.#store, this.url, opts);
    this.#auth.forget();
    return result;
  }

  /**
   * Who the token belongs to: `GET /api/auth/whoami/` (a local-server extension). On a server without it (404),
   * checks the token with a one-record private request and answers `{ user: null, source: 'fallback', note }`.
   *
   * @group Authentication
   * @example
   * ```ts
   * const { user } = await client.whoami(); // { id: 1, email: 'alice@example.org', … }
   * ```
   */
  whoami(opts: RequestOptions = {}): Promise<WhoamiResult> {
    return whoami((path, o) => this.request('GET', path, o), this.url, opts).catch((err: unknown) => {
      throw this.#secrets.error(err);
    });
  }
}

// The convenience loaders and the named action methods are generated from the registry (loaders.ts, actions.ts);
// this merges their types into the class.
export interface BrainstemClient extends GeneratedLoaderMethods, ActionMethods {}
installLoaders(BrainstemClient.prototype as never);
installActions(BrainstemClient.prototype);
