/**
 * Public types derived from the registry: what `load`/`save`/… accept and return per model.
 * @module
 */

import type { FilterValue } from './query.js';
import type { DetailKeyOf, FieldNameOf, ListKeyOf, ModelName, ModelOf, Portal } from './registry/index.js';
import type { MODELS } from './registry/models.js';
import type { RequestOptions } from './transport.js';
import type { ModelCreateMap, ModelRecordMap, ModelUpdateMap } from './types.generated.js';

/** The record type of a model, e.g. `RecordOf<'session'>` = `Session`. */
export type RecordOf<M extends ModelName> = M extends keyof ModelRecordMap
  ? ModelRecordMap[M]
  : Record<string, unknown>;
/** The create (POST) payload type of a model. */
export type CreateOf<M extends ModelName> = M extends keyof ModelCreateMap
  ? ModelCreateMap[M]
  : Record<string, unknown>;
/** The update (PATCH/PUT) payload type of a model. */
export type UpdateOf<M extends ModelName> = M extends keyof ModelUpdateMap
  ? ModelUpdateMap[M]
  : Record<string, unknown>;

/** Record ids: integers for users and groups, UUID strings otherwise. */
export type IdOf<M extends ModelName> = M extends 'user' | 'group' ? number | string : string;

/** The `meta` object public list responses carry (its shape is undocumented; these are the local server's keys). */
export interface PageMeta {
  total_results?: number;
  total_pages?: number;
  page?: number;
  per_page?: number;
  [key: string]: unknown;
}

/** Pagination keys of a list response. All optional: servers differ in which they send. */
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

/** What a save answers: the record under its detail key, or, for approval-governed models, the approval record. */
export type SaveResult<M extends ModelName> =
  ModelOf<M> extends {
    approval: { key: infer K extends string; model: infer A extends ModelName };
  }
    ? { [P in K]: RecordOf<A> }
    : DetailBody<M>;

/** Documented filter operators (plus the Python tool's case-insensitive ones). */
export type FilterOperator =
  | 'exact'
  | 'iexact'
  | 'contains'
  | 'icontains'
  | 'startswith'
  | 'istartswith'
  | 'endswith'
  | 'iendswith'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'isnull'
  | 'id';

/** A filter key: a field, `field.operator`, or any other server field path. Known ones autocomplete. */
export type FilterKey<M extends ModelName> = FieldNameOf<M> | `${FieldNameOf<M>}.${FilterOperator}` | (string & {});

/** Filters for a model: `{ 'name.icontains': 'visual' }`. */
export type Filters<M extends ModelName> = { [K in FilterKey<M>]?: FilterValue };

/** A sort key: a field or `-field`; fields the docs do not list (e.g. `created_date`) are allowed too. */
export type SortKey<M extends ModelName> = FieldNameOf<M> | `-${FieldNameOf<M>}` | (string & {});

/** A relation to embed (`include[]=<name>.*`). */
export type IncludeKey<M extends ModelName> = FieldNameOf<M> | (string & {});

/** Query options of `load`, `loadAll` and `iterate`. */
export interface QueryParams<M extends ModelName> extends RequestOptions {
  /** `'private'` (default; needs a token) or `'public'` (anonymous when no token is found). */
  portal?: Portal;
  /** `{ 'name.icontains': 'visual' }` → `filter{name.icontains}=visual`; several filters AND together. */
  filters?: Filters<M>;
  /** `['-name']` → `sort[]=-name`. */
  sort?: readonly SortKey<M>[] | SortKey<M>;
  /** `['sessions']` → `include[]=sessions.*`. */
  include?: readonly IncludeKey<M>[] | IncludeKey<M>;
}

/** Options of `load`. */
export interface LoadOptions<M extends ModelName> extends QueryParams<M> {
  /** Load one record (the answer is then `{ <detail_key>: record }`). */
  id?: IdOf<M>;
  /** Page size, 1..100 (server default 20). */
  limit?: number;
  /** Records to skip. */
  offset?: number;
}

/** Progress of `loadAll`. */
export interface LoadProgress {
  loaded: number;
  total: number | undefined;
}

