/**
 * Field roles the query language and the server rely on: timestamps every record keeps, computed fields,
 * relations without an endpoint, and which fields can be filtered, sorted or included.
 * @module
 */
import { findModel } from './lookup.js';
import { operatorsFor } from './operators.js';
import type { FieldSpec, ModelSpec } from './types.js';

/**
 * Timestamps every record keeps although no field table lists them (api.md sorts by `created_date`): they can be
 * filtered and sorted on, and are not part of response bodies.
 *
 * @example
 * ```ts
 * TIMESTAMP_FIELDS.map((f) => f.name); // ['created_date', 'modified_date']
 * ```
 */
export const TIMESTAMP_FIELDS: readonly FieldSpec[] = [
  { name: 'created_date', type: 'datetime', readOnly: true, doc: 'creation time' },
  { name: 'modified_date', type: 'datetime', readOnly: true, doc: 'last modification time' },
];

/**
 * Whether the server produces the field rather than storing what is sent.
 *
 * @example
 * ```ts
 * isComputed(getField('project', 'links')!); // true
 * ```
 */
export function isComputed(field: FieldSpec): boolean {
  return field.computed !== undefined;
}

/**
 * Whether a computed field is written all the same, through the permission grants (project `users`/`groups`,
 * group `users`).
 *
 * @example
 * ```ts
 * isGrantField(getField('project', 'users')!); // true
 * ```
 */
export function isGrantField(field: FieldSpec): boolean {
  return field.computed === 'grants';
}

/**
 * Whether a relation field points at a model with no endpoint (`session.epochs`): such a list is always `[]`.
 *
 * @example
 * ```ts
 * hasNoEndpoint(getField('session', 'epochs')!); // true
 * ```
 */
export function hasNoEndpoint(field: FieldSpec): boolean {
  return field.target !== undefined && findModel(field.target) === undefined;
}

/**
 * A field of `model` a query may name: its own fields (`pk` meaning `id`) and the timestamps.
 *
 * @example
 * ```ts
 * queryField(getModel('session'), 'created_date')?.type; // 'datetime'
 * ```
 */
export function queryField(model: ModelSpec, name: string): FieldSpec | undefined {
  const own = model.fields.find((f) => f.name === (name === 'pk' ? 'id' : name));
  return own ?? TIMESTAMP_FIELDS.find((f) => f.name === name);
}

/**
 * Fields that `filter{…}` accepts: every field with at least one operator, plus the timestamps.
 *
 * @example
 * ```ts
 * filterableFields(getModel('session')).map((f) => f.name).includes('projects'); // true
 * ```
 */
export function filterableFields(model: ModelSpec): FieldSpec[] {
  return [...model.fields, ...TIMESTAMP_FIELDS].filter((f) => operatorsFor(f).length > 0);
}

/**
 * Whether `sort[]` can order by the field itself: stored scalars and single relations (by id), not lists, JSON
 * or computed fields.
 *
 * @example
 * ```ts
 * isSortable(getField('session', 'tags')!); // false
 * ```
 */
export function isSortable(field: FieldSpec): boolean {
  return !field.computed && field.type !== 'json' && field.type !== 'list_of_strings' && field.type !== 'relation_list';
}

/**
 * Fields that `sort[]` accepts directly, plus the timestamps.
 *
 * @example
 * ```ts
 * sortableFields(getModel('session')).map((f) => f.name); // ['id', 'name', …, 'created_date', 'modified_date']
 * ```
 */
export function sortableFields(model: ModelSpec): FieldSpec[] {
  return [...model.fields, ...TIMESTAMP_FIELDS].filter(isSortable);
}

/**
 * Relations `include[]` can embed: every relation and relation-list field.
 *
 * @example
 * ```ts
 * includableFields(getModel('project')).map((f) => f.name); // ['sessions', 'subjects', 'publications', …]
 * ```
 */
export function includableFields(model: ModelSpec): FieldSpec[] {
  return model.fields.filter((f) => f.target !== undefined && (f.type === 'relation' || f.type === 'relation_list'));
}

/**
 * Field sets of `model` that must be unique together.
 *
 * @example
 * ```ts
 * uniqueTogether(getModel('sessiondatastorage')); // [['session', 'datastorage']]
 * ```
 */
export function uniqueTogether(model: ModelSpec): readonly (readonly string[])[] {
  return model.uniqueTogether ?? [];
}
