/**
 * Validation of the schema-governed JSON fields (`details` per `type`, `coordinates_details` per
 * `coordinates_system`) against the documented schemas of `brainstem-api-description/schemas`, with Ajv. A schema is
 * compiled the first time its type is used and cached. Messages are DRF-style and name the path inside the field:
 * `duration: must be an object {value, unit} …`, `anestheticAgent: This field is required.`.
 *
 * @example
 * ```ts
 * const errors = governedErrors('procedure', { type: 'Anesthesia', details: { route: 'Oral' } });
 * // { details: ['anestheticAgent: This field is required.'] }
 * ```
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { type DetailsSchema, type SchemaGroup, schemaGroupsFor } from 'brainstem-api-description/schemas';
import type { ModelTable } from '../db/schema.js';
import type { WriteMode } from './input.js';

const ajv = new Ajv2020({
  allErrors: true,
  verbose: true,
  // `format` is the web editor's widget name (numberUnit, textarea, …), an annotation only.
  validateFormats: false,
  strictTypes: false,
});
ajv.addVocabulary(['x-version', 'x-source']);

const compiled = new Map<string, ValidateFunction>();

function validatorFor(group: SchemaGroup, type: string): ValidateFunction {
  const key = `${group.group}/${type}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const v = ajv.compile(group.schemas[type] as DetailsSchema);
  compiled.set(key, v);
  return v;
}

/** Python's names for JSON kinds, as DRF's messages use them. */
export function jsonKindName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'dict';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** `/0/amplitude/unit` → `[0].amplitude.unit`. */
function pathOf(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (extra !== undefined) parts.push(extra);
  return parts
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
};

function messageOf(e: ErrorObject): string {
  const parent = (e.parentSchema ?? {}) as DetailsSchema;
  const at = (extra?: string) => {
    const p = pathOf(e.instancePath, extra);
    return p === '' ? '' : `${p}: `;
  };
  switch (e.keyword) {
    case 'required':
      return `${at(String(e.params.missingProperty))}This field is required.`;
    case 'additionalProperties': {
      const known = Object.keys(parent.properties ?? {});
      return `${at(String(e.params.additionalProperty))}Not a field of this schema. ${
        known.length > 0 ? `Fields: ${known.join(', ')}.` : 'This schema declares no fields: send {}.'
      }`;
    }
    case 'type': {
      if (parent.format === 'numberUnit') {
        const units = parent.properties?.unit?.enum ?? [];
        return `${at()}must be an object {value, unit} (value a number, unit one of ${units.join(', ')}), got ${jsonKindName(e.data)}.`;
      }
      return `${at()}must be ${ARTICLE[String(e.params.type)] ?? String(e.params.type)}, got ${jsonKindName(e.data)}.`;
    }
    case 'enum':
      return `${at()}${JSON.stringify(e.data)} is not a valid choice. Choices: ${(parent.enum ?? []).join(', ')}.`;
    case 'minimum':
      return `${at()}Ensure this value is greater than or equal to ${e.params.limit}.`;
    case 'maximum':
      return `${at()}Ensure this value is less than or equal to ${e.params.limit}.`;
    case 'minItems':
      return `${at()}Ensure this list has at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}.`;
    default:
      return `${at()}${e.message ?? 'is not valid'}.`;
  }
}

/** Errors of `value` against the `type` schema of `group` (DRF-style messages, one per problem). */
export function schemaErrors(group: SchemaGroup, type: string, value: unknown): string[] {
  const validate = validatorFor(group, type);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map(messageOf))];
}

/** The kind of JSON a governed field needs for `type`: the schema's `object` or `array` shape. */
function shapeOf(group: SchemaGroup, type: string): 'object' | 'array' {
  return group.schemas[type]?.type === 'array' ? 'array' : 'object';
}

/** DRF's message for a JSON field given the wrong kind of value. */
export function kindError(kind: 'object' | 'array' | 'container', v: unknown): string {
  const want = { object: 'a dictionary', array: 'a list', container: 'a dictionary or a list' }[kind];
  return `Expected ${want} of items but got type "${jsonKindName(v)}".`;
}

/**
 * Errors of every schema-governed field of `model` that lives on the record, for the record as it will be stored
 * (`values`: the create body, or the stored record with the change applied). A payload that is absent or `null`
 * means "no details" and is not checked (the docs do not mark `details` required). An undocumented selector value
 * is reported on the selector with the valid values.
 */
