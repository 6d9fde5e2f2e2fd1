/**
 * Log entries of subject logs and procedure logs (`add_entry`, `change_entry`, `remove_entry`). Entries are
 * instantaneous (`date_time`) or, for the interval subject-log types, intervals (`start_date_time`,
 * `end_date_time`); an entry is identified by its `date_time` / `start_date_time`. Entries are kept newest first.
 * The body's fields and types are its route schema's (entry-schema.ts), the shapes the API description's
 * (`entryShapeOf`); here are the checks that need the log: the fields its shape requires (by its `type`), real
 * date-times, the end not before the start, `details` by type.
 */

import { entryRequiredFields, entryShapeOf, entryTimes } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { normaliseDateTime } from '../dates.js';
import type { ModelTable } from '../db/schema.js';
import { nowIso, stmt } from '../db/statements.js';
import { fieldErrors } from '../errors.js';
import type { Row } from '../records/computed.js';
import { entryDetailsErrors } from '../records/details.js';
import { DATETIME_FORMAT_MESSAGE } from '../records/field-messages.js';

type Entry = Record<string, unknown>;

/** A date-time field of the body, normalised; a text that is no date-time is an error (other types the schema's). */
function dt(
  body: Record<string, unknown>,
  key: string | undefined,
  errors: Record<string, string[]>,
): string | undefined {
  const v = key === undefined ? undefined : body[key];
  if (key === undefined || typeof v !== 'string') return undefined;
  const d = normaliseDateTime(v);
  if (!d) errors[key] = [DATETIME_FORMAT_MESSAGE];
  return d ?? undefined;
}

/**
 * Apply an entry action to a log row: writes the new entries. Throws 400 with the route schema's errors of the body
 * (`schemaErrors`) and those found here, together.
 */
export function entryAction(
  ctx: ServerContext,
  t: ModelTable,
  row: Row,
  action: string,
  body: unknown,
  schemaErrors: Readonly<Record<string, string[]>>,
): void {
  const b = (body ?? {}) as Record<string, unknown>;
  const shape = entryShapeOf(t.model, row.type);
  const { key: keyName, end: endName } = entryTimes(shape);
  const errors: Record<string, string[]> = {};
  for (const name of entryRequiredFields(shape, action)) {
    if (b[name] === undefined) errors[name] = ['This field is required.'];
  }
  Object.assign(errors, schemaErrors);
  const key = dt(b, keyName, errors);
  const end = dt(b, endName, errors);
  if (action !== 'remove_entry' && b.details !== undefined && b.details !== null && !errors.details) {
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
    const entry: Entry = {
      [keyName]: key,
      ...(endName ? { [endName]: end } : {}),
      notes: b.notes ?? null,
      details: b.details ?? {},
    };
    entries.push(entry);
  } else {
    if (idx < 0) throw fieldErrors({ [keyName]: [`No entry with this ${keyName}.`] });
    if (action === 'remove_entry') entries.splice(idx, 1);
    else {
      const e = entries[idx] as Entry;
      if ('notes' in b) e.notes = b.notes;
      if ('details' in b) e.details = b.details;
      if (end && endName) e[endName] = end;
    }
  }
  entries.sort((x, y) => String(y[keyName]).localeCompare(String(x[keyName])));
  stmt(ctx.db, `UPDATE ${t.table} SET entries = ?, modified_date = ? WHERE id = ?`).run(
    JSON.stringify(entries),
    nowIso(),
    row.id,
  );
}
