/**
 * Checks the names in a query — `filter{…}` keys, `sort[]` keys, `include[]` relations — against a model's
 * fields, following relation paths (`projects.name`) into the related model. Each check answers why a name is
 * wrong, with the closest valid name, or `undefined` when it is fine (or leads into a model the registry does not
 * know, which it cannot judge).
 * @module
 */

import { filterableFields, includableFields, isSortable, queryField, sortableFields } from './fields.js';
import { findModel } from './lookup.js';
import { isFilterOperator, operatorsFor } from './operators.js';
import { didYouMean } from './suggest.js';
import type { FieldSpec, ModelSpec } from './types.js';

const names = (fields: readonly FieldSpec[]): string[] => fields.map((f) => f.name);
const isRelation = (f: FieldSpec): boolean => f.type === 'relation' || f.type === 'relation_list';

/**
 * Why a filter key (`name.icontains`, `projects.id`, `session.subject.name.istartswith`) is not valid on `model`,
 * or `undefined`.
 *
 * @example
 * ```ts
 * filterKeyProblem(getModel('session'), 'nme.icontains'); // 'unknown field `nme` on session; did you mean `name`?'
 * filterKeyProblem(getModel('session'), 'name.range'); // 'unknown operator `range` for session.name; …'
 * ```
 */
export function filterKeyProblem(model: ModelSpec, key: string): string | undefined {
  const parts = key.split('.');
  if (parts.some((p) => p === '')) return `filter \`${key}\` has an empty part`;
  const last = parts[parts.length - 1] as string;
  const op = parts.length > 1 && isFilterOperator(last) ? (parts.pop() as string) : 'exact';
  let cur = model;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i] as string;
    const field = queryField(cur, name);
    const filterable = field && operatorsFor(field).length > 0;
    if (!field || !filterable) {
      if (field && !filterable) return `field \`${name}\` of ${cur.name} cannot be filtered on (${field.type})`;
      return didYouMean('field', name, names(filterableFields(cur)), `on ${cur.name}`);
    }
    const rest = parts.slice(i + 1);
    if (isRelation(field)) {
      if (rest.length === 0 || (rest.length === 1 && (rest[0] === 'id' || rest[0] === 'pk'))) {
        return opProblem(field, op, `${cur.name}.${name}`);
      }
      const target = findModel(field.target as string);
      if (!target) return undefined;
      cur = target;
      continue;
    }
    // `name.icontian`: after a plain field only an operator can follow.
    if (rest.length > 0) {
      return didYouMean('operator', rest[0] as string, operatorsFor(field), `for ${cur.name}.${name}`);
    }
    return opProblem(field, op, `${cur.name}.${name}`);
  }
  return undefined;
}

function opProblem(field: FieldSpec, op: string, where: string): string | undefined {
  const ops = operatorsFor(field);
  if (ops.includes(op as never)) return undefined;
  return `operator \`${op}\` does not apply to ${where} (${field.type}); use one of: ${ops.join(', ')}`;
}

/**
 * Why a sort key (`name`, `-start_time`, `subject.name`) is not valid on `model`, or `undefined`.
 *
 * @example
 * ```ts
 * sortKeyProblem(getModel('session'), '-nam'); // 'unknown sort field `nam` on session; did you mean `name`?'
 * ```
 */
export function sortKeyProblem(model: ModelSpec, key: string): string | undefined {
  const path = key.replace(/^[-+]/, '');
  const parts = path.split('.');
  const [first, ...rest] = parts;
  const field = queryField(model, first as string);
  if (!field || !isSortable(field)) {
    if (field) return `field \`${first}\` of ${model.name} cannot be sorted on (${field.type})`;
    return didYouMean('sort field', first as string, names(sortableFields(model)), `on ${model.name}`);
  }
  if (rest.length === 0) return undefined;
  if (field.type !== 'relation') return `field \`${first}\` of ${model.name} has no sub-field \`${rest.join('.')}\``;
  const target = findModel(field.target as string);
  if (!target) return undefined;
  if (rest.length > 1) return `sort \`${key}\` goes more than one relation deep; sort by \`${first}.<field>\``;
  const inner = queryField(target, rest[0] as string);
  if (!inner || !isSortable(inner)) {
    return didYouMean('sort field', rest[0] as string, names(sortableFields(target)), `on ${target.name}`);
  }
  return undefined;
}

/**
 * Why an include (`sessions`, `sessions.*`, `projects.sessions`) is not a relation path of `model`, or
 * `undefined`.
 *
 * @example
 * ```ts
 * includeProblem(getModel('project'), 'projectz'); // 'unknown relation `projectz` on project; …'
 * ```
 */
export function includeProblem(model: ModelSpec, name: string): string | undefined {
  if (name === '*') return undefined;
  const parts = name.replace(/\.\*$/, '').split('.');
  let cur: ModelSpec | undefined = model;
  for (const part of parts) {
    if (!cur) return undefined;
    const rels = includableFields(cur);
    const field = rels.find((f) => f.name === part);
    if (!field) return didYouMean('relation', part, names(rels), `on ${cur.name}`);
    cur = findModel(field.target as string);
  }
  return undefined;
}
