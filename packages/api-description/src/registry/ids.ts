/**
 * Record ids: UUID strings for every model except users and groups, whose ids are positive integers.
 * @module
 */
import { rowOf } from './lookup.js';
import type { ModelSpec } from './types.js';

/**
 * A UUID in its text form (any version, either case).
 *
 * @example
 * ```ts
 * UUID_PATTERN.test('3fa85f64-5717-4562-b3fc-2c963f66afa6'); // true
 * ```
 */
export const UUID_PATTERN: RegExp = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** An integer id: positive, at most 16 digits (a JavaScript number holds it exactly). */
const INTEGER_ID = /^[1-9][0-9]{0,15}$/;

/** The smallest integer with 17 digits: integer ids stay below it. */
const INTEGER_ID_BOUND = 1e16;

/**
 * The kind of a model's record ids.
 *
 * @example
 * ```ts
 * type K = IdKind; // 'uuid' | 'integer'
 * ```
 */
export type IdKind = 'uuid' | 'integer';

/**
 * Whether a model's ids are UUIDs or integers (users and groups), from the type of its `id` field.
 *
 * @example
 * ```ts
 * idKind('user'); // 'integer'
 * idKind('session'); // 'uuid'
 * ```
 */
export function idKind(model: ModelSpec | string): IdKind {
  return rowOf(model).fields.find((f) => f.name === 'id')?.type === 'integer' ? 'integer' : 'uuid';
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
  return idKind(model) === 'integer';
}

/**
 * Whether `id` is a well-formed id of `model`: a UUID, or for users and groups a positive integer (number or
 * digits).
 *
 * @example
 * ```ts
 * isValidId('group', 7); // true
 * isValidId('session', '../x'); // false
 * ```
 */
export function isValidId(model: ModelSpec | string, id: unknown): boolean {
  if (idKind(model) === 'integer') {
    const s = typeof id === 'number' ? String(id) : id;
    return typeof s === 'string' && INTEGER_ID.test(s);
  }
  return typeof id === 'string' && UUID_PATTERN.test(id);
}

/**
 * Why `id` is not an id of `model`, or `undefined` when it is one.
 *
 * @example
 * ```ts
 * idProblem('session', 'abc'); // 'session id must be a UUID like "3fa85f64-…", got "abc"'
 * ```
 */
export function idProblem(model: ModelSpec | string, id: unknown): string | undefined {
  if (isValidId(model, id)) return undefined;
  const m = rowOf(model);
  return idKind(m) === 'integer'
    ? `${m.name} ids are positive integers, got ${JSON.stringify(id)}`
    : `${m.name} id must be a UUID like "3fa85f64-5717-4562-b3fc-2c963f66afa6", got ${JSON.stringify(id)}`;
}

/**
 * The JSON Schema of an id of each kind as it appears in a URL path or a JSON body: a UUID string (either case),
 * or a positive integer of at most 16 digits written as a JSON number or as digits. The same grammar as
 * {@link isValidId}, for validators that speak JSON Schema.
 *
 * @example
 * ```ts
 * idJsonSchema('integer'); // { type: ['integer', 'string'], minimum: 1, exclusiveMaximum: 1e16, pattern: '^[1-9][0-9]{0,15}$' }
 * ```
 */
export function idJsonSchema(kind: IdKind): {
  type: string | string[];
  pattern: string;
  minimum?: number;
  exclusiveMaximum?: number;
} {
  return kind === 'integer'
    ? { type: ['integer', 'string'], minimum: 1, exclusiveMaximum: INTEGER_ID_BOUND, pattern: INTEGER_ID.source }
    : { type: 'string', pattern: UUID_PATTERN.source };
}
