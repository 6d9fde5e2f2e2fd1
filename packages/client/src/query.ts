/**
 * Query-string encoding of the BrainSTEM (dynamic-rest) query language:
 * filters `{'name.icontains': 'visual'}` → `filter{name.icontains}=visual`, sort `['-name']` → `sort[]=-name`,
 * include `['sessions']` → `include[]=sessions.*`, plus `limit`/`offset`. Every key and value is
 * percent-encoded (`{`, `}`, `[`, `]` included), as Python `requests` does.
 * @module
 */

import { pageSizeProblem } from 'brainstem-api-description';
import { InvalidArgumentError } from './errors.js';

/**
 * A filter value: scalars, dates, or — for `.in` filters only — a non-empty list, sent as one comma-joined value
 * (`{ 'id.in': [a, b] }` → `filter{id.in}=a,b`, what the Python client sends for `'a,b'`).
 *
 * @example
 * ```ts
 * client.load('session', { filters: { 'start_time.gte': new Date('2024-01-01'), 'id.in': [a, b] } });
 * ```
 */
export type FilterValue = string | number | boolean | Date | readonly (string | number | boolean | Date)[];

/**
 * Query options accepted by `load`/`loadAll`/`iterate`.
 *
 * @example
 * ```ts
 * encodeQuery({ filters: { name: 'x' }, sort: '-name', limit: 10 });
 * ```
 */
export interface QueryOptions {
  /** `{ 'name.icontains': 'visual' }` → `filter{name.icontains}=visual`. Multiple filters AND together. */
  filters?: Readonly<Record<string, FilterValue | undefined>>;
  /** Field names; prefix with `-` for descending. */
  sort?: readonly string[] | string;
  /** Relations to embed in full; `'sessions'` is sent as `include[]=sessions.*`. */
  include?: readonly string[] | string;
  /** Page size, 1..`MAX_PAGE_SIZE` (100; server default `DEFAULT_PAGE_SIZE`, 20). */
  limit?: number;
  /** Records to skip. */
  offset?: number;
}

function scalar(key: string, v: string | number | boolean | Date): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new InvalidArgumentError('filters', `filters["${key}"] is an invalid Date`);
    return v.toISOString();
  }
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new InvalidArgumentError('filters', `filters["${key}"] must be a finite number, got ${v}`);
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new InvalidArgumentError('filters', `filters["${key}"] must be a string, number, boolean or Date`);
  }
  return String(v);
}

/**
 * A list filter value → one comma-joined value. Only `.in` takes a list: every server reads `filter{id.in}=a,b`,
 * while repeated parameters are read differently by different servers; a list on any other lookup is a mistake.
 */
function inList(key: string, values: readonly unknown[]): string {
  if (!key.endsWith('.in')) {
    throw new InvalidArgumentError(
      'filters',
      `filters["${key}"] is a list, but only ".in" filters take a list (e.g. { "id.in": [a, b] }); pass one value`,
    );
  }
  if (values.length === 0) {
    // Dropping the filter would return every record; an empty `.in` means "none", which needs no request.
    throw new InvalidArgumentError('filters', `filters["${key}"] is an empty list; it would match nothing`);
  }
  return values
    .map((v) => {
      const s = scalar(key, v as string);
      if (s.includes(',')) {
        throw new InvalidArgumentError(
          'filters',
          `filters["${key}"] value "${s}" contains a comma, the list separator`,
        );
      }
      return s;
    })
    .join(',');
}

function list(v: readonly string[] | string | undefined): readonly string[] {
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}

/** `include` name → the form the Python client sends (`rel.*`). */
export function includeParam(name: string): string {
  return name === '*' || name.endsWith('.*') ? name : `${name}.*`;
}

/**
 * The ordered `[key, value]` pairs of a query (unencoded).
 *
 * @example
 * ```ts
 * queryPairs({ filters: { 'name.icontains': 'visual' }, sort: ['-name'], include: ['sessions'], limit: 10 });
 * // [['filter{name.icontains}', 'visual'], ['sort[]', '-name'], ['include[]', 'sessions.*'], ['limit', '10']]
 * ```
 */
export function queryPairs(q: QueryOptions): [string, string][] {
  const out: [string, string][] = [];
  if (q.filters !== undefined && (typeof q.filters !== 'object' || q.filters === null || Array.isArray(q.filters))) {
    throw new InvalidArgumentError('filters', 'filters must be an object like { "name.icontains": "visual" }');
  }
  for (const [key, value] of Object.entries(q.filters ?? {})) {
    if (value === undefined) continue;
    if (!key || /[{}]/.test(key)) {
      throw new InvalidArgumentError('filters', `filter name "${key}" is empty or contains braces`);
    }
    out.push([`filter{${key}}`, Array.isArray(value) ? inList(key, value) : scalar(key, value as string)]);
  }
  for (const s of list(q.sort)) {
    if (typeof s !== 'string' || !s || s === '-') throw new InvalidArgumentError('sort', `invalid sort field "${s}"`);
    out.push(['sort[]', s]);
  }
  for (const i of list(q.include)) {
    if (typeof i !== 'string' || !i) throw new InvalidArgumentError('include', `invalid include "${i}"`);
    out.push(['include[]', includeParam(i)]);
  }
  if (q.limit !== undefined) {
    const problem = pageSizeProblem(q.limit, 'limit');
    if (problem) throw new InvalidArgumentError('limit', problem);
    out.push(['limit', String(q.limit)]);
  }
  if (q.offset !== undefined) {
    if (!Number.isInteger(q.offset) || q.offset < 0) {
      throw new InvalidArgumentError('offset', `offset must be a non-negative integer, got ${q.offset}`);
    }
    out.push(['offset', String(q.offset)]);
  }
  return out;
}

/**
 * The encoded query string without `?` (empty when there is nothing to send).
 *
 * @example
 * ```ts
 * encodeQuery({ filters: { 'name.icontains': 'visual' } }); // 'filter%7Bname.icontains%7D=visual'
 * ```
 */
export function encodeQuery(q: QueryOptions): string {
  return queryPairs(q)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}
