/**
 * Route-schema validation errors (routes/schemas.ts) as DRF answers them, raised after the permission hook:
 *
 * - `params`: an id of the wrong shape names no record — 404, as an unknown id is, before the permission hook.
 * - `querystring`: 400 `{"detail": …}` naming the parameter.
 * - `body`: 400 `{"field": ["…"]}` (or `non_field_errors` for a body that is not an object) in DRF's wording,
 *   merged with the checks of records/validate.ts so one answer lists every invalid field.
 *
 * @example
 * ```ts
 * app.route({ …, attachValidation: true, preHandler: [idErrorHook(route), permissionHook, schemaErrorHook(route)] });
 * ```
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { decodeQuery, type FieldSpec, nonFieldError } from 'brainstem-api-description';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { textProblem } from '../characters.js';
import { tableOf, targetIsInt } from '../db/schema.js';
import { badRequest, fieldErrors, type HttpError, notFound, readBody } from '../errors.js';
import { MAX_FIELD_INTEGER, MAX_LIST_ITEM_LENGTH } from '../records/body-schema.js';
import { jsonKindName } from '../records/details.js';
import { DATE_FORMAT_MESSAGE, DATETIME_FORMAT_MESSAGE, invalidPkMessage } from '../records/field-messages.js';
import { recordKey } from './record-id.js';
import { routeBodyFields } from './schemas.js';
import type { ApiRoute } from './table.js';

type FieldErrors = Record<string, string[]>;

const bodyErrors = new WeakMap<FastifyRequest, FieldErrors>();

/** The body's field errors found by the route schema (empty when it passed). */
export function schemaFieldErrors(req: FastifyRequest): FieldErrors {
  return bodyErrors.get(req) ?? {};
}

function relationMessage(f: FieldSpec, e: ErrorObject): string {
  const v = e.data;
  if (targetIsInt(f)) {
    const digits = typeof v === 'string' && /^\s*\d+\s*$/.test(v);
    return e.keyword === 'minimum' || e.keyword === 'exclusiveMaximum' || (e.keyword === 'pattern' && digits)
      ? invalidPkMessage(typeof v === 'string' ? v.trim() : v)
      : `Incorrect type. Expected pk value, received ${jsonKindName(v)}.`;
  }
  return `“${String(typeof v === 'object' ? JSON.stringify(v) : v)}” is not a valid UUID.`;
}

const lengthMessage = (f: FieldSpec) => `Ensure this field has no more than ${f.maxLength} characters.`;
const AT_LEAST_ZERO = 'Ensure this value is greater than or equal to 0.';
const AT_MOST = `Ensure this value is less than or equal to ${MAX_FIELD_INTEGER}.`;

/** DRF's message for an error of one item of a list field. */
function itemMessage(f: FieldSpec, e: ErrorObject): string {
  if (f.type === 'relation_list') return relationMessage(f, e);
  if (e.keyword === 'pattern') return textProblem(String(e.data)) ?? 'Not a valid string.';
  if (e.keyword === 'maxLength') return `Ensure each item has no more than ${MAX_LIST_ITEM_LENGTH} characters.`;
  return 'Each item must be a string.';
}

/** DRF's message for an error of a field's value. */
function valueMessage(f: FieldSpec, e: ErrorObject): string {
  const v = e.data;
  if (v === null) return 'This field may not be null.';
  switch (f.type) {
    case 'string':
    case 'text':
    case 'other':
    case 'enum':
      if (e.keyword === 'pattern') return textProblem(String(v)) ?? 'Not a valid string.';
      if (e.keyword === 'maxLength') return lengthMessage(f);
      if (f.type !== 'enum') return 'Not a valid string.';
      if (e.keyword === 'enum') return `"${String(v)}" is not a valid choice. Choices: ${f.enum?.join(', ')}.`;
      return `"${String(JSON.stringify(v))}" is not a valid choice.`;
    case 'integer':
      if (e.keyword === 'minimum') return (e.schema as number) === 0 ? AT_LEAST_ZERO : AT_MOST;
      if (e.keyword === 'maximum') return AT_MOST;
      if (e.keyword === 'pattern' && /^\s*-\d{1,15}\s*$/.test(String(v))) return AT_LEAST_ZERO;
      return 'A valid integer is required.';
    case 'boolean':
      return 'Must be a valid boolean.';
    case 'date':
      return DATE_FORMAT_MESSAGE;
    case 'datetime':
      return DATETIME_FORMAT_MESSAGE;
    case 'list_of_strings':
    case 'relation_list':
      if (e.keyword === 'minItems') return 'This list may not be empty.';
      return `Expected a list of items but got type "${jsonKindName(v)}".`;
    case 'relation':
      return relationMessage(f, e);
    default:
      return 'Invalid value.';
  }
}

