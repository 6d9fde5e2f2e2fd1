/**
 * The checks of a request body that JSON Schema cannot make, after the route's body schema
 * (routes/body-schema.ts) has checked types, nullability, lengths, choices, list items, id shapes and required
 * fields: relations that must exist and be readable by the caller, calendar dates, email and URL forms, blank
 * required text, `extra_fields` keys/values, `download_links`, the documented `details` schemas and uniqueness.
 * Values are converted for storage on the way. Read-only fields are ignored, write-once fields are ignored on
 * update, unknown keys are ignored (as DRF does). Errors are DRF-shaped.
 *
 * @example
 * ```ts
 * const v = validateInput(ctx, caller, tableOf('session'), { name: 'S1', projects: [pid] }, 'create');
 * v.columns.name; // 'S1'
 * v.lists.projects; // [pid]
 * ```
 */
import { type FieldSpec, isGrantField, type ModelSpec } from 'brainstem-api-description';
import { charLength } from '../characters.js';
import type { ServerContext } from '../context.js';
import { isCalendarDate, normaliseDateTime } from '../dates.js';
import { type ModelTable, quoteIdentifier, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { fieldErrors } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import { readScope } from '../permissions/scope.js';
import { EMAIL, normalizeUrlField } from './addresses.js';
import { bodyFields } from './body-schema.js';
import { schemaGovernedErrors } from './details.js';
import { DATE_FORMAT_MESSAGE, DATETIME_FORMAT_MESSAGE, invalidPkMessage } from './field-messages.js';
import type { ValidInput, WriteMode } from './input.js';
import { validateJsonField } from './json-fields.js';

/** Whether a relation id exists in the target table and is readable by the caller. */
export function relationVisible(ctx: ServerContext, caller: Caller, target: ModelTable, id: string | number): boolean {
  const scope = readScope(ctx, caller, target.model, 'a');
  return (
    stmt(ctx.db, `SELECT 1 FROM ${target.table} a WHERE a.id = ? AND ${scope.sql}`).get(id, ...scope.params) !==
    undefined
  );
}

/** The stored form of a relation id the body schema accepted (digits or a number; a UUID in either case). */
const relationId = (target: ModelTable, v: unknown): string | number =>
  target.intId ? Number(v) : String(v).toLowerCase();

/** The id a relation value names, if readable by the caller; otherwise pushes DRF's message. */
function relationValue(
  ctx: ServerContext,
  caller: Caller,
  target: ModelTable,
  v: unknown,
  errs: string[],
): string | number | undefined {
  const id = relationId(target, v);
  if (!relationVisible(ctx, caller, target, id)) {
    errs.push(invalidPkMessage(id));
    return undefined;
  }
  return id;
}

/** Convert one value the body schema accepted for storage; pushes messages for what the schema cannot check. */
function validateField(ctx: ServerContext, caller: Caller, f: FieldSpec, v: unknown, errs: string[]): unknown {
  if (v === null) return null;
  switch (f.type) {
    case 'string':
    case 'text':
    case 'other': {
      let s = String(v);
      if (f.format === 'email') {
        // Emails sign users in: never blank, a plausible address, stored lower-case (uniqueness ignores case).
        s = s.trim().toLowerCase();
        if (s === '') errs.push('This field may not be blank.');
        else if (!EMAIL.test(s)) errs.push('Enter a valid email address.');
      } else if (f.format === 'url') {
        const url = normalizeUrlField(s);
        if (url === undefined) errs.push('Enter a valid URL.');
        else s = url;
        if (f.maxLength !== undefined && charLength(s) > f.maxLength) {
          errs.push(`Ensure this field has no more than ${f.maxLength} characters.`);
        }
      }
      if (f.required && s.trim() === '') errs.push('This field may not be blank.');
      return s;
    }
    case 'enum': {
      const s = String(v);
      if (!f.enum && s.trim() === '' && f.required) errs.push('This field may not be blank.');
      return s;
    }
    case 'integer':
      return Number(v);
    case 'boolean':
      return v === true || v === 'true' || v === 'True' || v === 1 || v === '1' ? 1 : 0;
    case 'date':
      if (!isCalendarDate(v as string)) errs.push(DATE_FORMAT_MESSAGE);
      return v;
    case 'datetime': {
      const d = normaliseDateTime(v as string);
      if (!d) errs.push(DATETIME_FORMAT_MESSAGE);
      return d ?? undefined;
    }
    case 'list_of_strings':
      return JSON.stringify(v);
    case 'json':
      return validateJsonField(f, v, errs);
    case 'relation':
      return relationValue(ctx, caller, tableOf(f.target as string), v, errs);
    case 'relation_list': {
      const target = tableOf(f.target as string);
      const ids: (string | number)[] = [];
      for (const item of v as unknown[]) {
        const id = relationValue(ctx, caller, target, item, errs);
        if (id === undefined) return undefined;
        if (!ids.includes(id)) ids.push(id);
      }
      return ids;
    }
    default:
      return v;
  }
}

/**
 * Validate a request body for `t` that passed its body schema but for `schemaErrors` (the fields the schema
 * refused, reported with the others). `existing` is the stored row on replace/update (uniqueness excludes it).
 * `uniqueAgainst` is the table whose rows must not share unique values (the approved table for approvals).
 * Throws HttpError 400 with `{"field": ["message"]}`.
 */
export function validateInput(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  body: unknown,
  mode: WriteMode,
  opts: {
    existingId?: string | number;
    uniqueAgainst?: ModelTable;
    existing?: Record<string, unknown>;
    schemaErrors?: Record<string, string[]>;
  } = {},
): ValidInput {
  // No body at all (an empty request with a JSON content type) reads as `{}`, as the body schema read it.
  const input = (body ?? {}) as Record<string, unknown>;
  const out: ValidInput = { columns: {}, lists: {}, special: {} };
  const errors: Record<string, string[]> = { ...opts.schemaErrors };
  for (const f of bodyFields(t, mode)) {
    if (isGrantField(f)) {
      if (f.name in input) out.special[f.name] = input[f.name];
      continue;
    }
    if (!Object.hasOwn(input, f.name) || errors[f.name]) continue;
    const errs: string[] = [];
    const value = validateField(ctx, caller, f, input[f.name], errs);
    if (errs.length > 0) {
      errors[f.name] = errs;
      continue;
    }
    if (value === undefined) continue;
    if (t.storage.get(f.name) === 'junction') out.lists[f.name] = value as (string | number)[];
    else out.columns[f.name] = value;
  }
  Object.assign(errors, schemaGovernedErrors(t, input, mode, opts.existing, errors));
  // Uniqueness, checked only when the other checks passed for the field.
  const uniqueTable = opts.uniqueAgainst ?? t;
  for (const f of t.model.fields) {
    if (!f.unique || errors[f.name] || out.columns[f.name] === undefined || out.columns[f.name] === null) continue;
    const same = f.uniqueIgnoresCase
      ? `lower(${quoteIdentifier(f.name)}) = lower(?)`
      : `${quoteIdentifier(f.name)} = ?`;
    const clash = stmt(ctx.db, `SELECT id FROM ${uniqueTable.table} WHERE ${same} AND id IS NOT ?`).get(
      out.columns[f.name],
      opts.existingId ?? null,
    );
    if (clash)
      errors[f.name] = [`${uniqueTable.model.detailKey.replace(/_/g, ' ')} with this ${f.name} already exists.`];
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(inFieldOrder(t.model, errors));
  return out;
}

/**
 * Field errors keyed in the model's field order, as a DRF serializer reports them, whichever check found them (the
 * route's body schema or the checks above); keys that are not fields keep their order after them.
 */
function inFieldOrder(model: ModelSpec, errors: Record<string, string[]>): Record<string, string[]> {
  const rank = (key: string) => {
    const i = model.fields.findIndex((f) => f.name === key);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
