/**
 * The query wire format of list and detail requests (dynamic-rest, as the official Python v2 client sends it):
 * `filter{name.icontains}=visual`, `sort[]=-name`, `include[]=sessions.*`, `limit`, `offset`, `format`.
 * `encodeQuery` writes the canonical form, `decodeQuery` reads it back (and the tolerated spellings) with a problem
 * per unusable parameter; `QUERY_PARAMETERS` is the table both read. The codec knows no model: whether a filter,
 * sort or include name exists is a question for the registry.
 *
 * @example
 * ```ts
 * encodeQuery({ filters: { 'name.icontains': 'visual' }, sort: ['-name'], limit: 5 });
 * // 'filter%7Bname.icontains%7D=visual&sort%5B%5D=-name&limit=5'
 * decodeQuery('filter{name.icontains}=visual&sort[]=-name&limit=5').query;
 * // { filters: [{ key: 'name.icontains', value: 'visual' }], sort: ['-name'], include: [], limit: 5 }
 * ```
 * @module
 */

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSizeProblem, readPageSize } from '../registry/limits.js';
import { shownValue } from './shown-value.js';

/** The query parameters: canonical name, tolerated spellings, and how a value reads. */
export interface QueryParameter {
  /** The name as the Python v2 client sends it; for filters the form `filter{field}` / `filter{field.operator}`. */
  readonly name: string;
  /** Other names the decoder reads as this parameter (what other clients send). */
  readonly aliases: readonly string[];
  /** Sent once per value (`sort[]=a&sort[]=b`); a repeatable parameter also reads comma lists (`sort=a,b`). */
  readonly repeatable: boolean;
  /** The operations that read it. */
  readonly on: readonly ('list' | 'detail')[];
  /** JSON Schema of one parameter's value(s). */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly description: string;
}

/**
 * Every query parameter of the API, by role. Anything else is a problem naming the parameter: an ignored one would
 * silently return unfiltered data.
 *
 * @example
 * ```ts
 * QUERY_PARAMETERS.limit.aliases; // ['per_page']
 * ```
 */
