/**
 * Reads one spreadsheet row into an API payload: each documented column is read by the registry type of the field
 * it fills (text, enum, boolean, date, datetime, tags, JSON, relations looked up by name or UUID). Problems become
 * row issues: an error stops the row, a warning drops only the affected field (import-tool.md, "Error handling"). A
 * cell that cannot be read (a bad date, a name that finds no record) is an error, so no value is lost without the
 * row failing; with `lenient` it is a warning and the field is left out, as the web import tool does.
 * @module
 */
import { type FieldSpec, getField, getModel, withArticle } from 'brainstem-api-description';
import { isUuid, type Lookups } from './lookup.js';
import type { ImportColumn, ImportRow, ImportType, RowIssue } from './types.js';
import { parseBoolean, parseDate, parseDateTime, parseDuration, parseJsonObject, splitList } from './values.js';

type Row = Record<string, unknown>;

/** A row read into what will be sent. */
export interface ReadRow {
  /** Body of the record to find or create. */
  payload: Row;
  /** Subject-log entry (sent with `add_entry`), when the row has entry cells. */
  entry?: Row;
  issues: RowIssue[];
}

const LABELS: Record<string, string> = { brainregion: 'brain region', behavioralassay: 'behavioral assay' };
const noun = (model: string) => LABELS[model] ?? model;

/** The trimmed cell of a column; `undefined` when blank or absent. */
export function cellOf(row: ImportRow, column: string): string | undefined {
  const v = row[column]?.trim();
  return v ? v : undefined;
}

/** Registry spec of a column's field, or a stand-in for columns of models without a registry row (epochs). */
function specOf(type: ImportType, col: ImportColumn): FieldSpec | undefined {
  if (col.field) return getField(type.model, col.field);
  if (col.type === 'relation') return { name: col.column, type: 'relation', target: col.target as string, doc: '' };
  if (col.type === 'string') return { name: col.column, type: 'string', maxLength: col.maxLength as number, doc: '' };
  return undefined;
}

/**
 * Read a row of an import type: convert every documented cell, resolve lookups, apply documented defaults.
 *
 * @example
 * ```ts
 * const { payload, issues } = await readRow(getImportType('sessions'), row, lookups);
 * ```
 */
