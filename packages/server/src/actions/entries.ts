/**
 * Log entries of subject logs and procedure logs (`add_entry`, `change_entry`, `remove_entry`). Entries are
 * instantaneous (`date_time`) or, for the interval subject-log types, intervals (`start_date_time`,
 * `end_date_time`); an entry is identified by its `date_time` / `start_date_time`. Entries are kept newest first.
 */

import { nonFieldError } from 'brainstem-api-description';
import { charLength } from '../characters.js';
import type { ServerContext } from '../context.js';
import { normaliseDateTime } from '../dates.js';
import type { ModelTable } from '../db/schema.js';
import { nowIso, stmt } from '../db/statements.js';
import { fieldErrors } from '../errors.js';
import type { Row } from '../records/computed.js';
import { entryDetailsErrors } from '../records/details.js';

type Entry = Record<string, unknown>;

/** Whether the log's entries are intervals: its `type` is one of the registry's `intervalTypes` (subject logs). */
function isInterval(t: ModelTable, row: Row): boolean {
  const sub = (t.model.fields.find((f) => f.name === 'entries')?.subfields ?? []) as { name: string }[];
  const intervalTypes = t.model.fields.find((f) => f.name === 'type')?.intervalTypes ?? [];
  return sub.some((s) => s.name === 'start_date_time') && intervalTypes.includes(String(row.type));
}

function dt(
  body: Record<string, unknown>,
  key: string,
  errors: Record<string, string[]>,
  required: boolean,
): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) errors[key] = ['This field is required.'];
    return undefined;
  }
  const d = typeof v === 'string' ? normaliseDateTime(v) : null;
  if (!d) {
    errors[key] = [
      'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
    ];
    return undefined;
  }
  return d;
}

/** Apply an entry action to a log row; returns nothing, writes the new entries. Throws 400 on bad input. */
export function entryAction(ctx: ServerContext, t: ModelTable, row: Row, action: string, body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fieldErrors(nonFieldError('Invalid data. Expected a dictionary with the entry.'));
  }
  const b = body as Record<string, unknown>;
  const interval = isInterval(t, row);
  const keyName = interval ? 'start_date_time' : 'date_time';
  const errors: Record<string, string[]> = {};
  const key = dt(b, keyName, errors, true);
  const end = interval ? dt(b, 'end_date_time', errors, action === 'add_entry') : undefined;
  if ('notes' in b && b.notes !== null && typeof b.notes !== 'string') errors.notes = ['Not a valid string.'];
  else if (typeof b.notes === 'string' && charLength(b.notes) > 500)
    errors.notes = ['Ensure this field has no more than 500 characters.'];
  if ('details' in b && b.details !== null) {
    // Checked against the documented schema of the log's type.
    const errs = entryDetailsErrors(t.model.name, String(row.type), b.details);
    if (errs.length > 0) errors.details = errs;
  }
  if (key && end && end < key) errors.end_date_time = ['The end must not be before the start.'];
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  let entries: Entry[];
  try {
    entries = JSON.parse((row.entries as string) ?? '[]') as Entry[];
    if (!Array.isArray(entries)) entries = [];
  } catch {
    entries = [];
  }
  const idx = entries.findIndex((e) => e[keyName] === key);
  if (action === 'add_entry') {
    if (idx >= 0) throw fieldErrors({ [keyName]: [`An entry with this ${keyName} already exists.`] });
    const entry: Entry = interval
      ? { start_date_time: key, end_date_time: end, notes: b.notes ?? null, details: b.details ?? {} }
      : { date_time: key, notes: b.notes ?? null, details: b.details ?? {} };
    entries.push(entry);
  } else {
    if (idx < 0) throw fieldErrors({ [keyName]: [`No entry with this ${keyName}.`] });
    if (action === 'remove_entry') entries.splice(idx, 1);
    else {
      const e = entries[idx] as Entry;
      if ('notes' in b) e.notes = b.notes;
      if ('details' in b) e.details = b.details;
      if (end) e.end_date_time = end;
    }
  }
  entries.sort((x, y) => String(y[keyName]).localeCompare(String(x[keyName])));
  stmt(ctx.db, `UPDATE ${t.table} SET entries = ?, modified_date = ? WHERE id = ?`).run(
    JSON.stringify(entries),
    nowIso(),
    row.id,
  );
}
