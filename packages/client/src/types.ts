/**
 * Public types derived from the registry: what `load`/`save`/… accept and return per model.
 * @module
 */

import type { WalkResume } from './errors.js';
import type { FilterValue } from './query.js';
import type { Filters, IncludeKey, SortKey } from './query-keys.js';
import type { DetailKeyOf, ListKeyOf, ModelName, ModelOf, Portal } from './registry/index.js';
import type { MODELS } from './registry/models.js';
import type { RequestOptions } from './transport.js';
import type { ModelCreateMap, ModelRecordMap, ModelUpdateMap } from './types.generated.js';

export type { FilterKey, Filters, IncludeKey, SortKey } from './query-keys.js';

/**
 * The record type of a model, e.g. `RecordOf<'session'>` = `Session`.
 *
 * @example
 * ```ts
 * const s: RecordOf<'session'> = (await client.load('session', { id })).session;
 * ```
 */
export type RecordOf<M extends ModelName> = M extends keyof ModelRecordMap
  ? ModelRecordMap[M]
  : Record<string, unknown>;
/**
 * The create (POST) payload type of a model.
 *
 * @example
 * ```ts
 * const data: CreateOf<'session'> = { name: 'S', projects: [projectId] };
 * ```
 */
export type CreateOf<M extends ModelName> = M extends keyof ModelCreateMap
  ? ModelCreateMap[M]
  : Record<string, unknown>;
/**
 * The update (PATCH/PUT) payload type of a model.
 *
 * @example
 * ```ts
 * const patch: UpdateOf<'session'> = { description: 'new' };
 * ```
 */
export type UpdateOf<M extends ModelName> = M extends keyof ModelUpdateMap
  ? ModelUpdateMap[M]
  : Record<string, unknown>;

/**
 * Record ids: integers where the model's `id` field is an integer (users, groups), UUID strings otherwise.
 *
 * @example
 * ```ts
 * await client.load('group', { id: 7 }); // IdOf<'group'> = number | string
 * ```
 */
export type IdOf<M extends ModelName> = M extends ModelName
  ? Extract<ModelOf<M>['fields'][number], { name: 'id' }>['type'] extends 'integer'
    ? number | string
    : string
  : never;

/**
 * The `meta` object public list responses carry (its shape is undocumented; these are the local server's keys).
 *
 * @example
 * ```ts
 * const { meta } = await client.load('project', { portal: 'public' });
 * console.log(meta?.total_results);
 * ```
 */
export interface PageMeta {
  total_results?: number;
  total_pages?: number;
  page?: number;
  per_page?: number;
  [key: string]: unknown;
}

/**
 * Pagination keys of a list response. All optional: servers differ in which they send.
 *
 * @example
 * ```ts
 * const { count, next } = await client.load('session');
 * ```
 */
export interface PageFields {
  count?: number;
  next?: string | null;
  previous?: string | null;
  meta?: PageMeta;
}

/**
 * A list response: `{ sessions: Session[], count?, next?, previous?, meta? }` for `'session'`.
 *
 * @example
 * ```ts
 * const page: ListPage<'session'> = await client.load('session');
 * page.sessions[0]?.name;
 * ```
 */
export type ListPage<M extends ModelName> = { [K in ListKeyOf<M>]: RecordOf<M>[] } & PageFields;

/**
 * A single-record response: `{ session: Session }` for `'session'`.
 *
 * @example
 * ```ts
 * const { session } = await client.load('session', { id });
 * ```
 */
export type DetailBody<M extends ModelName> = { [K in DetailKeyOf<M>]: RecordOf<M> };

/**
 * What a save answers: the record under its detail key, or, for approval-governed models, the approval record.
 *
 * @example
 * ```ts
 * const res: SaveResult<'species'> = await client.save('species', { data: { name: 'Mus musculus' } });
 * res.species_approval.status;
 * ```
 */
export type SaveResult<M extends ModelName> =
  ModelOf<M> extends {
    approval: { key: infer K extends string; model: infer A extends ModelName };
  }
    ? { [P in K]: RecordOf<A> }
    : DetailBody<M>;

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
  /** Start at this offset; after a failure, `error.resume.offset` carries on where it stopped. @default 0 */
  offset?: number;
}

/**
 * Data `save` accepts with an `id` (update): a change payload, a (partial) record, or a whole loaded body — the
 * seed's update recipe passes a list or detail response back with the changes spread in.
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
 * Options of `action`.
 *
 * @example
 * ```ts
 * await client.action('subjectlog', id, 'add_entry', { data: { date_time: '2024-01-01T10:00:00Z' } });
 * ```
 */