export async function readRow(
  type: ImportType,
  row: ImportRow,
  lookups: Lookups,
  opts: { lenient?: boolean } = {},
): Promise<ReadRow> {
  const out: ReadRow = { payload: {}, issues: [] };
  const error = (field: string, message: string) => out.issues.push({ level: 'error', field, message });
  const notSent = (field: string, message: string) => out.issues.push({ level: 'warning', field, message });
  // A cell that cannot be read: an error for the row, or (lenient) a warning that says what is left out.
  const warn: Unreadable = (field, message, skipped = 'skipped') => {
    out.issues.push(
      opts.lenient
        ? { level: 'warning', field, message: `${message}; ${skipped}`, kind: 'unreadable' }
        : { level: 'error', field, message, kind: 'unreadable' },
    );
  };
  const users: Record<string, Row> = {};
  const groups: Record<string, Row> = {};

  for (const col of type.columns) {
    const cell = cellOf(row, col.column) ?? col.default;
    if (cell === undefined) {
      if (col.required) error(col.column, 'required: the cell is empty');
      continue;
    }
    if (col.role || col.groups) {
      const target = col.groups ? groups : users;
      const access =
        col.role === 'is_owner'
          ? ['can_change', 'is_manager', 'is_owner']
          : col.role === 'is_manager'
            ? ['can_change', 'is_manager']
            : ['can_change'];
      for (const who of splitList(cell)) {
        const grant: Row = target[who] ?? {};
        for (const a of access) grant[a] = true;
        target[who] = grant;
      }
      continue;
    }
    if (col.brainRegion === 'acronym' && !out.payload.brain_region && !cellOf(row, regionColumn(type))) {
      const found = await lookups.byName('brainregion', cell, { field: 'acronym', ...atlasScope(type, row) });
      if (found.record) out.payload.brain_region = String(found.record.id);
      else warn(col.column, `no brain region with acronym "${cell}"`, 'relationship skipped');
    }
    if (col.brainRegion) continue; // read with the brain_region column
    if (col.entry) {
      out.entry = out.entry ?? {};
      const entry = out.entry;
      if (col.entry === 'notes') entry.notes = cell;
      else if (col.entry === 'details') {
        const parsed = parseJsonObject(cell);
        if (parsed.error) warn(col.column, parsed.error, 'entry data skipped');
        else entry.details = parsed.value;
      } else {
        const dt = parseDateTime(cell);
        if (dt) entry[col.entry] = dt;
        else warn(col.column, `"${cell}" is not a datetime (e.g. 2024-05-02 10:00 or 2024-05-02T10:00:00Z)`);
      }
      continue;
    }
    if (col.type === 'duration') {
      const secs = parseDuration(cell);
      if (secs === undefined) warn(col.column, `"${cell}" is not HH:MM:SS or an ISO 8601 duration (PT5M)`);
      else out.payload[col.column.split('__')[1] as string] = secs;
      continue;
    }
    const spec = specOf(type, col);
    if (!spec) continue;
    const key = col.field ?? col.column.split('__')[1] ?? col.column;
    if (spec.readOnly) {
      notSent(col.column, `${type.model}.${spec.name} is read-only in the API; the cell is not sent`);
      continue;
    }
    const value = await readCell(type, col, spec, cell, row, lookups, error, warn);
    if (value !== undefined) out.payload[key] = value;
  }
  if (Object.keys(users).length > 0) out.payload.users = users;
  if (Object.keys(groups).length > 0) out.payload.groups = groups;
  return out;
}

type Report = (field: string, message: string) => void;
/** Reports a cell that cannot be read; `skipped` says what a lenient import leaves out (default `skipped`). */
type Unreadable = (field: string, message: string, skipped?: string) => void;

async function readCell(
  type: ImportType,
  col: ImportColumn,
  spec: FieldSpec,
  cell: string,
  row: ImportRow,
  lookups: Lookups,
  error: Report,
  warn: Unreadable,
): Promise<unknown> {
  const c = col.column;
  switch (spec.type) {
    case 'string':
    case 'text':
      if (spec.maxLength !== undefined && [...cell].length > spec.maxLength) {
        error(c, `longer than ${spec.maxLength} characters (${[...cell].length})`);
        return undefined;
      }
      return cell;
    case 'enum':
      if (spec.enum && !spec.enum.includes(cell)) {
        // A value the API needs cannot be skipped: one error naming the value and the choices (not a second one
        // saying the field is missing).
        const report = col.required || spec.required ? error : warn;
        report(c, `"${cell}" is not ${withArticle(type.model)} ${spec.name} choice (one of: ${spec.enum.join(', ')})`);
        return undefined;
      }
      return cell;
    case 'boolean':
      return parseBoolean(cell);
    case 'integer': {
      if (/^-?\d+$/.test(cell)) return Number(cell);
      warn(c, `"${cell}" is not an integer`);
      return undefined;
    }
    case 'date': {
      const d = parseDate(cell);
      if (d === undefined) warn(c, `"${cell}" is not a date (YYYY-MM-DD)`);
      return d;
    }
    case 'datetime': {
      const dt = parseDateTime(cell);
      if (dt === undefined) {
        warn(c, `"${cell}" is not a datetime (e.g. 2024-05-01 14:30 or 2024-05-01T14:30:00Z)`);
      }
      return dt;
    }
    case 'list_of_strings':
      return splitList(cell);
    case 'json': {
      // A few JSON fields are documented as "object or array" (manipulation details); the rest take objects.
      const parsed = parseJsonObject(cell, spec.jsonList || /\barray\b/.test(spec.doc));
      if (parsed.error) warn(c, parsed.error, 'field skipped');
      return parsed.value;
    }
    case 'relation': {
      if (spec.target === 'brainregion') return brainRegion(type, cell, row, lookups, warn, c);
      const id = await resolve(spec.target as string, col.by ?? 'id', cell, lookups);
      if (typeof id === 'string') return id;
      if (col.required) error(c, id.message);
      else warn(c, id.message, 'relationship skipped');
      return undefined;
    }
    case 'relation_list': {
      const items = col.single ? [cell] : splitList(cell);
      const ids: string[] = [];
      for (const item of items) {
        const id = await resolve(spec.target as string, col.by ?? 'id', item, lookups);
        if (typeof id === 'string') {
          if (!ids.includes(id)) ids.push(id);
        } else if (col.required && items.length === 1) error(c, id.message);
        else warn(c, id.message);
      }
      if (ids.length === 0 && col.required && items.length > 1) error(c, `none of the ${items.length} listed exist`);
      return ids.length > 0 ? ids : undefined;
    }
    default:
      return cell;
  }
}

