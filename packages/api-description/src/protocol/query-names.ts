/**
 * The one resolver of query names — `filter{…}` keys, `sort[]` keys and `include[]` paths — against the registry.
 * Each resolver answers either the resolved path (the relation hops, the final field, and the operator, the
 * direction or the include depth) or one problem, worded once, with the closest valid name. The client checks a
 * query with it before sending; the server compiles SQL from the resolved path and answers 400 with the problem.
 * @module
 */

import { filterableFields, includableFields, isSortable, queryField, sortableFields } from '../registry/fields.js';
import { findModel } from '../registry/lookup.js';
import { type FilterOperator, isFilterOperator, operatorsFor } from '../registry/operators.js';
import { didYouMean } from '../registry/suggest.js';
import type { FieldSpec, ModelSpec } from '../registry/types.js';
import { includeName } from './query.js';

/**
 * Longest `include[]` path, in relations (`sessions.projects.subjects` is 3).
 *
 * @example
 * ```ts
 * resolveInclude(getModel('project'), 'sessions.projects.sessions.projects').problem;
 * // 'includes nest at most 3 relations deep (this one is 4)'
 * ```
 */
export const MAX_INCLUDE_DEPTH = 3;

/**
 * One relation followed by a query name: `field` (a relation of `model`) leads into `target`.
 *
 * @example
 * ```ts
 * resolveFilter(getModel('session'), 'projects.name').path?.hops[0]?.field.name; // 'projects'
 * ```
 */
export interface Hop {
  readonly model: ModelSpec;
  readonly field: FieldSpec;
  /** The related model, or `undefined` for a relation into a model without an endpoint (`session.epochs`). */
  readonly target: ModelSpec | undefined;
  /** The dotted path from the queried model up to and including this relation (`sessions.projects`). */
  readonly path: string;
}

/**
 * A resolved `filter{…}` key. `field` belongs to `model` (the model the hops end on); a relation or relation list
 * as the final field compares the related ids (`projects`, `projects.id` and `projects.pk` resolve alike).
 *
 * @example
 * ```ts
 * resolveFilter(getModel('session'), 'projects.id.in').path?.field.name; // 'projects'
 * ```
 */
export interface FilterPath {
  readonly key: string;
  readonly hops: readonly Hop[];
  readonly model: ModelSpec;
  readonly field: FieldSpec;
  readonly operator: FilterOperator;
}

/**
 * A resolved `sort[]` key: at most one relation hop, then a sortable field (a relation sorts by its id).
 *
 * @example
 * ```ts
 * resolveSort(getModel('behavior'), '-session.name').path?.field.name; // 'name'
 * ```
 */
export interface SortPath {
  readonly key: string;
  readonly direction: 'asc' | 'desc';
  readonly hops: readonly Hop[];
  readonly model: ModelSpec;
  readonly field: FieldSpec;
}

/**
 * A resolved `include[]` path: its relations from the queried model down, at most {@link MAX_INCLUDE_DEPTH}.
 *
 * @example
 * ```ts
 * resolveInclude(getModel('project'), 'sessions.projects').path?.hops.map((h) => h.path); // ['sessions', 'sessions.projects']
 * ```
 */
export interface IncludePath {
  readonly name: string;
  readonly hops: readonly Hop[];
}

/**
 * Either the resolved path or the one problem with it.
 *
 * @example
 * ```ts
 * const r = resolveSort(getModel('session'), '-nam');
 * if (r.problem) console.error(r.problem); // unknown sort field `nam` on session; did you mean `name`?
 * ```
 */
export type Resolution<P> = { path: P; problem?: undefined } | { path?: undefined; problem: string };

const names = (fields: readonly FieldSpec[]): string[] => fields.map((f) => f.name);
const isRelation = (f: FieldSpec): boolean => f.type === 'relation' || f.type === 'relation_list';
const isIdName = (name: string | undefined): boolean => name === 'id' || name === 'pk';
const fail = (problem: string): { problem: string } => ({ problem });