/** Options of `loadAll`. */
export interface LoadAllOptions<M extends ModelName> extends QueryParams<M> {
  /** Records per page, 1..100. @default 100 */
  pageSize?: number;
  /** Start at this offset. @default 0 */
  offset?: number;
  /** Page requests in flight. @default the client's `concurrency` (4) */
  concurrency?: number;
  /** Called after every page. */
  onProgress?: (progress: LoadProgress) => void;
}

/** Options of `iterate`. */
export interface IterateOptions<M extends ModelName> extends QueryParams<M> {
  /** Called after every page. */
  onProgress?: (progress: LoadProgress) => void;
  /** Records per page, 1..100. @default 100 */
  pageSize?: number;
  /** Start at this offset. @default 0 */
  offset?: number;
}

/** Data `save` accepts: the create/update payload, or a whole loaded body (the seed's update recipe). */
export type SaveData<M extends ModelName> =
  | CreateOf<M>
  | UpdateOf<M>
  | Partial<RecordOf<M>>
  | (ListPage<M> & Partial<UpdateOf<M>>)
  | (DetailBody<M> & Partial<UpdateOf<M>>);

/** Options of `save`. */
export interface SaveOptions<M extends ModelName> extends RequestOptions {
  /** Update this record (PATCH by default); without it, create (POST). */
  id?: IdOf<M>;
  /** The record data. */
  data: SaveData<M>;
  /** `'patch'` (partial, default) or `'put'` (full replacement); only with `id`. */
  method?: 'patch' | 'put';
  /** @default 'private' */
  portal?: Portal;
}

/** Options of `delete`. */
export interface DeleteOptions<M extends ModelName> extends RequestOptions {
  id: IdOf<M>;
  /** @default 'private' */
  portal?: Portal;
}

/** Options of `action`. */
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

/** Models that offer the special action `A`, e.g. `ModelsWithAction<'add_entry'>` = `'procedurelog' | 'subjectlog'`. */
export type ModelsWithAction<A extends string> = {
  [M in ModelName]: A extends ActionNamesOf<M> ? M : never;
}[ModelName];

/** Models with a convenience loader. */
export type LoaderModelName = Extract<Row, { loader: unknown }>['name'];

/** Named filters of a model's convenience loader (e.g. `name`, `projects`, `tags` for sessions). */
export type LoaderFilterName<M extends LoaderModelName> = keyof Extract<Row, { name: M }>['loader']['filters'] & string;

/** Options of a convenience loader: named filters, `filters`/`include` overrides, `all: true` for every page. */
export type LoaderOptions<M extends LoaderModelName> = LoadOptions<M> & {
  [K in LoaderFilterName<M>]?: FilterValue;
} & {
  /** Load every page (like `loadAll`). */
  all?: boolean;
  /** Page size with `all: true`. */
  pageSize?: number;
};

/** A convenience loader: one record with `id`, else a list page (every record with `all: true`). */
export interface LoaderFn<M extends LoaderModelName> {
  (opts: LoaderOptions<M> & { id: IdOf<M> }): Promise<DetailBody<M>>;
  (opts?: LoaderOptions<M>): Promise<ListPage<M>>;
}

/** `'dataacquisition'` → `'loadDataacquisition'`. */
export type LoaderMethodName<M extends string> = `load${Capitalize<M>}`;

/** The generated convenience loaders (`loadProject`, `loadSession`, …). */
export type LoaderMethods = { [M in LoaderModelName as LoaderMethodName<M>]: LoaderFn<M> };

/** Outcome of `saveMany`/`deleteMany`: every item is in exactly one list, with its input index. */
export interface BulkResult<I, R> {
  succeeded: { index: number; item: I; result: R }[];
  failed: { index: number; item: I; error: Error }[];
}

/** The user `whoami` reports. */
export interface WhoamiUser {
  id: number;
  email: string;
  first_name?: string;
  last_name?: string;
  [key: string]: unknown;
}

/** Result of `whoami`. */
export interface WhoamiResult {
  /** The user, or `null` when the server cannot say (no whoami endpoint). */
  user: WhoamiUser | null;
  /** `'whoami'`: from `GET /api/auth/whoami/`; `'fallback'`: the server lacks it, the token was checked otherwise. */
  source: 'whoami' | 'fallback';
  /** Explanation when `source` is `'fallback'`. */
  note?: string;
}
