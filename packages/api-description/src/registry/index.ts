/**
 * The BrainSTEM model registry: every documented endpoint as data.
 *
 * @example
 * ```ts
 * import { getModel, modelPath } from 'brainstem-api-tools/registry';
 * getModel('dataacquisition').listKey; // 'data_acquisitions'
 * modelPath('session', { portal: 'public' }); // '/api/public/stem/session/'
 * ```
 * @module brainstem-api-tools/registry
 */

import { findModel, getModelRow } from './lookup.js';
import type { ModelName } from './model-names.generated.js';
import { MODELS as ROWS } from './models.js';
import type { ModelSpec } from './types.js';

// The URL layout is protocol, not registry data; the registry entry keeps exporting modelPath.
export { modelPath } from '../protocol/paths.js';
export * from './fields.js';
export * from './ids.js';
export * from './limits.js';
export * from './loaders.js';
export { closestModels, findModel, getField, modelProblem } from './lookup.js';
export * from './loopback.js';
export * from './operators.js';
export * from './portals.js';
export * from './suggest.js';
export type * from './types.js';

/**
 * Every registry row (49 models), as literal data: names, keys, portals, actions, loaders, fields.
 *
 * @example
 * ```ts
 * MODELS.find((m) => m.name === 'session')?.listKey; // 'sessions'
 * ```
 */
export const MODELS: typeof ROWS = ROWS;

// Every model's URL name, written out as one union by scripts/gen-types.ts (from these rows) so that signatures
// show it by name.
export type { ModelName };
/**
 * The spec row of one model, with its literal types.
 *
 * @example
 * ```ts
 * type SessionRow = ModelOf<'session'>; // its registry row, literal types
 * ```
 */
export type ModelOf<M extends ModelName> = Extract<(typeof MODELS)[number], { name: M }>;
/**
 * The list-response key of a model, e.g. `'data_acquisitions'` for `'dataacquisition'`.
 *
 * @example
 * ```ts
 * type K = ListKeyOf<'dataacquisition'>; // 'data_acquisitions'
 * ```
 */
export type ListKeyOf<M extends ModelName> = ModelOf<M>['listKey'];
/**
 * The detail-response key of a model, e.g. `'data_acquisition'` for `'dataacquisition'`.
 *
 * @example
 * ```ts
 * type K = DetailKeyOf<'dataacquisition'>; // 'data_acquisition'
 * ```
 */
export type DetailKeyOf<M extends ModelName> = ModelOf<M>['detailKey'];
/**
 * Field names of a model.
 *
 * @example
 * ```ts
 * const f: FieldNameOf<'session'> = 'start_time';
 * ```
 */
export type FieldNameOf<M extends ModelName> = ModelOf<M>['fields'][number]['name'];

/**
 * Every model's URL name, in registry order.
 *
 * @example
 * ```ts
 * MODEL_NAMES.length; // 49
 * ```
 */
export const MODEL_NAMES: readonly ModelName[] = MODELS.map((m) => m.name);

const NAMES: ReadonlySet<string> = new Set(MODEL_NAMES);

/**
 * Whether `name` is a model's URL name (not an alias): narrows a name known only at run time, e.g. from a
 * command line, so it can be passed to `load`, `save`, `delete` and the bulk calls.
 *
 * @example
 * ```ts
 * const name: string = process.argv[2] ?? '';
 * if (isModelName(name)) await client.load(name, { filters: { 'name.icontains': 'rat' } });
 * ```
 */
export function isModelName(name: unknown): name is ModelName {
  return typeof name === 'string' && NAMES.has(name);
}

/**
 * The URL name of a model given by URL name or alias, in any case (`'Session'` → `'session'`), or `undefined`.
 *
 * @example
 * ```ts
 * toModelName('Session'); // 'session'
 * ```
 */
export function toModelName(name: string): ModelName | undefined {
  const found = findModel(name)?.name;
  return isModelName(found) ? found : undefined;
}

/**
 * The registry row of a model; throws a `TypeError` naming the closest valid name when unknown.
 *
 * @example
 * ```ts
 * getModel('session').detailKey; // 'session'
 * getModel('sesion'); // TypeError: unknown model `sesion`; did you mean `session`?
 * ```
 */
export function getModel<M extends ModelName>(name: M): ModelOf<M>;
export function getModel(name: string): ModelSpec;
export function getModel(name: string): ModelSpec {
  return getModelRow(name);
}
