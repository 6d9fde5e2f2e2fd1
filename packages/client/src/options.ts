/**
 * Options: of the client, and of `load`, `loadAll`, `iterate`, `save` and `delete`.
 * @module
 */

import type { ModelName, Portal } from 'brainstem-api-description';
import type { TokenOption } from './auth/token.js';
import type { WalkResume } from './errors.js';
import type { Logger, LogLevel } from './logger.js';
import type { TokenStore } from './platform.js';
import type { FilterValue } from './query.js';
import type { Filters, IncludeKey, SortKey } from './query-keys.js';
import type { CreateOf, DetailBody, IdOf, ListPage, RecordOf, UpdateOf } from './records.js';
import type { BackoffOptions } from './retry.js';
import type { AttemptReport, RequestOptions, RetryNotice } from './transport.js';

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
   * Retries of a failed request (see the retry rules in the README). @default `RETRY_BUDGET.readAttempts − 1`
   * for reads (GET that changes nothing), `RETRY_BUDGET.writeAttempts − 1` for writes and state-changing actions
   */
  maxRetries?: number;
  /** Time a request may spend retrying, from its first attempt; no retry starts after it. @default `RETRY_BUDGET.requestMs` */
  retryBudgetMs?: number;
  /**
   * Times, over a whole walk, `loadAll`/`iterate` carry on by themselves from where a page failed all its attempts
   * with a failure the API lets a read retry (`mayRetry`: network, timeout, throttling, gateway errors); nothing is
   * fetched twice. After that the error carries `resume`. @default `RETRY_BUDGET.walkRetries`
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
  /**
   * Called before each retry of a request waits (what failed, attempt n of m, the wait), e.g. to tell a person
   * that a slow answer is a retry. The retry rules are unchanged by it.
   */
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * Query options of `load`, `loadAll` and `iterate`.
 *
 * @example
 * ```ts
 * client.iterate('session', { portal: 'private', filters: { 'name.icontains': 'rat' }, sort: ['name'] });
 * ```
 */
export interface QueryParams<M extends ModelName> extends RequestOptions {
  /** `'private'` (default; needs a token) or `'public'` (anonymous when no token is found). */
  portal?: Portal;
  /** `{ 'name.icontains': 'visual' }` → `filter{name.icontains}=visual`; several filters AND together. */
  filters?: Filters<M>;
  /** `['-name']` → `sort[]=-name`. */
  sort?: readonly SortKey<M>[] | SortKey<M>;
  /** `['sessions']` → `include[]=sessions.*`. */
  include?: readonly IncludeKey<M>[] | IncludeKey<M>;
  /**
   * Query names the registry does not know (a server newer than this package), sent as given after the checked
   * `filters`/`sort`/`include`: neither type-checked nor checked before sending.
   *
   * @example
   * ```ts
   * client.load('session', { raw: { filters: { 'new_field.icontains': 'x' }, sort: ['-new_field'] } });
   * ```
   */
  raw?: RawQuery;
}

/**
 * The unchecked part of a query (see {@link QueryParams.raw}).
 *
 * @example
 * ```ts
 * const raw: RawQuery = { filters: { 'new_field': 'x' }, include: ['new_relation'] };
 * ```
 */
export interface RawQuery {
  filters?: Readonly<Record<string, FilterValue | undefined>>;
  sort?: readonly string[] | string;
  include?: readonly string[] | string;
}

/**
 * Options of `load`.
 *
 * @example
 * ```ts
 * await client.load('session', { limit: 20, offset: 20 });
 * ```
 */
export interface LoadOptions<M extends ModelName> extends QueryParams<M> {
  /** Load one record (the answer is then `{ <detail_key>: record }`). */
  id?: IdOf<M>;
  /** Page size, 1..`MAX_PAGE_SIZE` (100; server default `DEFAULT_PAGE_SIZE`, 20). */
  limit?: number;
  /** Records to skip. */
  offset?: number;
}

/**
 * Progress of `loadAll`.
 *
 * @example
 * ```ts
 * await client.loadAll('session', { onProgress: ({ loaded, total }) => console.error(`${loaded}/${total ?? '?'}`) });
 * ```
 */
export interface LoadProgress {
  loaded: number;
  total: number | undefined;
  /** Page requests the walk keeps in flight right now (adapts unless `concurrency` was given). */
  concurrency: number;
}

/**
 * Options of `loadAll`.
 *
 * @example
 * ```ts
 * await client.loadAll('session', { pageSize: 50, concurrency: 2 });
 * ```
 */
export interface LoadAllOptions<M extends ModelName> extends QueryParams<M> {
  /** Records per page, 1..`MAX_PAGE_SIZE` (100). @default MAX_PAGE_SIZE */
  pageSize?: number;
  /** Start at this offset. @default 0 */
  offset?: number;
  /**
   * Page requests in flight, fixed. @default the client's `concurrency` when set, else adaptive: 4 at first, up
   * to 8 while latency stays flat, fewer on 429/503 or rising latency
   */
  concurrency?: number;
  /** Called as each page arrives (`loaded` counts records kept). */
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Carry on a failed walk without fetching again what it already loaded: pass the failed call's options plus
   * `resume: error.resume` (see `WalkResume`). The result holds the earlier records followed by the rest.
   */
  resume?: WalkResume;
}

