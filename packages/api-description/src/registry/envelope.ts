/**
 * The response envelope: list bodies `{ <listKey>: [...], count, next, previous }` (plus `meta` where the server
 * sends it) and detail bodies `{ <detailKey>: {...} }` — approval-governed writes answer under their approval key.
 * Built by the server, read by the client and the CLI, from here.
 * @module
 */
import type { ModelSpec } from './types.js';

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
export function detailKeys(model: ModelSpec): string[] {
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
  model: ModelSpec,
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
 * A list body: the records under the list key, then the pagination keys given.
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
  page: { count?: number; next?: string | null; previous?: string | null; meta?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return { [model.listKey]: records, ...page };
}

/**
 * A detail body: the record under the detail key (or `key`, e.g. an approval key).
 *
 * @example
 * ```ts
 * wrapDetail(getModel('dataacquisition'), record); // { data_acquisition: record }
 * ```
 */
export function wrapDetail<R>(model: ModelSpec, record: R, key: string = model.detailKey): Record<string, R> {
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
export function stripEnvelope(model: ModelSpec, body: unknown): unknown {
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
