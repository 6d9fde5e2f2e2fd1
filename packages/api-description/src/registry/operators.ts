/**
 * Filter operators (`filter{field.operator}=value`) and which of them each field type takes. This is the set the
 * local server implements and the client, the CLI and the type generator check against.
 * @module
 */
import { idKind } from './ids.js';
import { findModel } from './lookup.js';
import type { FieldSpec } from './types.js';

/**
 * Every filter operator: api.md's (`icontains`, `startswith`, `endswith`, `gt`, `gte`, `lt`, `lte`), the Python
 * tool's case-insensitive ones (`iexact`, `istartswith`, `iendswith`), and Django's `exact`, `contains`, `in`,
 * `isnull`. `field=value` means `field.exact=value`.
 *
 * @example
 * ```ts
 * FILTER_OPERATORS.includes('icontains'); // true
 * ```
 */
export const FILTER_OPERATORS = [
  'exact',
  'iexact',
  'contains',
  'icontains',
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'isnull',
] as const;

/**
 * One filter operator.
 *
 * @example
 * ```ts
 * const op: FilterOperator = 'istartswith';
 * ```
 */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * The text-matching operators: they apply to text (and dates, ids and tags, compared as text), not to numbers or
 * booleans.
 *
 * @example
 * ```ts
 * TEXT_OPERATORS.includes('contains'); // true
 * ```
 */
export const TEXT_OPERATORS: readonly FilterOperator[] = [
  'iexact',
  'contains',
  'icontains',
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
];

/**
 * Operators of numbers, booleans and integer ids: equality, order, `in` and `isnull`.
 *
 * @example
 * ```ts
 * operatorsFor(getField('breeding', 'litter_size')!); // NUMBER_OPERATORS
 * ```
 */
export const NUMBER_OPERATORS: readonly FilterOperator[] = ['exact', 'gt', 'gte', 'lt', 'lte', 'in', 'isnull'];

const NONE: readonly FilterOperator[] = [];

/**
 * Whether `name` is a filter operator.
 *
 * @example
 * ```ts
 * isFilterOperator('range'); // false
 * ```
 */
export function isFilterOperator(name: string): name is FilterOperator {
  return (FILTER_OPERATORS as readonly string[]).includes(name);
}

/**
 * The operators a field takes: none for JSON and computed fields; {@link NUMBER_OPERATORS} for integers,
 * booleans and relations to integer-id models (users, groups); every operator otherwise (text, enums, dates,
 * UUIDs, tags — a tag filter matches records having a matching tag — and relations to UUID models, by id).
 *
 * @example
 * ```ts
 * operatorsFor(getField('session', 'name')!).includes('icontains'); // true
 * operatorsFor(getField('session', 'extra_fields')!); // []
 * ```
 */
export function operatorsFor(field: FieldSpec): readonly FilterOperator[] {
  if (field.computed || field.type === 'json') return NONE;
  if (field.type === 'integer' || field.type === 'boolean') return NUMBER_OPERATORS;
  if (field.type === 'relation' || field.type === 'relation_list') {
    const target = field.target ? findModel(field.target) : undefined;
    if (!target) return NONE;
    return idKind(target) === 'integer' ? NUMBER_OPERATORS : FILTER_OPERATORS;
  }
  return FILTER_OPERATORS;
}