/**
 * Options of `iterate`.
 *
 * @example
 * ```ts
 * for await (const s of client.iterate('session', { pageSize: 100 })) console.log(s.name);
 * ```
 */
export interface IterateOptions<M extends ModelName> extends QueryParams<M> {
  /**
   * Page requests in flight ahead of the loop, fixed; records are handed out in server order and memory stays
   * bounded by this many pages. @default as for `loadAll`: adaptive, 4 up to 8
   */
  concurrency?: number;
  /** Called as each page arrives, before its records are yielded (`loaded` counts fetched records). */
  onProgress?: (progress: LoadProgress) => void;
  /** Records per page, 1..`MAX_PAGE_SIZE` (100). @default MAX_PAGE_SIZE */
  pageSize?: number;
  /** Start at this offset. @default 0 */
  offset?: number;
  /**
   * Carry on a failed walk from where it stopped, without fetching again the pages it received: pass the failed
   * call's options plus `resume: error.resume` (see `WalkResume`). The loop gets the records not handed out before.
   */
  resume?: WalkResume;
}

/**
 * Data `save` accepts with an `id` (update): a change payload, a (partial) record, or a whole loaded body — the
 * Python tool's update recipe passes a list or detail response back with the changes spread in.
 *
 * @example
 * ```ts
 * const page = await client.load('session', { filters: { 'name.iexact': 'x' } });
 * await client.save('session', { id: page.sessions[0]!.id, data: { ...page, description: 'Updated via API' } });
 * ```
 */
export type UpdateData<M extends ModelName> =
  | UpdateOf<M>
  | Partial<RecordOf<M>>
  | (ListPage<M> & Partial<UpdateOf<M>>)
  | (DetailBody<M> & Partial<UpdateOf<M>>);

/**
 * Data `save` accepts: a create payload (no `id`) or {@link UpdateData} (with `id`).
 *
 * @example
 * ```ts
 * const data: SaveData<'session'> = { name: 'S', projects: [projectId] };
 * ```
 */
export type SaveData<M extends ModelName> = CreateOf<M> | UpdateData<M>;

/** Options of `save` shared by create and update. */
interface SaveCommon extends RequestOptions {
  /** @default 'private' */
  portal?: Portal;
}

/**
 * `save` without `id`: create (POST). `data` must be the model's create payload — required fields present,
 * unknown keys rejected.
 *
 * @example
 * ```ts
 * await client.save('session', { data: { name: 'S', projects: [projectId] } });
 * ```
 */
export interface SaveCreateOptions<M extends ModelName> extends SaveCommon {
  id?: undefined;
  /** The new record. */
  data: CreateOf<M>;
  /** Only with `id`. */
  method?: undefined;
}

/**
 * `save` with `id`: update (PATCH by default, PUT with `method: 'put'`).
 *
 * @example
 * ```ts
 * await client.save('session', { id, data: { description: 'new' } });
 * ```
 */
export interface SaveUpdateOptions<M extends ModelName> extends SaveCommon {
  /** The record to update. */
  id: IdOf<M>;
  /** The changes (or a whole loaded body with the changes spread in). */
  data: UpdateData<M>;
  /** `'patch'` (partial, default) or `'put'` (full replacement). */
  method?: 'patch' | 'put';
}

/**
 * One item of `saveMany`: a create payload without `id`, or update data with the record's `id`.
 *
 * @example
 * ```ts
 * const items: SaveItem<'session'>[] = [{ name: 'S', projects: [p] }, { id, description: 'new' }];
 * ```
 */
// Distributive form: TypeScript then compares instances structurally instead of measuring the variance of `M`,
// which would expand the item type over every model (and every details type).
export type SaveItem<M extends ModelName> = M extends ModelName
  ? (CreateOf<M> & { id?: undefined }) | (UpdateData<M> & { id: IdOf<M> })
  : never;

/**
 * Options of `save`: create without `id`, update with it.
 *
 * @example
 * ```ts
 * await client.save('session', { id, data: { name: 'S', projects: [p] }, method: 'put' });
 * ```
 */
export type SaveOptions<M extends ModelName> = SaveCreateOptions<M> | SaveUpdateOptions<M>;

/**
 * Options of `delete`.
 *
 * @example
 * ```ts
 * await client.delete('session', { id });
 * ```
 */
export interface DeleteOptions<M extends ModelName> extends RequestOptions {
  id: IdOf<M>;
  /** @default 'private' */
  portal?: Portal;
}

/**
 * Options of {@link BrainstemClient.request}: the per-call options plus query string, body and how to
 * authenticate.
 *
 * @example
 * ```ts
 * await client.request('GET', '/api/private/stem/project/', { query: 'limit=1', auth: 'required' });
 * ```
 */
export type SendOptions = RequestOptions & {
  query?: string;
  body?: unknown;
  /** `'optional'`: anonymous when no token is found (public portal); `'none'`: never send one. */
  auth?: 'required' | 'optional' | 'none';
  notFoundOkOnRetry?: boolean;
  /** `false` for a GET action that changes state: it follows the write retry rules. */
  idempotent?: boolean;
  /** Called after every attempt with its status (or none) and duration. */
  onAttempt?: (report: AttemptReport) => void;
};
