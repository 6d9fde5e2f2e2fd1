/**
 * Convenience loaders (`loadSession` in the client, `load_session` in the Python tool): default includes and
 * named filters per model, and the rule that holds each loader row to its model's fields.
 * @module
 */

import { filterKeyProblem, includeProblem } from '../protocol/query-names.js';
import { queryField } from './fields.js';
import { MODELS } from './models.js';
import type { ModelSpec } from './types.js';

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
 * Fields a loader offers as a named filter whenever its model has them: `name` (text search) and `tags`.
 *
 * @example
 * ```ts
 * LOADER_COMMON_FILTERS; // ['name', 'tags']
 * ```
 */
export const LOADER_COMMON_FILTERS: readonly string[] = ['name', 'tags'];

/**
 * What is wrong with a model's loader row: a named filter or default include its model does not have, or a
 * `name`/`tags` field the loader does not offer. Empty when the row is sound or the model has no loader.
 *
 * @example
 * ```ts
 * loaderProblems(getModel('session')); // []
 * ```
 */
export function loaderProblems(model: ModelSpec): string[] {
  const loader = model.loader;
  if (!loader) return [];
  const problems: string[] = [];
  for (const [named, key] of Object.entries(loader.filters)) {
    const p = filterKeyProblem(model, key);
    if (p) problems.push(`${model.name} loader filter \`${named}\` → \`${key}\`: ${p}`);
  }
  for (const inc of loader.includes) {
    const p = includeProblem(model, inc);
    if (p) problems.push(`${model.name} loader include \`${inc}\`: ${p}`);
  }
  for (const name of LOADER_COMMON_FILTERS) {
    if (queryField(model, name) && !(name in loader.filters)) {
      problems.push(`${model.name} has a \`${name}\` field its loader does not offer as a named filter`);
    }
  }
  return problems;
}