export interface ActionOptions extends RequestOptions {
  /** HTTP method; defaults to the registry's method for this action. */
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON body (PATCH/POST actions, e.g. a log entry). */
  data?: unknown;
  /** @default 'private' */
  portal?: Portal;
}

type Row = (typeof MODELS)[number];
type ActionNamesOf<M extends ModelName> =
  ModelOf<M> extends { actions: readonly (infer X)[] }
    ? X extends { name: infer N extends string }
      ? N
      : never
    : never;

/**
 * Models that offer the special action `A`, e.g. `ModelsWithAction<'add_entry'>` = `'procedurelog' | 'subjectlog'`.
 *
 * @example
 * ```ts
 * type Joinable = ModelsWithAction<'join'>; // 'group'
 * ```
 */
export type ModelsWithAction<A extends string> = {
  [M in ModelName]: A extends ActionNamesOf<M> ? M : never;
}[ModelName];

/**
 * Models with a convenience loader.
 *
 * @example
 * ```ts
 * const m: LoaderModelName = 'dataacquisition';
 * ```
 */
export type LoaderModelName = Extract<Row, { loader: unknown }>['name'];

/**
 * Named filters of a model's convenience loader (e.g. `name`, `projects`, `tags` for sessions).
 *
 * @example
 * ```ts
 * type F = LoaderFilterName<'subject'>; // 'name' | 'projects' | 'strain' | 'sex' | 'tags'
 * ```
 */
export type LoaderFilterName<M extends LoaderModelName> = keyof Extract<Row, { name: M }>['loader']['filters'] & string;

/**
 * Options of a convenience loader: named filters, `filters`/`include` overrides, `all: true` for every page.
 *
 * @example
 * ```ts
 * await client.loadSubject({ sex: 'M', projects: projectId, include: ['projects'], all: true });
 * ```
 */
export type LoaderOptions<M extends LoaderModelName> = LoadOptions<M> & {
  [K in LoaderFilterName<M>]?: FilterValue;
} & {
  /** Load every page (like `loadAll`). */
  all?: boolean;
  /** Page size with `all: true`. */
  pageSize?: number;
};

/**
 * A convenience loader: one record with `id`, else a list page (every record with `all: true`).
 *
 * @example
 * ```ts
 * const loader: LoaderFn<'session'> = client.loadSession.bind(client);
 * ```
 */
export interface LoaderFn<M extends LoaderModelName> {
  (opts: LoaderOptions<M> & { id: IdOf<M> }): Promise<DetailBody<M>>;
  (opts?: LoaderOptions<M>): Promise<ListPage<M>>;
}

/**
 * `'dataacquisition'` → `'loadDataacquisition'`.
 *
 * @example
 * ```ts
 * type N = LoaderMethodName<'dataacquisition'>; // 'loadDataacquisition'
 * ```
 */
export type LoaderMethodName<M extends string> = `load${Capitalize<M>}`;

/**
 * The generated convenience loaders (`loadProject`, `loadSession`, …).
 *
 * @example
 * ```ts
 * const fn: LoaderMethods['loadProject'] = client.loadProject;
 * ```
 */
export type LoaderMethods = { [M in LoaderModelName as LoaderMethodName<M>]: LoaderFn<M> };

/**
 * Outcome of `saveMany`/`deleteMany`: every item is in exactly one list, with its input index.
 *
 * @example
 * ```ts
 * const { succeeded, failed }: BulkResult<string, void> = await client.deleteMany('session', ids);
 * ```
 */
export interface BulkResult<I, R> {
  succeeded: { index: number; item: I; result: R }[];
  failed: { index: number; item: I; error: Error }[];
}

/**
 * The user `whoami` reports.
 *
 * @example
 * ```ts
 * const { user } = await client.whoami();
 * console.log(user?.email);
 * ```
 */
export interface WhoamiUser {
  id: number;
  email: string;
  first_name?: string;
  last_name?: string;
  [key: string]: unknown;
}

/**
 * Result of `whoami`.
 *
 * @example
 * ```ts
 * const me = await client.whoami();
 * if (me.source === 'fallback') console.log(me.note);
 * ```
 */
export interface WhoamiResult {
  /** The user, or `null` when the server cannot say (no whoami endpoint). */
  user: WhoamiUser | null;
  /** `'whoami'`: from `GET /api/auth/whoami/`; `'fallback'`: the server lacks it, the token was checked otherwise. */
  source: 'whoami' | 'fallback';
  /** Explanation when `source` is `'fallback'`. */
  note?: string;
}
