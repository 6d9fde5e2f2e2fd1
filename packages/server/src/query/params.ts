/**
 * Parsing of the documented query parameters: `filter{field}` / `filter{field.op}`, `sort[]`,
 * `include[]`, `limit`, `offset`. The route's query schema (routes/query-schema.ts) has refused unknown parameters
 * and malformed values before this runs. Repeated `filter{x.in}` values merge into one list.
 *
 * @example
 * ```ts
 * parseQuery('filter{name.icontains}=visual&sort[]=-name&include[]=sessions.*&limit=5');
 * // { filters: [{ key: 'name.icontains', value: 'visual' }], sort: ['-name'], include: ['sessions'], limit: 5, offset: 0 }
 * ```
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from 'brainstem-api-description';

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

/** Parse a raw query string (without `?`) that passed the route's query schema. */
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
      // As DRF's LimitOffsetPagination does, a limit above the maximum is clamped.
      out.limit = Math.min(Number(value.trim()), MAX_PAGE_SIZE);
    } else if (key === 'offset') {
      out.offset = Number(value.trim());
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
