/**
 * The error body, Django REST framework style: `{ "detail": message }` for an error about the request as a whole,
 * `{ field: [messages] }` for invalid fields (documented sub-objects nest, list items are indexed), and
 * `non_field_errors` for a rule no single field breaks. The server writes bodies with the builders; the client and
 * the CLI read any error body, also one from another server, with {@link unwrapError}.
 * @module
 */

/**
 * The key of the message of an error about the request as a whole: `{ "detail": message }`.
 *
 * @example
 * ```ts
 * body[DETAIL_KEY]; // 'Not found.'
 * ```
 */
export const DETAIL_KEY = 'detail';

/**
 * The key of the messages of a rule no single field breaks: `{ "non_field_errors": [messages] }`.
 *
 * @example
 * ```ts
 * body[NON_FIELD_ERRORS_KEY]; // ['The fields session, datastorage must make a unique set.']
 * ```
 */
export const NON_FIELD_ERRORS_KEY = 'non_field_errors';

/**
 * Keys of an error body that speak of the request as a whole rather than of one field.
 *
 * @example
 * ```ts
 * GENERAL_ERROR_KEYS; // ['detail', 'non_field_errors']
 * ```
 */
export const GENERAL_ERROR_KEYS: readonly string[] = [DETAIL_KEY, NON_FIELD_ERRORS_KEY];

/**
 * Field name → messages, with nested fields flattened to `field.sub` and list items to `field.0`.
 *
 * @example
 * ```ts
 * const fields: ErrorFields = { name: ['This field is required.'] };
 * ```
 */
export type ErrorFields = Record<string, string[]>;

/**
 * The body of an error about the request as a whole.
 *
 * @example
 * ```ts
 * detailError('Not found.'); // { detail: 'Not found.' }
 * ```
 */
export function detailError(message: string): { detail: string } {
  return { [DETAIL_KEY]: message };
}

/**
 * The body of invalid fields: each field with its messages (a documented sub-object may carry its own map).
 *
 * @example
 * ```ts
 * fieldsError({ name: ['This field is required.'] }); // { name: ['This field is required.'] }
 * ```
 */
export function fieldsError(
  errors: Record<string, readonly string[] | Record<string, unknown>>,
): Record<string, readonly string[] | Record<string, unknown>> {
  return { ...errors };
}

/**
 * The body of a rule no single field breaks.
 *
 * @example
 * ```ts
 * nonFieldError('The fields session, datastorage must make a unique set.');
 * // { non_field_errors: ['The fields session, datastorage must make a unique set.'] }
 * ```
 */
export function nonFieldError(...messages: string[]): { non_field_errors: string[] } {
  return { [NON_FIELD_ERRORS_KEY]: messages };
}

/**
 * JSON Schema of the body {@link detailError} writes.
 *
 * @example
 * ```ts
 * components.schemas.Detail = DETAIL_ERROR_SCHEMA;
 * ```
 */
export const DETAIL_ERROR_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'object',
  properties: { [DETAIL_KEY]: { type: 'string' } },
  required: [DETAIL_KEY],
  description: 'DRF error or message body.',
};

/**
 * JSON Schema of the body {@link fieldsError} (and {@link nonFieldError}) writes: each field to its messages, a
 * documented sub-object to its own map.
 *
 * @example
 * ```ts
 * components.schemas.FieldErrors = FIELDS_ERROR_SCHEMA;
 * ```
 */
export const FIELDS_ERROR_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'object',
  description: `DRF validation errors: each invalid field (or \`${NON_FIELD_ERRORS_KEY}\`) maps to a list of messages; documented sub-objects nest.`,
  additionalProperties: {
    anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'object' }],
  },
};

/**
 * An error body read: `detail` is its message (a `detail`, `error` or `message` string, or the body itself when it
 * is text); `fields` every message by field, flattened; `general` the messages about the whole request (the
 * {@link GENERAL_ERROR_KEYS}) and `perField` the others.
 *
 * @example
 * ```ts
 * const e: ErrorEnvelope = unwrapError({ detail: 'Not found.' });
 * e.detail; // 'Not found.'
 * ```
 */
export interface ErrorEnvelope {
  detail: string | undefined;
  fields: ErrorFields;
  general: string[];
  perField: ErrorFields;
}

/**
 * Every message of an error body by field (nested objects flatten to `field.sub`, list items to `field.0`; a
 * text body is its `detail`, a list of texts its `non_field_errors`).
 *
 * @example
 * ```ts
 * errorFields({ details: { depth: ['Must be a number.'] } }); // { 'details.depth': ['Must be a number.'] }
 * ```
 */
export function errorFields(body: unknown, prefix = ''): ErrorFields {
  const out: ErrorFields = {};
  if (typeof body === 'string' && body) {
    out[prefix || DETAIL_KEY] = [body];
    return out;
  }
  if (Array.isArray(body)) {
    const strings = body.filter((x): x is string => typeof x === 'string');
    if (strings.length) out[prefix || NON_FIELD_ERRORS_KEY] = strings;
    body.forEach((item, i) => {
      if (item && typeof item === 'object') Object.assign(out, errorFields(item, prefix ? `${prefix}.${i}` : `${i}`));
    });
    return out;
  }
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out[key] = [v];
      else if (Array.isArray(v) || (v && typeof v === 'object')) Object.assign(out, errorFields(v, key));
      else if (v !== null && v !== undefined) out[key] = [String(v)];
    }
  }
  return out;
}

/**
 * Any error body (DRF-style, `{ error }`/`{ message }` of other servers, text, or nothing) in one shape.
 *
 * @example
 * ```ts
 * unwrapError({ name: ['This field is required.'], non_field_errors: ['Invalid data.'] });
 * // { detail: undefined, fields: {…}, general: ['Invalid data.'], perField: { name: ['This field is required.'] } }
 * ```
 */
export function unwrapError(body: unknown): ErrorEnvelope {
  let detail: string | undefined;
  if (typeof body === 'string') detail = body || undefined;
  else if (body !== null && body !== undefined && typeof body !== 'object') detail = String(body);
  else if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    detail = [DETAIL_KEY, 'error', 'message'].map((k) => b[k]).find((v): v is string => typeof v === 'string');
  }
  const fields = errorFields(body);
  const general: string[] = [];
  const perField: ErrorFields = {};
  for (const [k, messages] of Object.entries(fields)) {
    if (GENERAL_ERROR_KEYS.includes(k)) general.push(...messages);
    else perField[k] = messages;
  }
  return { detail, fields, general, perField };
}
