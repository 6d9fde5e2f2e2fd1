/**
 * The query parameters of a request as the server uses them: the API description's `decodeQuery`, with the first
 * problem answered as a DRF-style 400 and the page defaults filled in.
 *
 * @example
 * ```ts
 * parseQuery('filter{name.icontains}=visual&sort[]=-name&include[]=sessions.*&limit=5');
 * // { filters: [{ key: 'name.icontains', value: 'visual' }], sort: ['-name'], include: ['sessions'], limit: 5, offset: 0 }
 * ```
 */
import { DEFAULT_PAGE_SIZE, decodeQuery, type QueryFilter } from 'brainstem-api-description';
import { badRequest } from '../errors.js';

export type RawFilter = QueryFilter;

export interface ListQuery {
  filters: RawFilter[];
  sort: string[];
  include: string[];
  limit: number;
  offset: number;
}

/** Parse a raw query string (without `?`). Throws HttpError 400 naming the first parameter that cannot be used. */
export function parseQuery(search: string): ListQuery {
  const { query, problems } = decodeQuery(search);
  if (problems[0]) throw badRequest(problems[0].message);
  const { filters, sort, include, limit = DEFAULT_PAGE_SIZE, offset = 0 } = query;
  return { filters, sort, include, limit, offset };
}
