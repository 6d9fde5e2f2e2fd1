/**
 * The option keys each call accepts, as data: plain JavaScript gets no type checks, so `load`, `loadAll`,
 * `iterate`, `save`, `delete` and the client's constructor refuse a key they do not know (naming it, with the
 * closest known key) or one that belongs to another call (saying what to use instead), rather than ignore it and
 * return unfiltered data. Each table is typed against its option interface, so adding an option to the interface
 * without adding it here (or the other way round) fails to compile.
 * @module
 */

import { closest, editDistance, type ModelName } from 'brainstem-api-description';
import { InvalidArgumentError } from './errors.js';
import type {
  ClientOptions,
  DeleteOptions,
  IterateOptions,
  LoadAllOptions,
  LoadOptions,
  RawQuery,
  SaveCreateOptions,
  SaveUpdateOptions,
} from './options.js';
import type { RequestOptions } from './transport.js';

/** Every key of `T` (of each member, for a union), each exactly once. */
type KeyTable<T> = { readonly [K in T extends unknown ? keyof T : never]-?: true };

const REQUEST = { signal: true, timeout: true, maxRetries: true } as const satisfies KeyTable<RequestOptions>;
const QUERY = { ...REQUEST, portal: true, filters: true, sort: true, include: true, raw: true } as const;
const WALK = { ...QUERY, pageSize: true, offset: true, concurrency: true, onProgress: true, resume: true } as const;

/** The option keys of each call. */
export const OPTION_KEYS = {
  load: { ...QUERY, id: true, limit: true, offset: true } satisfies KeyTable<LoadOptions<ModelName>>,
  loadAll: WALK satisfies KeyTable<LoadAllOptions<ModelName>>,
  iterate: WALK satisfies KeyTable<IterateOptions<ModelName>>,
  save: { ...REQUEST, portal: true, id: true, data: true, method: true } satisfies KeyTable<
    SaveCreateOptions<ModelName> | SaveUpdateOptions<ModelName>
  >,
  delete: { ...REQUEST, portal: true, id: true } satisfies KeyTable<DeleteOptions<ModelName>>,
  raw: { filters: true, sort: true, include: true } satisfies KeyTable<RawQuery>,
  client: {
    token: true,
    url: true,
    timeout: true,
    maxRetries: true,
    retryBudgetMs: true,
    walkRetries: true,
    concurrency: true,
    fetch: true,
    logger: true,
    logLevel: true,
    allowInsecure: true,
    interactive: true,
    headless: true,
    clientName: true,
    tokenStore: true,
    backoff: true,
    onRetry: true,
  } satisfies KeyTable<ClientOptions>,
} as const;

/** A call whose options are checked. */
export type OptionsOf = keyof typeof OPTION_KEYS;

/** How each call is named in messages. */
const CALL: Record<OptionsOf, string> = {
  load: 'load(model, options)',
  loadAll: 'loadAll(model, options)',
  iterate: 'iterate(model, options)',
  save: 'save(model, options)',
  delete: 'delete(model, options)',
  raw: 'the raw query',
  client: 'new BrainstemClient(options)',
};

const PAGE_BY_HAND = 'for one page use load(model, { limit, offset })';
const ONE_RECORD = 'to load one record use load(model, { id })';

/**
 * What to use instead of a key that belongs to another call (or to the Python tool), per call; a key known to
 * another call but missing here gets the generic "applies to …" answer.
 */
const INSTEAD: Partial<Record<OptionsOf, Readonly<Record<string, string>>>> = {
  load: {
    pageSize: '`limit` sets the size of the page load answers (loadAll and iterate take pageSize)',
    all: 'to load every page use loadAll(model, options)',
    resume: 'resume carries on a failed loadAll or iterate; load fetches one page',
  },
  loadAll: {
    limit: `loadAll loads every record; pageSize sets how many each request asks for, and ${PAGE_BY_HAND}`,
    id: ONE_RECORD,
  },
  iterate: {
    limit: `iterate hands out every record (break out of the loop to stop); pageSize sets how many each request asks for, and ${PAGE_BY_HAND}`,
    id: ONE_RECORD,
  },
};

/** Keys of the Python tool (or of its REST spelling) and what they are called here. */
const PYTHON: Readonly<Record<string, string>> = {
  options:
    'a raw query string has no option of its own here: pass the query as filters, sort, include, limit, offset ' +
    '(raw for query names this package does not know), or send a query string as written with ' +
    "client.request('GET', path, { query: 'limit=1' })",
  load_all: 'use client.loadAll(model, options) to load every page',
};

/**
 * Throws an {@link InvalidArgumentError} naming the first key of `opts` that `call` does not take (keys whose value
 * is `undefined` are ignored, as everywhere else).
 *
 * @example
 * ```ts
 * checkOptionKeys('load', { filtres: {} }); // throws: unknown option `filtres` of load(model, options); did you mean `filters`?
 * ```
 */
export function checkOptionKeys(call: OptionsOf, opts: unknown, extra: readonly string[] = []): void {
  if (!opts || typeof opts !== 'object' || Array.isArray(opts)) return;
  const known: Readonly<Record<string, true>> = OPTION_KEYS[call];
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined || Object.hasOwn(known, key) || extra.includes(key)) continue;
    throw new InvalidArgumentError(key, optionProblem(call, key, [...Object.keys(known), ...extra]));
  }
}

/** The sentence for a key `call` does not take. */
function optionProblem(call: OptionsOf, key: string, known: readonly string[]): string {
  const head = `${CALL[call]} has no option \`${key}\``;
  const python = PYTHON[key];
  if (python !== undefined) return `${head}: ${python}`;
  // The Python tool's snake_case (`page_size`) is answered as its camelCase (`pageSize`).
  const name = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (name !== key && known.includes(name)) return `${head}; did you mean \`${name}\`?`;
  const instead = INSTEAD[call]?.[name];
  if (instead !== undefined) return `${head}: ${instead}`;
  const elsewhere = (Object.keys(OPTION_KEYS) as OptionsOf[]).filter(
    (c) => c !== 'raw' && c !== 'client' && Object.hasOwn(OPTION_KEYS[c], name),
  );
  if (call !== 'client' && elsewhere.length > 0) {
    return `${head}: it applies to ${elsewhere.map((c) => CALL[c]).join(' and ')}`;
  }
  const [best] = closest(key, known, 1);
  if (best !== undefined && editDistance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, key.length / 2)) {
    return `${head}; did you mean \`${best}\`?`;
  }
  return `${head}; it takes ${[...known].sort().join(', ')}`;
}
