/**
 * JSON Schemas of the request bodies of create (POST), replacement (PUT) and partial update (PATCH), built from
 * the registry's field tables. They say what the server accepts: a field's JSON types (as leniently as DRF reads
 * them: digits for integers, `"True"` for booleans), nullability, lengths, choices, list items, id grammar and
 * the required fields of each mode. What JSON Schema cannot say — relations that exist and are readable, uniqueness,
 * calendar dates, email and URL forms, `details` by type — stays in validate.ts. The router validates
 * with these schemas and the OpenAPI document shows the same objects (routes/schemas.ts).
 *
 * @example
 * ```ts
 * bodySchema(getModel('session'), 'create').required; // ['name', 'projects']
 * ```
 */
import { type FieldSpec, idJsonSchema, isGrantField, type ModelSpec } from 'brainstem-api-description';
import { PLAIN_TEXT_PATTERN } from '../characters.js';
import { type ModelTable, tableOf, targetIsInt } from '../db/schema.js';
import { DETAILS_SCHEMA_GROUPS } from '../openapi/details.js';
import { detailsSchemaRefs, type Schema } from '../openapi/schemas.js';
import type { WriteMode } from './input.js';
import { storesNull } from './write.js';

/** Largest integer a field holds exactly (2^53). */
export const MAX_FIELD_INTEGER = 2 ** 53;

/** The longest item of a list of strings. */
export const MAX_LIST_ITEM_LENGTH = 100;

/** The values a boolean field accepts, as DRF's BooleanField reads them. */
const BOOLEAN_VALUES = [true, false, 'true', 'false', 'True', 'False', 1, 0, '1', '0'];

/** Whether the docs call an integer field positive (`… positive integer …`). */
export const isPositiveInteger = (f: FieldSpec): boolean => f.type === 'integer' && f.doc.includes('positive');

/** Whether a body may set the field to `null`. */
function nullable(f: FieldSpec): boolean {
  return !(
    f.required ||
    f.format === 'email' ||
    ((f.type === 'string' || f.type === 'text') && !storesNull(f)) ||
    f.type === 'relation_list' ||
    f.type === 'list_of_strings' ||
    f.type === 'boolean'
  );
}

/** The fields a body of `t` may set in `mode` (grant fields included; the grant code reads them). */
export function bodyFields(t: ModelTable, mode: WriteMode): FieldSpec[] {
  return t.model.fields.filter((f) => {
    if (f.name === 'id') return false;
    if (isGrantField(f)) return true;
    const storage = t.storage.get(f.name);
    if (f.readOnly || storage === 'computed' || storage === 'reverse') return false;
    return !(f.writeOnce && mode !== 'create');
  });
}

/** The schema of one written value of `f`, `null` aside. */
function valueSchema(t: ModelTable, f: FieldSpec): Schema {
  const text = { pattern: PLAIN_TEXT_PATTERN, ...(f.maxLength ? { maxLength: f.maxLength } : {}) };
  switch (f.type) {
    case 'string':
    case 'text':
    case 'other':
      return { type: ['string', 'number'], ...text, ...(f.format ? { format: f.format } : {}) };
    case 'enum':
      return { type: ['string', 'number'], ...text, ...(f.enum ? { enum: [...f.enum] } : {}) };
    case 'integer': {
      const positive = isPositiveInteger(f);
      return {
        type: ['integer', 'string'],
        pattern: positive ? '^\\s*\\d{1,15}\\s*$' : '^\\s*-?\\d{1,15}\\s*$',
        minimum: positive ? 0 : -MAX_FIELD_INTEGER,
        maximum: MAX_FIELD_INTEGER,
      };
    }
    case 'boolean':
      return { enum: [...BOOLEAN_VALUES] };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'list_of_strings':
      return {
        type: 'array',
        items: { type: 'string', pattern: PLAIN_TEXT_PATTERN, maxLength: MAX_LIST_ITEM_LENGTH },
      };
    case 'relation':
      return { ...idJsonSchema(targetIsInt(f) ? 'integer' : 'uuid') };
    case 'relation_list':
      return {
        type: 'array',
        items: idJsonSchema(targetIsInt(f) ? 'integer' : 'uuid'),
        ...(f.required ? { minItems: 1 } : {}),
      };
    case 'json':
      // The container shape and the documented `details` schemas are checked by type in records/json-fields.ts
      // and records/details.ts; the references name those schemas.
      return detailsSchemaRefs(DETAILS_SCHEMA_GROUPS, t.model.name, f.name, 'record') ?? {};
    default:
      return {};
  }
}

/** The schema of a body value of `f`, with `null` where the field takes it. */
export function bodyFieldSchema(t: ModelTable, f: FieldSpec): Schema {
  if (isGrantField(f)) return { description: f.doc };
  const s = valueSchema(t, f);
  if (nullable(f)) {
    if (Array.isArray(s.type)) s.type = [...s.type, 'null'];
    else if (typeof s.type === 'string') s.type = [s.type, 'null'];
    else if (Array.isArray(s.enum)) s.enum = [...s.enum, null];
  } else if (s.type === undefined && s.enum === undefined) {
    s.not = { type: 'null' };
  }
  s.description = f.doc;
  return s;
}

const cache = new Map<string, Schema>();

/** Schema of a create (POST), replacement (PUT) or partial update (PATCH) body of `model`. */
export function bodySchema(model: ModelSpec, mode: WriteMode): Schema {
  const key = `${model.name} ${mode}`;
  let s = cache.get(key);
  if (!s) {
    const t = tableOf(model);
    const fields = bodyFields(t, mode);
    const required =
      mode === 'update'
        ? []
        : fields
            .filter((f) => !isGrantField(f) && f.required && (mode === 'create' || !f.requiredOnCreateOnly))
            .map((f) => f.name);
    s = {
      type: 'object',
      properties: Object.fromEntries(fields.map((f) => [f.name, bodyFieldSchema(t, f)])),
      ...(required.length ? { required } : {}),
    };
    cache.set(key, s);
  }
  return s;
}
