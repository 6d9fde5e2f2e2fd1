/**
 * Input validation per the docs' field tables (registry rows): required fields, max lengths, uniqueness, enum
 * choices, types, relations that must exist and be readable by the caller, non-empty required lists,
 * `extra_fields` keys/values, `download_links` repositories and URL schemes. Read-only fields are ignored, write-once
 * fields are ignored on update, unknown keys are ignored (as DRF does). Errors are DRF-shaped.
 *
 * @example
 * ```ts
 * const v = validateInput(ctx, caller, tableOf('session'), { name: 'S1', projects: [pid] }, 'create');
 * v.columns.name; // 'S1'
 * v.lists.projects; // [pid]
 * ```
 */
import { type FieldSpec, isGrantField, nonFieldError, parseId } from 'brainstem-api-description';
import { charLength, textProblem } from '../characters.js';
import type { ServerContext } from '../context.js';
import { isCalendarDate, normaliseDateTime } from '../dates.js';
import { type ModelTable, quoteIdentifier, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { fieldErrors } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import { readScope } from '../permissions/scope.js';
import { EMAIL, normalizeUrlField } from './addresses.js';
import { jsonKindName, schemaGovernedErrors } from './details.js';
import type { ValidInput, WriteMode } from './input.js';
import { validateJsonField } from './json-fields.js';
import { storesNull } from './write.js';

/** Whether a relation id exists in the target table and is readable by the caller. */
export function relationVisible(ctx: ServerContext, caller: Caller, target: ModelTable, id: string | number): boolean {
  const scope = readScope(ctx, caller, target.model, 'a');
  return (
    stmt(ctx.db, `SELECT 1 FROM ${target.table} a WHERE a.id = ? AND ${scope.sql}`).get(id, ...scope.params) !==
    undefined
  );
}

/**
 * The id a relation value names by its target's id grammar (`parseId`), or `null` for a value of the wrong kind.
 * An integer outside the grammar (`0`, `-3`) is of the right kind but names no record.
 */
function relationId(target: ModelTable, v: unknown): string | number | null {
  const parsed = parseId(target.model, v);
  if (parsed.problem === undefined) return parsed.id;
  return target.intId && typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** The id a relation value names, if well-formed and readable by the caller; otherwise pushes DRF's message. */
function relationValue(
  ctx: ServerContext,
  caller: Caller,
  target: ModelTable,
  v: unknown,
  errs: string[],
): string | number | undefined {
  const id = relationId(target, v);
  if (id === null) {
    errs.push(
      target.intId
        ? `Incorrect type. Expected pk value, received ${jsonKindName(v)}.`
        : `“${String(typeof v === 'object' ? JSON.stringify(v) : v)}” is not a valid UUID.`,
    );
    return undefined;
  }
  if (!relationVisible(ctx, caller, target, id)) {
    errs.push(`Invalid pk "${id}" - object does not exist.`);
    return undefined;
  }
  return id;
}

/** Validate one value against its field; returns the value to store or pushes messages. */
function validateField(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  f: FieldSpec,
  v: unknown,
  errs: string[],
): unknown {
  const storage = t.storage.get(f.name);
  if (v === null) {
    if (
      f.required ||
      f.format === 'email' ||
      ((f.type === 'string' || f.type === 'text') && !storesNull(f)) ||
      f.type === 'relation_list' ||
      f.type === 'list_of_strings' ||
      f.type === 'boolean'
    ) {
      errs.push('This field may not be null.');
      return undefined;
    }
    return null;
  }
  switch (f.type) {
    case 'string':
    case 'text':
    case 'other': {
      if (typeof v !== 'string' && typeof v !== 'number') {
        errs.push('Not a valid string.');
        return undefined;
      }
      let s = String(v);
      const bad = textProblem(s);
      if (bad) {
        errs.push(bad);
        return undefined;
      }
      if (f.format === 'email') {
        // Emails sign users in: never blank, a plausible address, stored lower-case (uniqueness ignores case).
        s = s.trim().toLowerCase();
        if (s === '') errs.push('This field may not be blank.');
        else if (!EMAIL.test(s)) errs.push('Enter a valid email address.');
      } else if (f.format === 'url') {
        const url = normalizeUrlField(s);
        if (url === undefined) errs.push('Enter a valid URL.');
        else s = url;
      }
      if (f.required && s.trim() === '') errs.push('This field may not be blank.');
      if (f.maxLength !== undefined && charLength(s) > f.maxLength) {
        errs.push(`Ensure this field has no more than ${f.maxLength} characters.`);
      }
      return s;
    }
    case 'enum': {
      if (typeof v !== 'string' && typeof v !== 'number') {
        errs.push(`"${String(JSON.stringify(v))}" is not a valid choice.`);
        return undefined;
      }
      const s = String(v);
      const bad = textProblem(s);
      if (bad) {
        errs.push(bad);
        return undefined;
      }
      if (f.enum && !f.enum.includes(s)) errs.push(`"${s}" is not a valid choice. Choices: ${f.enum.join(', ')}.`);
      else if (!f.enum && s.trim() === '' && f.required) errs.push('This field may not be blank.');
      if (f.maxLength !== undefined && charLength(s) > f.maxLength) {
        errs.push(`Ensure this field has no more than ${f.maxLength} characters.`);
      }
      return s;
    }
    case 'integer': {
      const n = typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim()) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n) || typeof v === 'boolean') {
        errs.push('A valid integer is required.');
        return undefined;
      }
      if (Math.abs(n) > 2 ** 53) {
        errs.push('Ensure this value is less than or equal to 9007199254740992.');
        return undefined;
      }
      if (f.doc.includes('positive') && n < 0) errs.push('Ensure this value is greater than or equal to 0.');
      return n;
    }
    case 'boolean': {
      if (v === true || v === 'true' || v === 'True' || v === 1 || v === '1') return 1;
      if (v === false || v === 'false' || v === 'False' || v === 0 || v === '0') return 0;
      errs.push('Must be a valid boolean.');
      return undefined;
    }
    case 'date': {
      if (typeof v !== 'string' || !isCalendarDate(v)) {
        errs.push('Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');
        return undefined;
      }
      return v;
    }
    case 'datetime': {
      const d = typeof v === 'string' ? normaliseDateTime(v) : null;
      if (!d) {
        errs.push(
          'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
        );
        return undefined;
      }
      return d;
    }
    case 'list_of_strings': {
      if (!Array.isArray(v)) {
        errs.push(`Expected a list of items but got type "${jsonKindName(v)}".`);
        return undefined;
      }
      if (v.some((x) => typeof x !== 'string')) {
        errs.push('Each item must be a string.');
        return undefined;
      }
      const bad = v.map((x: string) => textProblem(x)).find((m) => m !== null);
      if (bad) {
        errs.push(bad);
        return undefined;
      }
      if (v.some((x: string) => charLength(x) > 100)) errs.push('Ensure each item has no more than 100 characters.');
      return JSON.stringify(v);
    }
    case 'json':
      return validateJsonField(f, v, errs);
    case 'relation':
      return relationValue(ctx, caller, tableOf(f.target as string), v, errs);
    case 'relation_list': {
      if (storage !== 'junction') return undefined;
      if (!Array.isArray(v)) {
        errs.push(`Expected a list of items but got type "${jsonKindName(v)}".`);
        return undefined;
      }
      if (f.required && v.length === 0) {
        errs.push('This list may not be empty.');
        return undefined;
      }
      const target = tableOf(f.target as string);
      const ids: (string | number)[] = [];
      for (const item of v) {
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
 * Validate a request body for `t`. `existing` is the stored row on replace/update (uniqueness excludes it).
 * `uniqueAgainst` is the table whose rows must not share unique values (the approved table for approvals).
 * Throws HttpError 400 with `{"field": ["message"]}`.
 */
export function validateInput(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  body: unknown,
  mode: WriteMode,
  opts: { existingId?: string | number; uniqueAgainst?: ModelTable; existing?: Record<string, unknown> } = {},
): ValidInput {
  // No body at all (an empty request with a JSON content type) reads as `{}`, so each missing field is named.
  if (body === undefined) body = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fieldErrors(nonFieldError(`Invalid data. Expected a dictionary, but got ${jsonKindName(body)}.`));
  }
  const input = body as Record<string, unknown>;
  const out: ValidInput = { columns: {}, lists: {}, special: {} };
  const errors: Record<string, string[]> = {};
  for (const f of t.model.fields) {
    if (f.name === 'id') continue;
    if (isGrantField(f)) {
      if (f.name in input) out.special[f.name] = input[f.name];
      continue;
    }
    const storage = t.storage.get(f.name);
    if (f.readOnly || storage === 'computed' || storage === 'reverse') continue;
    if (f.writeOnce && mode !== 'create') continue;
    const present = Object.hasOwn(input, f.name);
    if (!present) {
      const required = f.required && (mode === 'create' || (mode === 'replace' && !f.requiredOnCreateOnly));
      if (required) errors[f.name] = ['This field is required.'];
      continue;
    }
    const errs: string[] = [];
    const value = validateField(ctx, caller, t, f, input[f.name], errs);
    if (errs.length > 0) {
      errors[f.name] = errs;
      continue;
    }
    if (value === undefined) continue;
    if (storage === 'junction') out.lists[f.name] = value as (string | number)[];
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
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return out;
}
