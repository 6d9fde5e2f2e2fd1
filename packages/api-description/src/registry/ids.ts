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

/** An integer id: positive, no leading zero, at most 16 digits (a JavaScript number holds it exactly). */
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
 * An id parsed by its model's grammar: the number of an integer id, the lower-case text of a UUID; or why `id` is
 * not one.
 *
 * @example
 * ```ts
 * const r = parseId('user', '7'); // { id: 7 }
 * parseId('user', '07').problem; // 'user ids are positive integers without leading zeros, …'
 * ```
 */
export type ParsedId = { id: string | number; problem?: undefined } | { id?: undefined; problem: string };

/**
 * Parse `id` by the grammar of `model`'s id kind. Integer ids (users and groups): a positive number or its digits,
 * no sign, no leading zero, at most 16 digits. UUIDs: the 8-4-4-4-12 hex form, either case.
 *
 * @example
 * ```ts
 * parseId('group', 7).id; // 7
 * parseId('session', '3FA85F64-5717-4562-B3FC-2C963F66AFA6').id; // '3fa85f64-5717-4562-b3fc-2c963f66afa6'
 * parseId('session', '../x').problem; // 'session id must be a UUID like "3fa85f64-…", got "../x"'
 * ```
 */
export function parseId(model: ModelSpec | string, id: unknown): ParsedId {
  const m = rowOf(model);
  if (idKind(m) === 'integer') {
    const s = typeof id === 'number' ? String(id) : id;
    if (typeof s === 'string' && INTEGER_ID.test(s)) return { id: Number(s) };
    return {
      problem: `${m.name} ids are positive integers without leading zeros, at most 16 digits; got ${JSON.stringify(id)}`,
    };
  }
  if (typeof id === 'string' && UUID_PATTERN.test(id)) return { id: id.toLowerCase() };
  return {
    problem: `${m.name} id must be a UUID like "3fa85f64-5717-4562-b3fc-2c963f66afa6", got ${JSON.stringify(id)}`,
  };
}

/**
 * Whether `id` is a well-formed id of `model` ({@link parseId} finds no problem).
 *
 * @example
 * ```ts
 * isValidId('group', 7); // true
 * isValidId('session', '../x'); // false
 * ```
 */
export function isValidId(model: ModelSpec | string, id: unknown): boolean {
  return parseId(model, id).problem === undefined;
}

/**
 * Why `id` is not an id of `model`, or `undefined` when it is one ({@link parseId}'s problem).
 *
 * @example
 * ```ts
 * idProblem('session', 'abc'); // 'session id must be a UUID like "3fa85f64-…", got "abc"'
 * ```
 */
export function idProblem(model: ModelSpec | string, id: unknown): string | undefined {
  return parseId(model, id).problem;
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