export const QUERY_PARAMETERS = {
  filter: {
    name: 'filter{field.operator}',
    aliases: [],
    repeatable: true,
    on: ['list'],
    schema: { type: 'string' },
    description: 'A filter on a field (`filter{name}`) or with an operator (`filter{name.icontains}`).',
  },
  sort: {
    name: 'sort[]',
    aliases: ['sort'],
    repeatable: true,
    on: ['list'],
    schema: { type: 'array', items: { type: 'string' } },
    description: 'Sort keys (`-` for descending), e.g. `-start_time`; repeat for several.',
  },
  include: {
    name: 'include[]',
    aliases: ['include'],
    repeatable: true,
    on: ['list', 'detail'],
    schema: { type: 'array', items: { type: 'string' } },
    description: 'Relations to embed in full, e.g. `sessions.*`; repeat for several.',
  },
  limit: {
    name: 'limit',
    aliases: ['per_page'],
    repeatable: false,
    on: ['list'],
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    description: `Page size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
  },
  offset: {
    name: 'offset',
    aliases: [],
    repeatable: false,
    on: ['list'],
    schema: { type: 'integer', minimum: 0, default: 0 },
    description: 'Records to skip.',
  },
  format: {
    name: 'format',
    aliases: [],
    repeatable: false,
    on: ['list', 'detail'],
    schema: { type: 'string', enum: ['json', 'api'] },
    description:
      'The response format: `json` for the JSON answer (also in a browser), `api` for the Web API Tool page (what a browser gets without `format`).',
  },
} as const satisfies Record<string, QueryParameter>;

/** The separator of the values of one `.in` filter (`filter{id.in}=a,b`) and of comma lists. */
export const LIST_SEPARATOR = ',';

/**
 * The wire name of a filter: `filterParam('name', 'icontains')` → `filter{name.icontains}`; `exact` and no operator
 * give `filter{name}`.
 *
 * @example
 * ```ts
 * filterParam('projects.id'); // 'filter{projects.id}'
 * ```
 */
export function filterParam(field: string, operator?: string): string {
  return operator === undefined || operator === 'exact' ? `filter{${field}}` : `filter{${field}.${operator}}`;
}

/**
 * An include name → the form the Python client sends (`rel.*`).
 *
 * @example
 * ```ts
 * includeParam('sessions'); // 'sessions.*'
 * ```
 */
export function includeParam(name: string): string {
  return name === '*' || name.endsWith('.*') ? name : `${name}.*`;
}

/**
 * The relation path an include names: its one `.*` suffix dropped (`rel.*.*` keeps a `*` segment, which no relation
 * path has).
 *
 * @example
 * ```ts
 * includeName('sessions.projects.*'); // 'sessions.projects'
 * ```
 */
export function includeName(param: string): string {
  return param.replace(/\.\*$/, '');
}

/**
 * A filter value: scalars, dates, or — for `.in` filters only — a non-empty list, sent as one comma-joined value
 * (`{ 'id.in': [a, b] }` → `filter{id.in}=a,b`, what the Python client sends for `'a,b'`).
 *
 * @example
 * ```ts
 * const since: FilterValue = new Date('2024-01-01');
 * ```
 */
export type FilterValue = string | number | boolean | Date | readonly (string | number | boolean | Date)[];

/** One filter as it travels: the text between the braces and the value. */
export interface QueryFilter {
  /** E.g. `projects.id` or `name.icontains`. */
  key: string;
  value: string;
}

/**
 * Query options: what `encodeQuery` writes.
 *
 * @example
 * ```ts
 * encodeQuery({ filters: { name: 'x' }, sort: '-name', limit: 10 });
 * ```
 */
export interface QueryOptions {
  /**
   * `{ 'name.icontains': 'visual' }` → `filter{name.icontains}=visual`. Multiple filters AND together. A list of
   * `{ key, value }` (what `decodeQuery` returns) may repeat a key.
   */
  filters?:
    | Readonly<Record<string, FilterValue | undefined>>
    | readonly { readonly key: string; readonly value: FilterValue | undefined }[];
  /** Field names; prefix with `-` for descending. */
  sort?: readonly string[] | string;
  /** Relations to embed in full; `'sessions'` is sent as `include[]=sessions.*`. */
  include?: readonly string[] | string;
  /** Page size, 1..`MAX_PAGE_SIZE` (100; server default `DEFAULT_PAGE_SIZE`, 20). */
  limit?: number;
  /** Records to skip. */
  offset?: number;
  /** Response format: `json` (what a client reads), or `api` for the Web API Tool's page. */
  format?: ResponseFormat;
}

/**
 * A decoded query: filters in order (repeated `.in` filters merged), sort keys, include names without `.*`, and
 * `limit`/`offset`/`format` when sent. Encoding it gives the canonical form of the same query.
 */
export interface WireQuery {
  filters: QueryFilter[];
  sort: string[];
  include: string[];
  limit?: number;
  offset?: number;
  format?: ResponseFormat;
}

/** A query parameter that cannot be used, and why (the message names the parameter). */
export interface QueryProblem {
  /** The parameter as sent, e.g. `limit`, `per_page`, `filter[name]`. */
  parameter: string;
  message: string;
}

/**
 * An option `encodeQuery` cannot send; `argument` names it (`filters`, `sort`, `include`, `limit`, `offset`,
 * `format`).
 *
 * @example
 * ```ts
 * try { encodeQuery({ limit: 0 }); } catch (e) { (e as QueryOptionError).argument; } // 'limit'
 * ```
 */
export class QueryOptionError extends TypeError {
  override name = 'QueryOptionError';
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.argument = argument;
  }
}

/**
 * Why `value` is not a valid `offset`, or `undefined` when it is a non-negative integer.
 *
 * @example
 * ```ts
 * offsetProblem(-1); // 'offset must be a non-negative integer, got -1'
 * ```
 */
export function offsetProblem(value: unknown, name = 'offset'): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return undefined;
  return `${name} must be a non-negative integer, got ${shownValue(value)}`;
}

/**
 * The formats of an answer: `json` is the API's, `api` the Web API Tool's HTML page of the same answer. Clients
 * send only `json`.
 */
export const RESPONSE_FORMATS = ['json', 'api'] as const;
/** One of {@link RESPONSE_FORMATS}. */
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

const formatProblem = (value: unknown) => `format must be "json" or "api", got ${shownValue(value)}`;

const fail = (argument: string, message: string): never => {
  throw new QueryOptionError(argument, message);
};

/** Half of a surrogate pair without its other half: not text, and `encodeURIComponent` cannot encode it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function scalar(key: string, v: unknown): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) fail('filters', `filters["${key}"] is an invalid Date`);
    return v.toISOString();
  }
  if (typeof v === 'number' && !Number.isFinite(v)) {
    fail('filters', `filters["${key}"] must be a finite number, got ${v}`);
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    fail('filters', `filters["${key}"] must be a string, number, boolean or Date`);
  }
  if (typeof v === 'string' && LONE_SURROGATE.test(v)) {
    fail('filters', `filters["${key}"] holds a lone UTF-16 surrogate, which cannot be sent in a URL`);
  }
  return String(v);
}

/**
 * A list filter value → one comma-joined value. Only `.in` takes a list: every server reads `filter{id.in}=a,b`,
 * while repeated parameters are read differently by different servers; a list on any other lookup is a mistake.
 */
function inList(key: string, values: readonly unknown[]): string {
  if (!key.endsWith('.in')) {
    fail(
      'filters',
      `filters["${key}"] is a list, but only ".in" filters take a list (e.g. { "id.in": [a, b] }); pass one value`,
    );
  }
  // Dropping the filter would return every record; an empty `.in` means "none", which needs no request.
  if (values.length === 0) fail('filters', `filters["${key}"] is an empty list; it would match nothing`);
  return values
    .map((v) => {
      const s = scalar(key, v);
      if (s.includes(LIST_SEPARATOR)) {
        fail('filters', `filters["${key}"] value "${s}" contains a comma, the list separator`);
      }
      return s;
    })
    .join(LIST_SEPARATOR);
}

function filterEntries(filters: QueryOptions['filters']): [string, unknown][] {
  if (filters === undefined) return [];
  if (Array.isArray(filters)) {
    return filters.map((f: unknown) => {
      if (!f || typeof f !== 'object' || typeof (f as QueryFilter).key !== 'string') {
        return fail('filters', 'filters given as a list must hold { key, value } objects');
      }
      return [(f as QueryFilter).key, (f as QueryFilter).value];
    });
  }
  if (typeof filters !== 'object' || filters === null) {
    fail('filters', 'filters must be an object like { "name.icontains": "visual" }');
  }
  return Object.entries(filters);
}

/** A sort key or include name as one value: not empty, no comma (the list separator), no surrounding spaces. */
function listItem(argument: 'sort' | 'include', v: unknown): string {
  if (
    typeof v !== 'string' ||
    !v ||
    v === '-' ||
    v.trim() !== v ||
    v.includes(LIST_SEPARATOR) ||
    LONE_SURROGATE.test(v)
  ) {
    fail(argument, `invalid ${argument === 'sort' ? 'sort field' : 'include'} ${JSON.stringify(v)}`);
  }
  return v as string;
}

const items = (v: readonly string[] | string | undefined): readonly string[] =>
  v === undefined ? [] : typeof v === 'string' ? [v] : v;

/**
 * The ordered `[key, value]` pairs of a query (unencoded), in canonical form. Throws {@link QueryOptionError}
 * naming the option that cannot be sent.
 *
 * @example
 * ```ts
 * queryPairs({ filters: { 'name.icontains': 'visual' }, sort: ['-name'], include: ['sessions'], limit: 10 });
 * // [['filter{name.icontains}', 'visual'], ['sort[]', '-name'], ['include[]', 'sessions.*'], ['limit', '10']]
 * ```
 */
export function queryPairs(q: QueryOptions): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of filterEntries(q.filters)) {
    if (value === undefined) continue;
    if (!key || /[{}]/.test(key) || key.trim() !== key || LONE_SURROGATE.test(key)) {
      fail('filters', `filter name "${key}" is empty, contains braces or has surrounding spaces`);
    }
    out.push([filterParam(key), Array.isArray(value) ? inList(key, value) : scalar(key, value)]);
  }
  for (const s of items(q.sort)) out.push([QUERY_PARAMETERS.sort.name, listItem('sort', s)]);
  const included = new Set<string>();
  for (const i of items(q.include)) {
    const param = includeParam(listItem('include', i));
    if (param === '.*') fail('include', `invalid include ${JSON.stringify(i)}`);
    if (!included.has(param)) out.push([QUERY_PARAMETERS.include.name, param]);
    included.add(param);
  }
  if (q.limit !== undefined) {
    const problem = pageSizeProblem(q.limit, 'limit');
    if (problem) fail('limit', problem);
    out.push([QUERY_PARAMETERS.limit.name, String(q.limit)]);
  }
  if (q.offset !== undefined) {
    const problem = offsetProblem(q.offset);
    if (problem) fail('offset', problem);
    out.push([QUERY_PARAMETERS.offset.name, String(q.offset)]);
  }
  if (q.format !== undefined) {
    if (!(RESPONSE_FORMATS as readonly unknown[]).includes(q.format)) fail('format', formatProblem(q.format));
    out.push([QUERY_PARAMETERS.format.name, q.format]);
  }
  return out;
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
  return queryPairs(q)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

const FILTER_KEY = /^filter\{(.*)\}$/;

/** `name` is `param`'s canonical name or one of its aliases. */
const is = (param: QueryParameter, name: string) => param.name === name || param.aliases.includes(name);

/** A non-negative integer as sent (digits only, surrounding spaces allowed), else `undefined`. */
function wireInteger(raw: string): number | undefined {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The two forms of a filter parameter, for messages. */
const FILTER_FORMS = `${filterParam('field')} or ${filterParam('field', 'operator')}`;

/** The documented parameters, for a message about one that is not. */
const KNOWN = `Use ${FILTER_FORMS}, ${Object.values(QUERY_PARAMETERS)
  .filter((p) => p !== QUERY_PARAMETERS.filter && p !== QUERY_PARAMETERS.format)
  .map((p) => p.name)
  .join(', ')}.`;

/**
 * Reads a query string (without `?`) or its parameters: the canonical form `encodeQuery` writes, and what other
 * clients send — `sort`/`include` without brackets, comma lists, `per_page` for `limit`, `include[]=rel` for
 * `rel.*`. Repeated `filter{x.in}` values merge into one list, as dynamic-rest reads them; other repeated filters
 * stay apart (they AND). A `limit` above `MAX_PAGE_SIZE` reads as the maximum, as DRF's LimitOffsetPagination
 * clamps it. Every parameter that cannot be used is a problem naming it; the rest are still read.
 *
 * @example
 * ```ts
 * decodeQuery('sort=-name,id&per_page=500&page=2');
 * // { query: { filters: [], sort: ['-name', 'id'], include: [], limit: 100 },
 * //   problems: [{ parameter: 'page', message: 'Unknown query parameter "page". Use filter{field} …' }] }
 * ```
 */
export function decodeQuery(params: string | URLSearchParams): { query: WireQuery; problems: QueryProblem[] } {
  const query: WireQuery = { filters: [], sort: [], include: [] };
  const problems: QueryProblem[] = [];
  const problem = (parameter: string, message: string) => problems.push({ parameter, message });
  const list = (value: string) =>
    value
      .split(LIST_SEPARATOR)
      .map((s) => s.trim())
      .filter(Boolean);
  for (const [key, value] of typeof params === 'string' ? utf8Params(params, problem) : params) {
    const filter = FILTER_KEY.exec(key);
    if (filter) {
      const name = (filter[1] as string).trim();
      const merged = name.endsWith('.in') ? query.filters.find((f) => f.key === name) : undefined;
      if (merged) merged.value = `${merged.value}${LIST_SEPARATOR}${value}`;
      else query.filters.push({ key: name, value });
    } else if (is(QUERY_PARAMETERS.sort, key)) {
      query.sort.push(...list(value));
    } else if (is(QUERY_PARAMETERS.include, key)) {
      for (const s of list(value)) {
        const name = includeName(s);
        if (name && !query.include.includes(name)) query.include.push(name);
      }
    } else if (is(QUERY_PARAMETERS.limit, key)) {
      const read = readPageSize(value, key);
      if ('problem' in read) problem(key, read.problem);
      else query.limit = read.limit;
    } else if (is(QUERY_PARAMETERS.offset, key)) {
      const n = wireInteger(value);
      if (n === undefined) problem(key, offsetProblem(value, key) as string);
      else query.offset = n;
    } else if (is(QUERY_PARAMETERS.format, key)) {
      if ((RESPONSE_FORMATS as readonly string[]).includes(value)) query.format = value as ResponseFormat;
      else problem(key, formatProblem(value));
    } else if (key.startsWith('filter{') || key.startsWith('filter[')) {
      problem(key, `Malformed filter parameter "${key}": use ${FILTER_FORMS}.`);
    } else {
      // curl globbing turns filter{name} into filtername unless told not to.
      const hint = /^(filter|sort|include)/.test(key)
        ? ' With curl, pass -g (--globoff) so {} and [] reach the server.'
        : '';
      problem(key, `Unknown query parameter "${key}". ${KNOWN}${hint}`);
    }
  }
  return { query, problems };
}

/**
 * The parameters of a query string whose names and values are UTF-8 once percent-decoded. `URLSearchParams` would
 * turn `%ff%fe` into replacement characters, and a filter on them would quietly match nothing; such a parameter
 * is a problem naming it instead.
 */
function utf8Params(search: string, problem: (parameter: string, message: string) => void): URLSearchParams {
  const kept: string[] = [];
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawKey, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const bad = [rawKey, rawValue].find((part) => !decodesAsUtf8(part));
    if (bad === undefined) {
      kept.push(pair);
      continue;
    }
    const name = new URLSearchParams(`${rawKey}=`).keys().next().value ?? rawKey;
    const what = bad === rawKey ? 'name' : 'value';
    problem(name, `The ${what} of query parameter "${name}" is not UTF-8 text once percent-decoded ("${bad}").`);
  }
  return new URLSearchParams(kept.join('&'));
}

/** Whether the `%XX` escapes of `part` spell UTF-8 (a `%` without two hex digits is itself, as URLSearchParams reads it). */
function decodesAsUtf8(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/%(?![0-9a-f]{2})/gi, '%25'));
    return true;
  } catch {
    return false;
  }
}

/**
 * The `next` or `previous` link of a list page: the request URL with `limit` set and `offset` set (left out at 0),
 * every other parameter kept where it was, as DRF's LimitOffsetPagination writes them. `{`, `}` and `[]` stay
 * readable in the link.
 *
 * @example
 * ```ts
 * pageLink('https://host/api/private/stem/session/?sort%5B%5D=name', { limit: 10, offset: 20 });
 * // 'https://host/api/private/stem/session/?sort[]=name&limit=10&offset=20'
 * ```
 */
export function pageLink(url: string | URL, page: { limit: number; offset: number }): string {
  const u = new URL(url);
  u.searchParams.set(QUERY_PARAMETERS.limit.name, String(page.limit));
  if (page.offset > 0) u.searchParams.set(QUERY_PARAMETERS.offset.name, String(page.offset));
  else u.searchParams.delete(QUERY_PARAMETERS.offset.name);
  return u.href
    .replace(/%7B/gi, '{')
    .replace(/%7D/gi, '}')
    .replace(/%5B%5D/gi, '[]');
}

/**
 * The offset a page link (absolute, or relative to the list) asks for, read as the codec reads `offset`;
 * `undefined` when the link has none or one that is not a non-negative integer.
 *
 * @example
 * ```ts
 * pageLinkOffset('https://host/api/private/stem/session/?limit=10&offset=20'); // 20
 * pageLinkOffset('?page=2'); // undefined
 * ```
 */
export function pageLinkOffset(link: unknown): number | undefined {
  if (typeof link !== 'string' || link === '') return undefined;
  let params: URLSearchParams;
  try {
    params = new URL(link, 'http://base.invalid/').searchParams;
  } catch {
    return undefined;
  }
  return decodeQuery(params).query.offset;
}
