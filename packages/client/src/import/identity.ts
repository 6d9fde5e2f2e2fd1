/**
 * Find-or-create identity: which existing record a row describes (the import type's `identity` fields).
 * @module
 */
import { getField } from 'brainstem-api-description';
import { type ImportClient, recordsOf } from './lookup.js';
import type { ImportType } from './types.js';
import { instant, relatedId } from './values.js';

type Row = Record<string, unknown>;

/** The identity fields of a payload, normalised, as a map key. */
export function identityKey(type: ImportType, payload: Row): string {
  return JSON.stringify(
    type.identity.map((f) => {
      const v = payload[f];
      if (Array.isArray(v)) return [...v].sort();
      return getField(type.model, f)?.type === 'datetime' ? (instant(v) ?? null) : (v ?? null);
    }),
  );
}

/** The existing record whose identity fields equal the row's; list fields match when the record holds every id. */
export async function findExisting(
  api: ImportClient,
  type: ImportType,
  payload: Row,
  signal?: AbortSignal,
): Promise<Row | undefined> {
  const filters: Record<string, string> = {};
  for (const f of type.identity) {
    const t = getField(type.model, f)?.type;
    const v = payload[f];
    // Relations as `<field>.id`, the spelling the Python client's loaders use (`session.id`, `subject.id`).
    if (typeof v === 'string' && t === 'relation') filters[`${f}.id`] = v;
    else if (typeof v === 'string' && (t === 'string' || t === 'enum')) filters[f] = v;
  }
  const body = await api.loadAll(type.model, { filters, signal });
  return recordsOf(type.model, body).find((r) => matches(type, payload, r));
}

/** Whether a record has the row's identity: equal values, list fields holding every listed id. */
export function matches(type: ImportType, payload: Row, record: Row): boolean {
  return type.identity.every((f) => {
    const t = getField(type.model, f)?.type;
    const want = payload[f];
    const have = record[f];
    if (t === 'relation_list') {
      const ids = Array.isArray(have) ? have.map(relatedId) : [];
      return !Array.isArray(want) || want.every((id) => ids.includes(id));
    }
    if (t === 'relation') return (relatedId(have) ?? null) === (want ?? null);
    if (t === 'datetime') return instant(have) === instant(want);
    return (have === '' ? null : (have ?? null)) === (want ?? null);
  });
}
