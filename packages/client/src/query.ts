/**
 * Query-string encoding of the BrainSTEM (dynamic-rest) query language: the API description's codec
 * (`encodeQuery`/`queryPairs` of `brainstem-api-description`), with an option it cannot send thrown as the client's
 * {@link InvalidArgumentError} naming the option.
 * @module
 */

import {
  encodeQuery as encodeWire,
  QueryOptionError,
  type QueryOptions,
  queryPairs as wirePairs,
} from 'brainstem-api-description';
import { InvalidArgumentError } from './errors.js';

export type { FilterValue, QueryOptions } from 'brainstem-api-description';

function checked<T>(encode: () => T): T {
  try {
    return encode();
  } catch (e) {
    if (e instanceof QueryOptionError) throw new InvalidArgumentError(e.argument, e.message);
    throw e;
  }
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
  return checked(() => wirePairs(q));
}

/**
 * The encoded query string without `?` (empty when there is nothing to send). Every key and value is
 * percent-encoded (`{`, `}`, `[`, `]` included), as Python `requests` does.
 *
 * @example
 * ```ts
 * encodeQuery({ filters: { 'name.icontains': 'visual' } }); // 'filter%7Bname.icontains%7D=visual'
 * ```
 */
export function encodeQuery(q: QueryOptions): string {
  return checked(() => encodeWire(q));
}
