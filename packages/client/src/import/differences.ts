/**
 * How an existing record differs from the row that found it: the row's filled cells compared with the record,
 * field by field, by the registry type of each field. Identity fields match by definition; project access and
 * subject-log entries have their own paths and are not compared.
 * @module
 */
import { getField } from 'brainstem-api-description';
import { cellOf } from './cells.js';
import type { ImportRow, ImportType } from './types.js';
import { instant, relatedId } from './values.js';

type Row = Record<string, unknown>;

/** One field where the record and the row disagree, and the value an update sends. */
export interface Difference {
  /** The column of the row. */
  column: string;
  /** The API field. */
  field: string;
  /** What the record holds. */
  record: unknown;
  /** What the row says. */
  row: unknown;
  /** The value an update sends: the row's, or for a list the record's ids plus the row's (nothing is removed). */
  update: unknown;
}

/**
 * The fields whose filled cells differ from `record`.
 *
 * @example
 * ```ts
 * differences(type, row, payload, record); // [{ column: 'subject__birth_date', field: 'birth_date', record: null, row: '2024-01-15', … }]
 * ```
 */
export function differences(type: ImportType, row: ImportRow, payload: Row, record: Row): Difference[] {
  const out: Difference[] = [];
  const skip = new Set([...type.identity, ...(type.afterCreate ?? [])]);
  for (const col of type.columns) {
    if (!col.field || col.entry || col.role || col.groups || col.brainRegion || skip.has(col.field)) continue;
    if (cellOf(row, col.column) === undefined || !(col.field in payload)) continue;
    const spec = getField(type.model, col.field);
    if (!spec || spec.readOnly) continue;
    const want = payload[col.field];
    const have = record[col.field];
    const base = { column: col.column, field: col.field, record: have ?? null, row: want };
    switch (spec.type) {
      case 'relation':
        if ((relatedId(have) ?? null) !== (want ?? null))
          out.push({ ...base, record: relatedId(have) ?? null, update: want });
        break;
      case 'relation_list': {
        const ids = Array.isArray(have) ? have.map(relatedId) : [];
        const missing = Array.isArray(want) ? want.filter((id) => !ids.includes(id)) : [];
        if (missing.length > 0) out.push({ ...base, record: ids, update: [...ids, ...missing] });
        break;
      }
      case 'datetime':
        if (instant(have) !== instant(want)) out.push({ ...base, update: want });
        break;
      case 'list_of_strings':
      case 'json':
        if (canonical(have ?? null) !== canonical(want ?? null)) out.push({ ...base, update: want });
        break;
      default:
        if ((have === '' ? null : (have ?? null)) !== (want ?? null)) out.push({ ...base, update: want });
    }
  }
  return out;
}

/** JSON text with object keys sorted, so that equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A value for a message: strings quoted, lists and objects as JSON, a missing value as `empty`. */
export function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  return JSON.stringify(value);
}
