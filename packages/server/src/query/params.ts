/**
 * Parsing of the documented query parameters: `filter{field}` / `filter{field.op}`, `sort[]`,
 * `include[]`, `limit`, `offset`, plus `format=json` (the web API tool). Any other parameter is a 400 naming it (an
 * ignored one would silently return unfiltered data). Repeated `filter{x.in}` values merge into one list.
 *
 * @example
 * ```ts
 * parseQuery('filter{name.icontains}=visual&sort[]=-name&include[]=sessions.*&limit=5');
 * // { filters: [{ key: 'name.icontains', value: 'visual' }], sort: ['-name'], include: ['sessions'], limit: 5, offset: 0 }
 * ```
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from 'brainstem-api-description';
import { badRequest } from '../errors.js';

export interface RawFilter {
  /** The text between the braces, e.g. `projects.id` or `name.icontains`. */
  key: string;
  value: string;
}

export interface ListQuery {
  filters: RawFilter[];
  sort: string[];
  include: string[];
  limit: number;
  offset: number;
}

const FILTER_KEY = /^filter\{(.*)\}$/;

function nonNegativeInt(name: string, raw: string): number {
  if (!/^\d{1,15}$/.test(raw.trim())) {
    throw badRequest(`Invalid ${name} "${raw}": expected a non-negative integer.`);
  }
  return Number(raw.trim());
}

/** Parse a raw query string (without `?`). Throws HttpError 400 naming a malformed `limit`/`offset`. */
export function parseQuery(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const out: ListQuery = { filters: [], sort: [], include: [], limit: DEFAULT_PAGE_SIZE, offset: 0 };
  for (const [key, value] of params) {
    const m = FILTER_KEY.exec(key);
    if (m) {
      out.filters.push({ key: (m[1] as string).trim(), value });
    } else if (key === 'sort[]' || key === 'sort') {
      for (const s of value.split(',')) if (s.trim()) out.sort.push(s.trim());
    } else if (key === 'include[]' || key === 'include') {
      for (const s of value.split(',')) {
        const name = s.trim().replace(/\.\*$/, '');
        if (name && !out.include.includes(name)) out.include.push(name);
      }
    } else if (key === 'limit' || key === 'per_page') {
      const n = nonNegativeInt('limit', value);
      if (n < 1) throw badRequest(`Invalid limit "${value}": expected an integer from 1 to ${MAX_PAGE_SIZE}.`);
      // As DRF's LimitOffsetPagination does, a limit above the maximum is clamped.
      out.limit = Math.min(n, MAX_PAGE_SIZE);
    } else if (key === 'offset') {
      out.offset = nonNegativeInt('offset', value);
    } else if (key.startsWith('filter{') || key.startsWith('filter[')) {
      throw badRequest(`Malformed filter parameter "${key}": use filter{field} or filter{field.operator}.`);
    } else if (key === 'format') {
      // The browsable-API tool's `?format=json`.
      if (value !== 'json') throw badRequest(`Unsupported format "${value}": only format=json is available.`);
    } else {
      // An ignored parameter would silently return unfiltered data (curl globbing turns filter{name} into filtername).
      const hint = /^(filter|sort|include)/.test(key)
        ? ' With curl, pass -g (--globoff) so {} and [] reach the server.'
        : '';
      throw badRequest(
        `Unknown query parameter "${key}". Use filter{field} or filter{field.operator}, sort[], include[], limit, offset.${hint}`,
      );
    }
  }
  // dynamic-rest reads a repeated `filter{x.in}` as one list: merge them into one IN filter.
  const merged: RawFilter[] = [];
  for (const f of out.filters) {
    const prev = f.key.endsWith('.in') ? merged.find((m) => m.key === f.key) : undefined;
    if (prev) prev.value = `${prev.value},${f.value}`;
    else merged.push({ ...f });
  }
  out.filters = merged;
  return out;
}
