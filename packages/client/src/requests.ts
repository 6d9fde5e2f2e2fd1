/**
 * The checked request behind each CRUD call: model, portal, id, query names and body are checked against the
 * registry before anything is sent, and turned into method, path, query and body.
 * @module
 */

import { type ModelName, type Portal, stripEnvelope } from 'brainstem-api-description';
import { InvalidArgumentError } from './errors.js';
import { checkOptionKeys } from './option-keys.js';
import type { LoadOptions } from './options.js';
import { encodeQuery } from './query.js';
import type { HttpMethod } from './transport.js';
import { checkedQuery, checkId, checkPortal, recordPath, resolveModel } from './validate.js';

/** A checked request: what to send where. */
export interface PlannedRequest {
  method: HttpMethod;
  path: string;
  /** How it authenticates: reads on the public portal go anonymous when no token is found. */
  auth: 'required' | 'optional';
  query?: string;
  body?: unknown;
}

/**
 * How a request on `portal` authenticates: the public portal goes anonymous when no token is found.
 *
 * @example
 * ```ts
 * authFor('public'); // 'optional'
 * ```
 */
export const authFor = (portal: Portal): 'required' | 'optional' => (portal === 'public' ? 'optional' : 'required');

/** `load`: a list page, or one record with `id`. */
export function loadRequest(model: string, opts: LoadOptions<ModelName>): PlannedRequest {
  const m = resolveModel(model);
  checkOptionKeys('load', opts);
  const hasId = opts.id !== undefined;
  const portal = checkPortal(m, opts.portal, hasId ? 'detail' : 'list');
  const id = hasId ? checkId(m, opts.id) : undefined;
  const query = encodeQuery({
    ...checkedQuery(m, opts),
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    ...(opts.offset !== undefined ? { offset: opts.offset } : {}),
  });
  return { method: 'GET', path: recordPath(m, portal, id), auth: authFor(portal), query };
}

/** `save`: POST without `id`, else PATCH (or PUT with `method: 'put'`). */
export function saveRequest(
  model: string,
  opts: { id?: unknown; portal?: Portal | undefined; method?: string | undefined; data: unknown },
): PlannedRequest {
  const m = resolveModel(model);
  if (!opts || typeof opts !== 'object')
    throw new InvalidArgumentError('data', 'save needs { data } (and id to update)');
  checkOptionKeys('save', opts);
  const hasId = opts.id !== undefined;
  const portal = checkPortal(m, opts.portal, hasId ? 'change' : 'add');
  const id = hasId ? checkId(m, opts.id) : undefined;
  const method = opts.method ?? 'patch';
  if (method !== 'patch' && method !== 'put') {
    throw new InvalidArgumentError('method', `method must be "patch" or "put", got ${JSON.stringify(method)}`);
  }
  if (!hasId && opts.method) throw new InvalidArgumentError('method', 'method applies to updates only: pass an id');
  const data: unknown = opts.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidArgumentError(
      'data',
      `data must be an object with the record's fields, got ${JSON.stringify(data)}`,
    );
  }
  return {
    method: hasId ? (method === 'put' ? 'PUT' : 'PATCH') : 'POST',
    path: recordPath(m, portal, id),
    auth: 'required',
    // A whole `{ session: {...} }` body sends the record; a loaded list page (the Python tool's update recipe) sends its
    // changed top-level fields.
    body: stripEnvelope(m, data),
  };
}

/** `delete`: one record by id. */
export function deleteRequest(model: string, opts: { id: unknown; portal?: Portal | undefined }): PlannedRequest {
  const m = resolveModel(model);
  checkOptionKeys('delete', opts);
  const portal = checkPortal(m, opts?.portal, 'delete');
  const id = checkId(m, opts?.id);
  return { method: 'DELETE', path: recordPath(m, portal, id), auth: 'required' };
}
