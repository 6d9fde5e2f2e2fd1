/**
 * The BrainSTEM model registry: every documented endpoint as data.
 *
 * @example
 * ```ts
 * import { getModel, modelPath } from 'brainstem-api-tools/registry';
 * getModel('dataacquisition').listKey; // 'data_acquisitions'
 * modelPath('session', { portal: 'public' }); // '/api/public/stem/session/'
 * ```
 * @module
 */
import { getModelRow, rowOf } from './lookup.js';
import { MODELS as ROWS } from './models.js';
import type { ModelSpec, Portal } from './types.js';

export * from './envelope.js';
export * from './fields.js';
export * from './ids.js';
export * from './limits.js';
export * from './loaders.js';
export { closestModels, findModel, getField, modelProblem } from './lookup.js';
export * from './loopback.js';
export * from './operators.js';
export * from './portals.js';
export * from './query-names.js';
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

/**
 * Every model's URL name, e.g. `'session'`.
 *
 * @example
 * ```ts
 * const m: ModelName = 'session';
 * ```
 */
export type ModelName = (typeof MODELS)[number]['name'];
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

/**
 * Whether `name` is a model's URL name (aliases do not count): narrows a runtime string, e.g. a command-line
 * argument, to {@link ModelName} for the client's typed methods.
 *
 * @example
 * ```ts
 * if (isModelName(arg)) await client.load(arg);
 * isModelName('sesion'); // false
 * ```
 */
export function isModelName(name: unknown): name is ModelName {
  return typeof name === 'string' && (MODEL_NAMES as readonly string[]).includes(name);
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

/**
 * Path of a model collection, record or record action, with the trailing slash the Python client uses.
 *
 * @example
 * ```ts
 * modelPath('subjectlog', { id: '…uuid…', action: 'add_entry' });
 * // '/api/private/modules/subjectlog/…uuid…/add_entry/'
 * ```
 */
export function modelPath(
  model: ModelSpec | string,
  opts: { portal?: Portal; id?: string | number; action?: string } = {},
): string {
  const m = rowOf(model);
  let path = `/api/${opts.portal ?? 'private'}/${m.app}/${m.name}/`;
  if (opts.id !== undefined) path += `${encodeURIComponent(String(opts.id))}/`;
  if (opts.action) path += `${encodeURIComponent(opts.action)}/`;
  return path;
}
