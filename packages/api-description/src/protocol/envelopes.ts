/**
 * The response envelopes: list bodies `{ <listKey>: [...], count, next, previous, meta? }` and detail bodies
 * `{ <detailKey>: {...} }` (approval-governed writes answer under their approval key). Which lists carry `meta`
 * and what it holds is decided here too. Written by the server, read by the client and the CLI, with these
 * functions only.
 * @module
 */
import type { ModelSpec, Portal } from '../registry/types.js';
import { TRUNCATED_INCLUDES_HEADER } from './embedding.js';

/**
 * Keys of a list body besides the records (pagination).
 *
 * @example
 * ```ts
 * PAGE_KEYS; // ['count', 'next', 'previous', 'meta']
 * ```
 */
export const PAGE_KEYS: readonly string[] = ['count', 'next', 'previous', 'meta'];

/**
 * A list body read tolerantly: the records, and whatever pagination the server sent. `count` is `count`, else
 * `meta.total_results`, else `undefined`; `hasNext` is `undefined` when the body has no `next` key.
 *
 * @example
 * ```ts
 * const page: ListEnvelope = unwrapList(getModel('session'), body)!;
 * ```
 */
export interface ListEnvelope<R = Record<string, unknown>> {
  records: R[];
  count: number | undefined;
  hasNext: boolean | undefined;
  next: string | null | undefined;
  previous: string | null | undefined;
  meta: Record<string, unknown> | undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The records and pagination of a list body, or `undefined` when `body` is not a list body of `model`.
 *
 * @example
 * ```ts
 * unwrapList(getModel('session'), { sessions: [], count: 0 })?.count; // 0
 * unwrapList(getModel('project'), { projects: [], meta: { total_results: 3 } })?.count; // 3
 * ```
 */
export function unwrapList(model: Pick<ModelSpec, 'listKey'>, body: unknown): ListEnvelope | undefined {
  if (!isObject(body) || !Array.isArray(body[model.listKey])) return undefined;
  const meta = isObject(body.meta) ? body.meta : undefined;
  const count =
    typeof body.count === 'number'
      ? body.count
      : meta && typeof meta.total_results === 'number'
        ? meta.total_results
        : undefined;
  const next = 'next' in body ? (body.next as string | null | undefined) : undefined;
  return {
    records: body[model.listKey] as Record<string, unknown>[],
    count,
    hasNext: 'next' in body ? next !== null && next !== undefined && next !== '' : undefined,
    next,
    previous: 'previous' in body ? (body.previous as string | null | undefined) : undefined,
    meta,
  };
}

/**
 * Keys under which a single record of `model` may answer: the detail key, then the approval key of an
 * approval-governed write (`species_approval`), then `<detailKey>_approval`.
 *
 * @example
 * ```ts
 * detailKeys(getModel('species')); // ['species', 'species_approval']
 * ```
 */
export function detailKeys(model: Pick<ModelSpec, 'detailKey' | 'approval'>): string[] {
  return [
    ...new Set([model.detailKey, ...(model.approval ? [model.approval.key] : []), `${model.detailKey}_approval`]),
  ];
}

/**
 * The record of a detail body (under the detail key or an approval key) and the key it was under, or `undefined`
 * when `body` holds no record of `model`.
 *
 * @example
 * ```ts
 * unwrapDetail(getModel('session'), { session: { id } }); // { key: 'session', record: { id } }
 * ```
 */
export function unwrapDetail(
  model: Pick<ModelSpec, 'detailKey' | 'approval'>,
  body: unknown,
): { key: string; record: Record<string, unknown> } | undefined {
  if (!isObject(body)) return undefined;
  for (const key of detailKeys(model)) {
    const record = body[key];
    if (isObject(record)) return { key, record };
  }
  return undefined;
}

/**
 * The keys of `meta`, in the order the server writes them: the total of matching records, the number of pages at
 * this page size, the 1-based page number of this offset, and the page size.
 *
 * @example
 * ```ts
 * LIST_META_KEYS; // ['total_results', 'total_pages', 'page', 'per_page']
 * ```
 */
export const LIST_META_KEYS = ['total_results', 'total_pages', 'page', 'per_page'] as const;

/**
 * The `meta` object of a list body (see {@link LIST_META_KEYS}).
 *
 * @example
 * ```ts
 * const meta: ListMeta = { total_results: 45, total_pages: 3, page: 2, per_page: 20 };
 * ```
 */
export type ListMeta = Record<(typeof LIST_META_KEYS)[number], number>;

/**
 * Whether a list of `model` on `portal` carries `meta`: public lists and approval lists do (their pages: "Public
 * list responses also include a `meta` object", "Approval list responses also include …"), and on every portal
 * the lists whose row says `listMeta: 'always'` (their pages: "List responses include a `meta` object").
 *
 * @example
 * ```ts
 * listHasMeta(getModel('session'), 'public'); // true
 * listHasMeta(getModel('session'), 'private'); // false
 * listHasMeta(getModel('groupmembershiprequest'), 'private'); // true
 * ```
 */
export function listHasMeta(model: Pick<ModelSpec, 'family' | 'listMeta'>, portal: Portal): boolean {
  return portal === 'public' || model.family === 'approval' || model.listMeta === 'always';
}

/**
 * Where a list page sits: the total of matching records, the offset of its first record and the page size.
 *
 * @example
 * ```ts
 * const at: PagePosition = { count: 45, offset: 20, limit: 20 };
 * ```
 */
export interface PagePosition {
  count: number;
  offset: number;
  limit: number;
}

/**
 * The `meta` object of a page.
 *
 * @example
 * ```ts
 * listMeta({ count: 45, offset: 20, limit: 20 }); // { total_results: 45, total_pages: 3, page: 2, per_page: 20 }
 * ```
 */
export function listMeta({ count, offset, limit }: PagePosition): ListMeta {
  return {
    total_results: count,
    total_pages: Math.ceil(count / limit),
    page: Math.floor(offset / limit) + 1,
    per_page: limit,
  };
}

/**
 * The pagination keys of a list body besides the records (see {@link PAGE_KEYS}).
 *
 * @example
 * ```ts
 * const page: ListPageKeys = { count: 2, next: null, previous: null };
 * ```
 */
export interface ListPageKeys {
  count?: number;
  next?: string | null;
  previous?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * The pagination keys of a full list page of `model` on `portal`: `count`, `next`, `previous`, and `meta` where
 * {@link listHasMeta} says so.
 *
 * @example
 * ```ts
 * listPageKeys(getModel('project'), 'public', { count: 1, offset: 0, limit: 20, next: null, previous: null });
 * // { count: 1, next: null, previous: null, meta: { total_results: 1, total_pages: 1, page: 1, per_page: 20 } }
 * ```
 */
export function listPageKeys(
  model: Pick<ModelSpec, 'family' | 'listMeta'>,
  portal: Portal,
  page: PagePosition & { next: string | null; previous: string | null },
): ListPageKeys {
  const keys: ListPageKeys = { count: page.count, next: page.next, previous: page.previous };
  if (listHasMeta(model, portal)) keys.meta = listMeta(page);
  return keys;
}

/**
 * A list body: the records under the list key, then the pagination keys given (build them with
 * {@link listPageKeys}).
 *
 * @example
 * ```ts
 * wrapList(getModel('session'), records, { count: 2, next: null, previous: null });
 * // { sessions: records, count: 2, next: null, previous: null }
 * ```
 */
export function wrapList<R>(
  model: Pick<ModelSpec, 'listKey'>,
  records: readonly R[],
  page: ListPageKeys = {},
): Record<string, unknown> {
  return { [model.listKey]: records, ...page };
}

/**
 * {@link wrapList}'s body as the JSON text around the records: `head + recordTexts.join(',') + tail` is
 * `JSON.stringify(wrapList(model, records, page))`, for a writer that holds records as JSON text already.
 *
 * @example
 * ```ts
 * listEnvelopeText(getModel('session'), { count: 0 }); // ['{"sessions":[', '],"count":0}']
 * ```
 */
export function listEnvelopeText(model: Pick<ModelSpec, 'listKey'>, page: ListPageKeys = {}): [string, string] {
  const rest = JSON.stringify(page);
  return [`{${JSON.stringify(model.listKey)}:[`, `]${rest === '{}' ? '' : `,${rest.slice(1, -1)}`}}`];
}

/**
 * {@link wrapDetail}'s body as the JSON text around the record: `head + recordText + tail`.
 *
 * @example
 * ```ts
 * detailEnvelopeText(getModel('session')); // ['{"session":', '}']
 * ```
 */
export function detailEnvelopeText(
  model: Pick<ModelSpec, 'detailKey'>,
  key: string = model.detailKey,
): [string, string] {
  return [`{${JSON.stringify(key)}:`, '}'];
}

/**
 * A detail body: the record under the detail key (or `key`, e.g. an approval key).
 *
 * @example
 * ```ts
 * wrapDetail(getModel('dataacquisition'), record); // { data_acquisition: record }
 * ```
 */
export function wrapDetail<R>(
  model: Pick<ModelSpec, 'detailKey'>,
  record: R,
  key: string = model.detailKey,
): Record<string, R> {
  return { [key]: record };
}

/**
 * A body stripped of its envelope for sending back as a record: a list body loses its list key and pagination
 * keys, a body whose only key is the detail key becomes that record; anything else is returned as is.
 *
 * @example
 * ```ts
 * stripEnvelope(getModel('session'), { sessions: [...], count: 1, description: 'x' }); // { description: 'x' }
 * ```
 */
export function stripEnvelope(model: Pick<ModelSpec, 'listKey' | 'detailKey'>, body: unknown): unknown {
  if (!isObject(body)) return body;
  const detail = body[model.detailKey];
  if (isObject(detail) && Object.keys(body).length === 1) return detail;
  if (Array.isArray(body[model.listKey])) {
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) if (k !== model.listKey && !PAGE_KEYS.includes(k)) rest[k] = v;
    return rest;
  }
  return body;
}

/**
 * The value of {@link TRUNCATED_INCLUDES_HEADER} for a set of cut include paths.
 *
 * @example
 * ```ts
 * formatTruncatedIncludes(['sessions', 'subjects']); // 'sessions, subjects'
 * ```
 */
export function formatTruncatedIncludes(paths: Iterable<string>): string {
  return [...paths].join(', ');
}

/**
 * The include paths a response's {@link TRUNCATED_INCLUDES_HEADER} names; empty when nothing was cut.
 *
 * @example
 * ```ts
 * const { data, response } = await client.load('project', { id, include: ['sessions'] }).withResponse();
 * truncatedIncludes(response.headers); // ['sessions'] when the project has more than 1,000 sessions
 * ```
 */
export function truncatedIncludes(headers: { get(name: string): string | null }): string[] {
  const value = headers.get(TRUNCATED_INCLUDES_HEADER);
  return value
    ? value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
    : [];
}