function hop(model: ModelSpec, field: FieldSpec, prefix: string): Hop {
  const path = prefix ? `${prefix}.${field.name}` : field.name;
  return { model, field, target: findModel(field.target as string), path };
}

const noEndpoint = (h: Hop): string =>
  `relation \`${h.field.name}\` of ${h.model.name} leads to ${h.field.target}, which has no endpoint`;

/**
 * Resolve a filter key (`name.icontains`, `projects.id`, `session.subject.name.istartswith`) on `model`.
 *
 * @example
 * ```ts
 * resolveFilter(getModel('session'), 'projects.name.icontains').path?.operator; // 'icontains'
 * resolveFilter(getModel('session'), 'nme').problem; // 'unknown field `nme` on session; did you mean `name`?'
 * ```
 */
export function resolveFilter(model: ModelSpec, key: string): Resolution<FilterPath> {
  const parts = key.split('.');
  if (parts.some((p) => p === '')) return fail(`filter \`${key}\` has an empty part`);
  const last = parts[parts.length - 1] as string;
  const operator: FilterOperator =
    parts.length > 1 && isFilterOperator(last) ? (parts.pop() as FilterOperator) : 'exact';
  const hops: Hop[] = [];
  let cur = model;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i] as string;
    const field = queryField(cur, name);
    if (!field) return fail(didYouMean('field', name, names(filterableFields(cur)), `on ${cur.name}`));
    if (operatorsFor(field).length === 0)
      return fail(`field \`${name}\` of ${cur.name} cannot be filtered on (${field.type})`);
    const rest = parts.slice(i + 1);
    const where = `${cur.name}.${name}`;
    if (rest.length === 0 || (isRelation(field) && rest.length === 1 && isIdName(rest[0]))) {
      const problem = operatorProblem(field, operator, where);
      return problem ? fail(problem) : { path: { key, hops, model: cur, field, operator } };
    }
    if (!isRelation(field)) {
      // `name.icontian`: after a plain field only an operator can follow.
      return fail(didYouMean('operator', rest[0] as string, operatorsFor(field), `for ${where}`));
    }
    const h = hop(cur, field, hops[hops.length - 1]?.path ?? '');
    if (!h.target) return fail(noEndpoint(h));
    hops.push(h);
    cur = h.target;
  }
  return fail(`filter \`${key}\` names no field`);
}

function operatorProblem(field: FieldSpec, op: FilterOperator, where: string): string | undefined {
  const ops = operatorsFor(field);
  if (ops.includes(op)) return undefined;
  return `operator \`${op}\` does not apply to ${where} (${field.type}); use one of: ${ops.join(', ')}`;
}

/**
 * Resolve a sort key (`name`, `-start_time`, `subject.name`) on `model`: one relation hop at most.
 *
 * @example
 * ```ts
 * resolveSort(getModel('behavior'), '-session.name').path?.direction; // 'desc'
 * resolveSort(getModel('session'), '-nam').problem; // 'unknown sort field `nam` on session; did you mean `name`?'
 * ```
 */
