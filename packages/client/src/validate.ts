/**
 * Checks model, portal, operation and id before anything is sent, so nothing like `../` ever reaches a URL.
 * @module
 */
import { InvalidArgumentError } from './errors.js';
import type { ModelOperation, ModelSpec, Portal } from './registry/index.js';
import { allowsPortal, closestModels, findModel, hasIntegerIds, MODEL_NAMES, modelPath } from './registry/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The registry row of `name` (URL name or alias), or an {@link InvalidArgumentError} listing the closest names. */
export function resolveModel(name: unknown): ModelSpec {
  if (typeof name !== 'string' || !name) {
    throw new InvalidArgumentError(
      'model',
      `model must be a model name such as "session", got ${JSON.stringify(name)}`,
    );
  }
  const m = findModel(name);
  if (!m) {
    throw new InvalidArgumentError(
      'model',
      `Unknown model "${name}". Did you mean: ${closestModels(name, 5).join(', ')}? ` +
        `(valid models: ${MODEL_NAMES.join(', ')})`,
    );
  }
  return m;
}

/** Checks the portal value and that the model offers `op` there. */
export function checkPortal(m: ModelSpec, portal: unknown, op: ModelOperation | string): Portal {
  const p = portal ?? 'private';
  if (p !== 'private' && p !== 'public') {
    throw new InvalidArgumentError('portal', `portal must be "private" or "public", got ${JSON.stringify(portal)}`);
  }
  const offered =
    (m.portals as Record<string, readonly Portal[] | undefined>)[op] ?? m.actions?.find((a) => a.name === op)?.portals;
  if (!offered || offered.length === 0) {
    throw new InvalidArgumentError('model', `The ${m.name} endpoint does not offer "${op}" (see its API page)`);
  }
  if (!allowsPortal(m, op, p)) {
    throw new InvalidArgumentError(
      'portal',
      `${m.name}: "${op}" is not available on the ${p} portal (allowed: ${offered.join(', ')})`,
    );
  }
  return p;
}

/** Checks an id: a UUID, or a positive integer for users and groups. Returns its string form. */
export function checkId(m: ModelSpec, id: unknown): string {
  if (hasIntegerIds(m)) {
    const s = typeof id === 'number' ? String(id) : id;
    if (typeof s === 'string' && /^[1-9][0-9]{0,15}$/.test(s)) return s;
    throw new InvalidArgumentError('id', `${m.name} ids are positive integers, got ${JSON.stringify(id)}`);
  }
  if (typeof id === 'string' && UUID.test(id)) return id;
  throw new InvalidArgumentError(
    'id',
    `${m.name} id must be a UUID like "3fa85f64-5717-4562-b3fc-2c963f66afa6", got ${JSON.stringify(id)}`,
  );
}

/** The API path of a collection, record or record action, after every check. */
export function recordPath(m: ModelSpec, portal: Portal, id?: string, action?: string): string {
  if (action !== undefined && !/^[a-z][a-z_]*$/.test(action)) {
    throw new InvalidArgumentError('action', `invalid action name ${JSON.stringify(action)}`);
  }
  return modelPath(m, { portal, ...(id !== undefined ? { id } : {}), ...(action ? { action } : {}) });
}
