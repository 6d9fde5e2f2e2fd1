/**
 * Field paths of the query parameters resolved against the registry-derived tables: a column, a relation, a
 * relation list kept in a junction table, or a reverse list.
 */
import { type FieldSpec, type FieldType, type ModelSpec, TIMESTAMP_FIELDS } from 'brainstem-api-description';
import { type ModelTable, quoteIdentifier, tableOf } from '../db/schema.js';

/**
 * The caller's read scope of a related model (see permissions/scope.ts). Filters that look inside related records
 * apply it, so `filter{datastorage.name}=…` cannot probe records the caller may not read.
 */
export type ScopeFn = (model: ModelSpec, alias: string) => Sql;

export const NO_SCOPE: ScopeFn = () => ({ sql: '1', params: [] });

export interface Sql {
  sql: string;
  params: unknown[];
}

export type Resolved =
  | { kind: 'column'; field: FieldSpec; type: FieldType; column: string }
  | { kind: 'relation'; field: FieldSpec; column: string; target: ModelTable }
  | { kind: 'junction'; field: FieldSpec; table: string; src: string; dst: string; target: ModelTable }
  | { kind: 'reverse'; field: FieldSpec; target: ModelTable; via: string };

function idField(t: ModelTable): FieldSpec {
  return t.model.fields.find((f) => f.name === 'id') ?? { name: 'id', type: 'uuid', doc: '' };
}

/** Resolve one path segment on a model; `null` when the model has no such (filterable) field. */
export function resolve(t: ModelTable, name: string, alias: string): Resolved | null {
  if (name === 'id' || name === 'pk') {
    const f = idField(t);
    return { kind: 'column', field: f, type: t.intId ? 'integer' : 'uuid', column: `${alias}.id` };
  }
  const ts = TIMESTAMP_FIELDS.find((f) => f.name === name);
  if (ts) return { kind: 'column', field: ts, type: 'datetime', column: `${alias}.${name}` };
  const field = t.model.fields.find((f) => f.name === name);
  if (!field) return null;
  const storage = t.storage.get(name);
  if (storage === 'column') {
    if (field.type === 'relation' && field.target) {
      return { kind: 'relation', field, column: `${alias}.${quoteIdentifier(name)}`, target: tableOf(field.target) };
    }
    return { kind: 'column', field, type: field.type, column: `${alias}.${quoteIdentifier(name)}` };
  }
  if (storage === 'junction') {
    const j = t.lists.find((l) => l.field.name === name);
    if (!j || !field.target) return null;
    return { kind: 'junction', field, table: j.table, src: j.src, dst: j.dst, target: tableOf(field.target) };
  }
  if (storage === 'reverse' && field.target && field.via) {
    return { kind: 'reverse', field, target: tableOf(field.target), via: field.via };
  }
  return null;
}

export function junctionOf(t: ModelTable, field: string) {
  const j = t.lists.find((l) => l.field.name === field);
  if (!j) throw new Error(`No junction ${t.model.name}.${field}`);
  return j;
}