export function resolveSort(model: ModelSpec, key: string): Resolution<SortPath> {
  const direction = key.startsWith('-') ? 'desc' : 'asc';
  const parts = key.replace(/^[-+]/, '').split('.');
  const first = parts[0] as string;
  if (first === '') return fail(`sort key ${JSON.stringify(key)} names no field`);
  const field = queryField(model, first);
  if (!field) return fail(didYouMean('sort field', first, names(sortableFields(model)), `on ${model.name}`));
  if (!isSortable(field)) return fail(`field \`${first}\` of ${model.name} cannot be sorted on (${field.type})`);
  const rest = parts.slice(1);
  if (rest.length === 0 || (field.type === 'relation' && rest.length === 1 && isIdName(rest[0]))) {
    return { path: { key, direction, hops: [], model, field } };
  }
  if (field.type !== 'relation')
    return fail(`field \`${first}\` of ${model.name} has no sub-field \`${rest.join('.')}\``);
  const h = hop(model, field, '');
  if (!h.target) return fail(noEndpoint(h));
  if (rest.length > 1) return fail(`sort \`${key}\` goes more than one relation deep; sort by \`${first}.<field>\``);
  const inner = queryField(h.target, rest[0] as string);
  if (!inner)
    return fail(didYouMean('sort field', rest[0] as string, names(sortableFields(h.target)), `on ${h.target.name}`));
  if (!isSortable(inner)) return fail(`field \`${rest[0]}\` of ${h.target.name} cannot be sorted on (${inner.type})`);
  return { path: { key, direction, hops: [h], model: h.target, field: inner } };
}

/**
 * Resolve an include's relation path (`sessions`, `sessions.projects`: the {@link includeName} of what is sent) on
 * `model`: relation names joined by dots, at most {@link MAX_INCLUDE_DEPTH} deep. A relation into a model without an
 * endpoint (`epochs`) can be included but not nested into.
 *
 * @example
 * ```ts
 * resolveInclude(getModel('project'), 'sessions.projects').path?.hops.length; // 2
 * resolveInclude(getModel('project'), 'projectz').problem; // 'unknown relation `projectz` on project; …'
 * ```
 */
export function resolveInclude(model: ModelSpec, name: string): Resolution<IncludePath> {
  const parts = name.split('.');
  if (parts.some((p) => p === '' || p === '*')) {
    return fail(`include \`${name}\` is not a relation path; join relation names by dots, e.g. sessions.projects.*`);
  }
  if (parts.length > MAX_INCLUDE_DEPTH) {
    return fail(`includes nest at most ${MAX_INCLUDE_DEPTH} relations deep (this one is ${parts.length})`);
  }
  const hops: Hop[] = [];
  let cur: ModelSpec = model;
  for (const part of parts) {
    const prev = hops[hops.length - 1];
    if (prev && !prev.target) return fail(`${noEndpoint(prev)}: it can be included but not nested into`);
    const rels = includableFields(cur);
    const field = rels.find((f) => f.name === part);
    if (!field) return fail(didYouMean('relation', part, names(rels), `on ${cur.name}`));
    const h = hop(cur, field, prev?.path ?? '');
    hops.push(h);
    if (h.target) cur = h.target;
  }
  return { path: { name, hops } };
}

/**
 * Why a filter key is not valid on `model`, or `undefined` ({@link resolveFilter}'s problem).
 *
 * @example
 * ```ts
 * filterKeyProblem(getModel('session'), 'nme.icontains'); // 'unknown field `nme` on session; did you mean `name`?'
 * filterKeyProblem(getModel('session'), 'name.range'); // 'unknown operator `range` for session.name; …'
 * ```
 */
export function filterKeyProblem(model: ModelSpec, key: string): string | undefined {
  return resolveFilter(model, key).problem;
}

/**
 * Why a sort key is not valid on `model`, or `undefined` ({@link resolveSort}'s problem).
 *
 * @example
 * ```ts
 * sortKeyProblem(getModel('session'), '-nam'); // 'unknown sort field `nam` on session; did you mean `name`?'
 * ```
 */
export function sortKeyProblem(model: ModelSpec, key: string): string | undefined {
  return resolveSort(model, key).problem;
}

/**
 * Why an include, as callers write it (`sessions` or `sessions.*`), is not a relation path of `model`, or
 * `undefined` ({@link resolveInclude}'s problem for its {@link includeName}).
 *
 * @example
 * ```ts
 * includeProblem(getModel('project'), 'projectz'); // 'unknown relation `projectz` on project; …'
 * ```
 */
export function includeProblem(model: ModelSpec, name: string): string | undefined {
  return resolveInclude(model, includeName(name)).problem;
}
