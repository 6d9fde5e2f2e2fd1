/**
 * Export in the import format: records of an import type's model written back as template rows (names where the
 * template names records, UUIDs where it takes UUIDs), so that importing the file again finds every row existing.
 * Templates: the header and one example row of each type.
 * @module
 */
import { type FieldSpec, getField, getModel } from 'brainstem-api-description';
import { getImportType } from './engine.js';
import { type ImportClient, Lookups, recordsOf } from './lookup.js';
import type { ImportColumn, ImportType } from './types.js';
import { relatedId } from './values.js';

type Row = Record<string, unknown>;

/** Spreadsheet rows: the header and one string per column per row. */
export interface Sheet {
  columns: string[];
  rows: Record<string, string>[];
}

/**
 * The template of an import type: its documented columns and one example row (`YOUR_*_ID` where a UUID of your
 * own data goes).
 *
 * @example
 * ```ts
 * templateOf('sessions').columns[0]; // 'project__name'
 * ```
 */
export function templateOf(typeName: string): Sheet {
  const type = getImportType(typeName);
  const example: Record<string, string> = {};
  for (const c of type.columns) example[c.column] = c.example;
  return { columns: type.columns.map((c) => c.column), rows: [example] };
}

/** The id a relation field holds, when it is a string id. */
const stringId = (v: unknown): string | undefined => {
  const id = relatedId(v);
  return typeof id === 'string' ? id : undefined;
};

/**
 * Export the records of an import type (optionally filtered, as `load` filters) as import rows. Subject logs give
 * one row per entry. Epochs have no endpoint: their export is the header alone.
 *
 * @example
 * ```ts
 * const sheet = await exportRows(client, 'sessions', { filters: { 'name.icontains': 'rat' } });
 * ```
 */
export async function exportRows(
  client: ImportClient | object,
  typeName: string,
  opts: {
    filters?: Record<string, string>;
    signal?: AbortSignal;
    onProgress?: (p: { loaded: number; total?: number }) => void;
  } = {},
): Promise<Sheet> {
  const type = getImportType(typeName);
  const api = client as ImportClient;
  const columns = type.columns.map((c) => c.column);
  if (type.unwritable) return { columns, rows: [] };
  const lookups = new Lookups(api, opts.signal);
  const body = await api.loadAll(type.model, {
    ...(opts.filters ? { filters: opts.filters } : {}),
    signal: opts.signal,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const rows: Record<string, string>[] = [];
  for (const record of recordsOf(type.model, body)) {
    const base = await cellsOf(type, record, lookups);
    const entries = Array.isArray(record.entries) ? (record.entries as Row[]) : [];
    if (type.columns.some((c) => c.entry) && entries.length > 0) {
      for (const entry of [...entries].reverse()) rows.push({ ...base, ...entryCells(type, entry) });
    } else rows.push(base);
  }
  return { columns, rows };
}

async function cellsOf(type: ImportType, record: Row, lookups: Lookups): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const col of type.columns) out[col.column] = await cellOf(type, col, record, lookups);
  return out;
}

async function cellOf(type: ImportType, col: ImportColumn, record: Row, lookups: Lookups): Promise<string> {
  if (col.role) return usersWith(record.users, col.role);
  if (col.groups) return Object.keys((record.groups as Row | undefined) ?? {}).join(',');
  if (col.brainRegion) {
    const id = stringId(record.brain_region);
    const region = id ? await lookups.byId('brainregion', id) : undefined;
    return text(region?.[col.brainRegion]);
  }
  if (col.entry || !col.field) return '';
  const spec = getField(type.model, col.field) as FieldSpec;
  // Read-only fields cannot be imported: exporting them would only make the re-import warn on every row.
  if (spec.readOnly) return '';
  const value = record[col.field];
  if (spec.type === 'relation' || spec.type === 'relation_list') {
    const ids = (Array.isArray(value) ? value : [value]).map(stringId).filter((v): v is string => v !== undefined);
    const chosen = col.single ? ids.slice(0, 1) : ids;
    if (col.by !== 'name') return chosen.join(',');
    const names: string[] = [];
    for (const id of chosen) {
      const r = await lookups.byId(spec.target as string, id);
      if (typeof r?.name === 'string') names.push(r.name);
    }
    return names.join(', ');
  }
  if (spec.type === 'list_of_strings') return Array.isArray(value) ? value.join(', ') : '';
  return text(value);
}

/** Emails holding exactly `role` (owners are not repeated as managers, managers not as contributors). */
function usersWith(users: unknown, role: 'can_change' | 'is_manager' | 'is_owner'): string {
  const out: string[] = [];
  for (const [email, flags] of Object.entries((users as Record<string, Row> | undefined) ?? {})) {
    const level = flags?.is_owner
      ? 'is_owner'
      : flags?.is_manager
        ? 'is_manager'
        : flags?.can_change
          ? 'can_change'
          : '';
    if (level === role) out.push(email);
  }
  return out.join(',');
}

function entryCells(type: ImportType, entry: Row): Record<string, string> {
  const out: Record<string, string> = {};
  for (const col of type.columns) if (col.entry) out[col.column] = text(entry[col.entry]);
  return out;
}

/** A value as cell text: JSON for objects, `true`/`false` for booleans, blank for null. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Model of an import type (for callers that want its list key, e.g. progress labels). */
export function modelOf(typeName: string): string {
  return getModel(getImportType(typeName).model).listKey;
}