/** The id of the record a cell names (UUID or exact name), or why it cannot be used. */
async function resolve(
  model: string,
  by: 'name' | 'id',
  cell: string,
  lookups: Lookups,
): Promise<string | { message: string }> {
  if (by === 'id') {
    if (!isUuid(cell)) return { message: `"${cell}" is not ${withArticle(noun(model))} UUID` };
    const record = await lookups.byId(model, cell);
    return record ? String(record.id) : { message: `no ${noun(model)} with id ${cell} (or no access to it)` };
  }
  const found = await lookups.byName(model, cell);
  if (found.record) return String(found.record.id);
  if (found.ambiguous) return { message: `several ${getModel(model).listKey} are named "${cell}"` };
  return { message: `no ${noun(model)} named "${cell}" (names are case-sensitive)` };
}

/** The column naming the brain region itself (its acronym and atlas columns help find it). */
function regionColumn(type: ImportType): string {
  const col = type.columns.find((c) => c.field && getField(type.model, c.field)?.target === 'brainregion');
  return col?.column ?? '';
}

/** Filters limiting brain-region lookups to the row's atlas, when it names one. */
function atlasScope(type: ImportType, row: ImportRow): { filters?: { atlas: string } } {
  const column = type.columns.find((c) => c.brainRegion === 'atlas')?.column;
  const atlas = column ? cellOf(row, column) : undefined;
  return atlas ? { filters: { atlas } } : {};
}

/**
 * A brain region: a UUID, else its name within the row's atlas, else the acronym column, else the cell as an
 * acronym (the docs' example names a region `VISp`). Unresolved regions warn and drop the field.
 */
async function brainRegion(
  type: ImportType,
  cell: string,
  row: ImportRow,
  lookups: Lookups,
  warn: Unreadable,
  column: string,
): Promise<string | undefined> {
  if (isUuid(cell)) {
    const r = await lookups.byId('brainregion', cell);
    if (r) return String(r.id);
    warn(column, `no brain region with id ${cell}`, 'relationship skipped');
    return undefined;
  }
  const acronymCol = type.columns.find((c) => c.brainRegion === 'acronym')?.column;
  const { filters: scope } = atlasScope(type, row);
  const atlas = scope?.atlas;
  const tries: Array<[string, string]> = [['name', cell]];
  const acronym = acronymCol ? cellOf(row, acronymCol) : undefined;
  if (acronym) tries.push(['acronym', acronym]);
  tries.push(['acronym', cell]);
  for (const [field, value] of tries) {
    const found = await lookups.byName('brainregion', value, { field, ...(scope ? { filters: scope } : {}) });
    if (found.record) return String(found.record.id);
  }
  warn(
    column,
    `no brain region named "${cell}"${acronym ? ` or with acronym "${acronym}"` : ''}${atlas ? ` in atlas ${atlas}` : ''}`,
    'relationship skipped',
  );
  return undefined;
}
