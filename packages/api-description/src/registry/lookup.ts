/**
 * Finding registry rows by name (URL name or documented alias), with suggestions for unknown names.
 * @module
 */
import { MODELS } from './models.js';
import { closest, didYouMean } from './suggest.js';
import type { FieldSpec, ModelSpec } from './types.js';

const ROWS = MODELS as readonly ModelSpec[];
const byName = new Map<string, ModelSpec>();
for (const m of ROWS) {
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
 * Valid model names ordered by closeness to `name` (edit distance, prefix and substring matches first).
 *
 * @example
 * ```ts
 * closestModels('sesion', 3); // ['session', …]
 * ```
 */
export function closestModels(name: string, count = 5): string[] {
  const ranked = closest(name, byName.keys(), byName.size).map((c) => findModel(c)?.name ?? c);
  return [...new Set(ranked)].slice(0, count);
}

/**
 * Why `name` is not a model, with the closest names, or `undefined` when it is one.
 *
 * @example
 * ```ts
 * modelProblem('sesion'); // 'unknown model `sesion`; did you mean `session`?'
 * ```
 */
export function modelProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') {
    return `model must be a model name such as "session", got ${JSON.stringify(name)}`;
  }
  if (findModel(name)) return undefined;
  return didYouMean('model', name, [...byName.keys()]);
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
export function getModelRow(name: string): ModelSpec {
  const m = findModel(name);
  if (!m) throw new TypeError(modelProblem(name));
  return m;
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
  const m = typeof model === 'string' ? getModelRow(model) : model;
  return m.fields.find((f) => f.name === field);
}

/** A model row from a row or a name. */
export function rowOf(model: ModelSpec | string): ModelSpec {
  return typeof model === 'string' ? getModelRow(model) : model;
}