export function governedErrors(model: string, values: Record<string, unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const group of schemaGroupsFor(model)) {
    if (!group.models.some((m) => m.model === model && m.location === 'record')) continue;
    const payload = values[group.payload];
    if (payload === undefined || payload === null) continue;
    const type = values[group.selector];
    if (typeof type !== 'string' || !Object.hasOwn(group.schemas, type)) {
      if (type !== undefined && type !== null) errors[group.selector] = [unknownTypeMessage(group, type)];
      continue;
    }
    const kind = shapeOf(group, type);
    if (kind === 'array' ? !Array.isArray(payload) : typeof payload !== 'object' || Array.isArray(payload)) {
      errors[group.payload] = [kindError(kind, payload)];
      continue;
    }
    const errs = schemaErrors(group, type, payload);
    if (errs.length > 0) errors[group.payload] = errs;
  }
  return errors;
}

/** `"X" is not a valid choice.` with the documented schema types listed. */
export function unknownTypeMessage(group: SchemaGroup, type: unknown): string {
  return `${JSON.stringify(type)} is not a valid choice. Choices: ${Object.keys(group.schemas).join(', ')}.`;
}

/**
 * Errors of a log entry's `details` (subject logs, procedure logs) against the schema of the log's `type`.
 *
 * @example
 * ```ts
 * entryDetailsErrors('subjectlog', 'Weighing', { weight: 25 }); // ['weight: must be an object {value, unit} …']
 * ```
 */
export function entryDetailsErrors(model: string, type: string, details: unknown): string[] {
  const group = schemaGroupsFor(model).find((g) => g.models.some((m) => m.model === model && m.location === 'entries'));
  if (!group || !Object.hasOwn(group.schemas, type)) {
    return typeof details === 'object' && details !== null && !Array.isArray(details)
      ? []
      : [kindError('object', details)];
  }
  const kind = shapeOf(group, type);
  if (kind === 'array' ? !Array.isArray(details) : typeof details !== 'object' || Array.isArray(details)) {
    return [kindError(kind, details)];
  }
  return schemaErrors(group, type, details);
}

/** Whether `field` of `model` is governed by a schema (its kind then comes from the schema). */
export function isGoverned(model: string, field: string): boolean {
  return schemaGroupsFor(model).some(
    (g) => g.payload === field && g.models.some((m) => m.model === model && m.location === 'record'),
  );
}

/** A stored JSON column as a value; an empty object or list counts as "no details". */
function storedJson(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  try {
    const parsed = JSON.parse(v) as unknown;
    const empty = typeof parsed === 'object' && parsed !== null && Object.keys(parsed).length === 0;
    return empty ? null : parsed;
  } catch {
    return null;
  }
}

/**
 * Schema errors of the governed fields (`details`, `coordinates_details`) for the record as it will be stored: the
 * body on create/replace; on update, the stored record with the body applied, checked only when the body touches
 * the selector or the payload. Fields that already failed their own checks are not re-checked.
 */
export function schemaGovernedErrors(
  t: ModelTable,
  input: Record<string, unknown>,
  mode: WriteMode,
  existing: Record<string, unknown> | undefined,
  failed: Record<string, string[]>,
): Record<string, string[]> {
  const names = t.model.fields.filter((f) => isGoverned(t.model.name, f.name)).map((f) => f.name);
  if (names.length === 0) return {};
  const values: Record<string, unknown> = {};
  for (const f of t.model.fields) {
    if (Object.hasOwn(input, f.name)) values[f.name] = input[f.name];
    else if (mode === 'update' && existing)
      values[f.name] = f.type === 'json' ? storedJson(existing[f.name]) : existing[f.name];
  }
  const errors = governedErrors(t.model.name, values);
  const out: Record<string, string[]> = {};
  for (const [field, errs] of Object.entries(errors)) {
    if (failed[field]) continue;
    // On update, a group is checked only when the body changes its selector or payload.
    if (mode === 'update' && !touchesGroup(t.model.name, field, input)) continue;
    out[field] = errs;
  }
  return out;
}

/** Whether the body sends `field` or the other field of its schema pair (selector ↔ payload). */
function touchesGroup(model: string, field: string, input: Record<string, unknown>): boolean {
  const pair = schemaGroupsFor(model).find((g) => g.payload === field || g.selector === field);
  return pair !== undefined && (Object.hasOwn(input, pair.payload) || Object.hasOwn(input, pair.selector));
}
