/**
 * Checks model, portal, operation, id and query names before anything is sent, so nothing like `../` ever
 * reaches a URL and a misspelt field fails here rather than as a server 400. The rules are the registry's; this
 * module turns their answers into {@link InvalidArgumentError}s.
 * @module
 */

import type { ModelOperation, ModelSpec, Portal } from 'brainstem-api-description';
import {
  DEFAULT_PORTAL,
  filterKeyProblem,
  findModel,
  idProblem,
  includeProblem,
  modelPath,
  modelProblem,
  portalProblem,
  sortKeyProblem,
} from 'brainstem-api-description';
import { InvalidArgumentError } from './errors.js';
import { checkOptionKeys } from './option-keys.js';
import type { ClientOptions, RawQuery } from './options.js';
import type { FilterValue, QueryOptions } from './query.js';

/** The registry row of `name` (URL name or alias), or an {@link InvalidArgumentError} naming the closest name. */
export function resolveModel(name: unknown): ModelSpec {
  const problem = modelProblem(name);
  if (problem) throw new InvalidArgumentError('model', problem);
  return findModel(name as string) as ModelSpec;
}

/** Checks the portal value and that the model offers `op` there. */
export function checkPortal(m: ModelSpec, portal: unknown, op: ModelOperation | string): Portal {
  const problem = portalProblem(m, portal, op);
  if (problem) throw new InvalidArgumentError(problem.what, problem.message);
  return (portal ?? DEFAULT_PORTAL) as Portal;
}

/** Checks an id: a UUID, or a positive integer for users and groups. Returns its string form. */
export function checkId(m: ModelSpec, id: unknown): string {
  const problem = idProblem(m, id);
  if (problem) throw new InvalidArgumentError('id', problem);
  return String(id);
}

/**
 * Checks the filter keys, sort keys and includes of a query against the model's fields and relations (relation
 * paths are followed into related models). Throws an {@link InvalidArgumentError} naming the argument and the
 * closest valid name.
 */
export function checkQueryNames(
  m: ModelSpec,
  q: {
    filters?: object | undefined;
    sort?: readonly string[] | string | undefined;
    include?: readonly string[] | string | undefined;
  },
): void {
  if (q.filters && typeof q.filters === 'object' && !Array.isArray(q.filters)) {
    for (const [key, value] of Object.entries(q.filters)) {
      if (value === undefined || typeof key !== 'string') continue;
      const problem = filterKeyProblem(m, key);
      if (problem) throw new InvalidArgumentError('filters', `filters["${key}"]: ${problem}`);
    }
  }
  for (const s of typeof q.sort === 'string' ? [q.sort] : (q.sort ?? [])) {
    if (typeof s !== 'string' || s === '' || s === '-') continue; // the encoder reports these
    const problem = sortKeyProblem(m, s);
    if (problem) throw new InvalidArgumentError('sort', `sort "${s}": ${problem}`);
  }
  for (const i of typeof q.include === 'string' ? [q.include] : (q.include ?? [])) {
    if (typeof i !== 'string' || i === '') continue;
    const problem = includeProblem(m, i);
    if (problem) throw new InvalidArgumentError('include', `include "${i}": ${problem}`);
  }
}

/** The API path of a collection, record or record action, after every check. */
export function recordPath(m: ModelSpec, portal: Portal, id?: string, action?: string): string {
  if (action !== undefined && !/^[a-z][a-z_]*$/.test(action)) {
    throw new InvalidArgumentError('action', `invalid action name ${JSON.stringify(action)}`);
  }
  return modelPath(m, { portal, ...(id !== undefined ? { id } : {}), ...(action ? { action } : {}) });
}

/**
 * The filters, sort keys and includes of a query, after checking their names against the registry, with the
 * unchecked `raw` part appended.
 */
export function checkedQuery(
  m: ModelSpec,
  opts: {
    filters?: object | undefined;
    sort?: readonly string[] | string | undefined;
    include?: readonly string[] | string | undefined;
    raw?: RawQuery | undefined;
  },
): QueryOptions {
  checkOptionKeys('raw', opts.raw);
  checkQueryNames(m, opts);
  const raw = opts.raw ?? {};
  const list = (v: readonly string[] | string | undefined): readonly string[] =>
    v === undefined ? [] : typeof v === 'string' ? [v] : v;
  const filters = { ...(opts.filters as Record<string, FilterValue | undefined> | undefined), ...raw.filters };
  const sort = [...list(opts.sort), ...list(raw.sort)];
  const include = [...list(opts.include), ...list(raw.include)];
  return {
    ...(opts.filters !== undefined || raw.filters !== undefined ? { filters } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    ...(include.length > 0 ? { include } : {}),
  };
}

/**
 * Rejects client options of the wrong kind before anything else happens.
 *
 * @example
 * ```ts
 * checkClientOptions({ timeout: 0 }); // throws InvalidArgumentError: timeout must be a number ≥ 1, got 0
 * ```
 */
export function checkClientOptions(options: ClientOptions): void {
  checkOptionKeys('client', options);
  for (const k of ['timeout', 'maxRetries', 'concurrency', 'retryBudgetMs', 'walkRetries'] as const) {
    const v = options[k];
    const min = k === 'maxRetries' || k === 'retryBudgetMs' || k === 'walkRetries' ? 0 : 1;
    if (v !== undefined && (!Number.isFinite(v) || v < min)) {
      throw new InvalidArgumentError(k, `${k} must be a number ≥ ${min}, got ${v}`);
    }
  }
  if (options.token !== undefined && typeof options.token !== 'string' && typeof options.token !== 'function') {
    throw new InvalidArgumentError('token', 'token must be a string or a function returning one');
  }
}
