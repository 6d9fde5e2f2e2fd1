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
import { MODELS as ROWS } from './models.js';
import type { FieldSpec, ModelOperation, ModelSpec, Portal } from './types.js';

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
 * The portals, private first (the default).
 *
 * @example
 * ```ts
 * PORTALS; // ['private', 'public']
 * ```
 */
export const PORTALS: readonly Portal[] = ['private', 'public'];

const byName = new Map<string, ModelSpec>();
for (const m of MODELS as readonly ModelSpec[]) {
  byName.set(m.name, m);
  for (const alias of m.aliases ?? []) byName.set(alias, m);
}

/**
 * The registry row of a model, by URL name or documented alias; `undefined` when unknown.
 *
 * @example
 * ```ts
 * findModel('project_membership_invitation')?.name; // 'projectmembershipinvitation'
 * ```
 */
export function findModel(name: string): ModelSpec | undefined {
  return byName.get(name) ?? byName.get(name.toLowerCase());
}

/**
 * The registry row of a model; throws a `TypeError` listing the closest valid names when unknown.
 *
 * @example
 * ```ts
 * getModel('session').detailKey; // 'session'
 * getModel('sesion'); // TypeError: Unknown model "sesion". Did you mean: session, …
 * ```
 */
export function getModel<M extends ModelName>(name: M): ModelOf<M>;
export function getModel(name: string): ModelSpec;
export function getModel(name: string): ModelSpec {
  const m = findModel(name);
  if (!m) {
    throw new TypeError(
      `Unknown model "${name}". Did you mean: ${closestModels(name).join(', ')}? ` +
        `(${MODEL_NAMES.length} models: run \`brainstem models\` or see MODEL_NAMES)`,
    );
  }
  return m;
}

/**
 * Valid model names ordered by closeness to `name` (edit distance, prefix and substring matches first).
 *
 * @example
 * ```ts
 * closestModels('sesion', 3); // ['session', …]
 * ```
 */
export function closestModels(name: string, count = 5): string[] {
  const q = name.toLowerCase();
  const candidates = [...byName.keys()];
  const scored = candidates.map((c) => {
    let score = editDistance(q, c);
    if (c.startsWith(q) || q.startsWith(c)) score -= 2;
    else if (c.includes(q) || q.includes(c)) score -= 1;
    return { c: findModel(c)?.name ?? c, score };
  });
  scored.sort((a, b) => a.score - b.score || a.c.localeCompare(b.c));
  return [...new Set(scored.map((s) => s.c))].slice(0, count);
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/**
 * Field spec by name, or `undefined`.
 *
 * @example
 * ```ts
 * getField('session', 'name')?.maxLength;
 * ```
 */
export function getField(model: ModelSpec | string, field: string): FieldSpec | undefined {
  const m = typeof model === 'string' ? getModel(model) : model;
  return m.fields.find((f) => f.name === field);
}

/**
 * Whether `portal` is allowed for a CRUD operation or special action of a model.
 *
 * @example
 * ```ts
 * allowsPortal(getModel('session'), 'add', 'public'); // false
 * ```
 */
export function allowsPortal(model: ModelSpec, op: ModelOperation | string, portal: Portal): boolean {
  const list =
    (model.portals as Record<string, readonly Portal[] | undefined>)[op] ??
    model.actions?.find((a) => a.name === op)?.portals;
  return list?.includes(portal) ?? false;
}

/**
 * Models that have a convenience loader (`load<Model>` in the client, `load_<model>` in Python).
 *
 * @example
 * ```ts
 * LOADER_MODELS.map((m) => m.name); // ['cohort', 'collection', 'project', …]
 * ```
 */
export const LOADER_MODELS: readonly ModelSpec[] = (MODELS as readonly ModelSpec[]).filter((m) => m.loader);

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
  const m = typeof model === 'string' ? getModel(model) : model;
  let path = `/api/${opts.portal ?? 'private'}/${m.app}/${m.name}/`;
  if (opts.id !== undefined) path += `${encodeURIComponent(String(opts.id))}/`;
  if (opts.action) path += `${encodeURIComponent(opts.action)}/`;
  return path;
}

/**
 * Whether a model's record ids are integers (users and groups) rather than UUID strings.
 *
 * @example
 * ```ts
 * hasIntegerIds('user'); // true
 * ```
 */
export function hasIntegerIds(model: ModelSpec | string): boolean {
  const m = typeof model === 'string' ? getModel(model) : model;
  return m.fields.find((f) => f.name === 'id')?.type === 'integer';
}