/** Which of several errors of one field DRF would name: the value's type before its content. */
const PRIORITY = ['type', 'pattern', 'enum', 'minimum', 'maximum', 'maxLength', 'minItems'];
const rank = (e: ErrorObject) => {
  const i = PRIORITY.indexOf(e.keyword);
  return (e.instancePath.split('/').length > 2 ? 10 : 0) + (i < 0 ? PRIORITY.length : i);
};

/**
 * Whether an error is about which alternative shape the body takes (an `anyOf` at its root, as the log entries'
 * instantaneous and interval shapes): the handler, which knows the record, names the fields its shape requires.
 */
const isShapeError = (e: ErrorObject) =>
  e.instancePath === '' && (e.keyword === 'anyOf' || e.schemaPath.startsWith('#/anyOf/'));

/**
 * A body's schema errors in DRF's shape: one message per field of `fields`. Throws 400 `non_field_errors` for a
 * body that is not an object.
 */
export function bodyFieldErrors(fields: readonly FieldSpec[], errors: readonly ErrorObject[]): FieldErrors {
  const root = errors.find((e) => e.instancePath === '' && e.keyword === 'type');
  if (root) {
    throw fieldErrors(nonFieldError(`Invalid data. Expected a dictionary, but got ${jsonKindName(root.data)}.`));
  }
  const best = new Map<string, ErrorObject>();
  const out: FieldErrors = {};
  for (const e of errors) {
    if (isShapeError(e)) continue;
    if (e.instancePath === '' && e.keyword === 'required') {
      out[(e.params as { missingProperty: string }).missingProperty] = ['This field is required.'];
      continue;
    }
    const name = e.instancePath.split('/')[1];
    if (name === undefined) continue;
    const prev = best.get(name);
    if (!prev || rank(e) < rank(prev)) best.set(name, e);
  }
  for (const [name, e] of best) {
    const f = fields.find((x) => x.name === name);
    if (!f) continue;
    out[name] = [e.instancePath.split('/').length > 2 ? itemMessage(f, e) : valueMessage(f, e)];
  }
  return out;
}

/**
 * The 400 for a query the route's schema refused, in the codec's words: the first problem `decodeQuery` finds in
 * the query as sent (the schema and the codec read one table of parameters, so the codec names what the schema
 * refused).
 */
export function queryError(req: FastifyRequest, errors: readonly ErrorObject[]): HttpError {
  const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
  const problem = decodeQuery(search).problems[0];
  if (problem) return badRequest(problem.message);
  // Unreachable while the schema and the codec read one table; said plainly rather than answered as a 500.
  const e = errors[0];
  return badRequest(`Invalid query parameter${e ? ` ${e.instancePath.slice(1) || ''}: ${e.message ?? ''}` : ''}.`);
}

type ValidationError = Error & { validation?: ErrorObject[]; validationContext?: string };

const errorOf = (req: FastifyRequest) => req.validationError as ValidationError | undefined;

/**
 * The first `preHandler` of a record route: an id of the wrong shape is 404 before anything else is checked, as
 * an id the caller cannot read is, with the id grammar's sentence (record-id.ts).
 */
export function idErrorHook(route: ApiRoute) {
  return (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (errorOf(req)?.validationContext !== 'params') {
      done();
      return;
    }
    try {
      recordKey(tableOf(route.model), (req.params as { id: string }).id);
      done(notFound());
    } catch (e) {
      done(e as Error);
    }
  };
}

/**
 * The `preHandler` that raises the route-schema errors attached to the request, after the permission hook. Body
 * errors are kept for the handler, which reports them with its own checks (an unreadable body is its parse error).
 */
export function schemaErrorHook(route: ApiRoute) {
  return (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const err = errorOf(req);
    if (!err) {
      done();
      return;
    }
    try {
      const errors = err.validation ?? [];
      if (err.validationContext === 'params') throw notFound();
      if (err.validationContext === 'querystring') throw queryError(req, errors);
      if (err.validationContext !== 'body') throw err;
      readBody(req.body);
      bodyErrors.set(req, bodyFieldErrors(routeBodyFields(route), errors));
      done();
    } catch (e) {
      done(e as Error);
    }
  };
}
