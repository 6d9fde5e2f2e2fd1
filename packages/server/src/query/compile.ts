/**
 * Compile parsed filters and sort keys into SQL over the registry-derived tables. Relation paths become
 * IN/EXISTS subqueries, so filtering, sorting and paging all happen in SQLite.
 *
 * @example
 * ```ts
 * compileFilter(tableOf('session'), 'a', 'projects.id', 'uuid…');
 * // { sql: 'EXISTS (SELECT 1 FROM j_session_projects … )', params: ['uuid…'] }
 * ```
 */
import {
  FILTER_OPERATORS,
  type FieldSpec,
  type FieldType,
  type FilterOperator,
  filterableFields,
  idKind,
  includableFields,
  isFilterOperator,
  type ModelSpec,
  operatorsFor,
  sortableFields,
  TEXT_OPERATORS,
  TIMESTAMP_FIELDS,
  UUID_PATTERN,
} from 'brainstem-api-tools/registry';
import { type ModelTable, q, tableOf } from '../db/schema.js';
import { badRequest } from '../errors.js';

/**
 * The caller's read scope of a related model (see permissions/scope.ts). Filters that look inside related records
 * apply it, so `filter{datastorage.name}=…` cannot probe records the caller may not read.
 */
export type ScopeFn = (model: ModelSpec, alias: string) => Sql;

const NO_SCOPE: ScopeFn = () => ({ sql: '1', params: [] });

export interface Sql {
  sql: string;
  params: unknown[];
}

type Resolved =
  | { kind: 'column'; field: FieldSpec; type: FieldType; column: string }
  | { kind: 'relation'; field: FieldSpec; column: string; target: ModelTable }
  | { kind: 'junction'; field: FieldSpec; table: string; src: string; dst: string; target: ModelTable }
  | { kind: 'reverse'; field: FieldSpec; target: ModelTable; via: string };

function idField(t: ModelTable): FieldSpec {
  return t.model.fields.find((f) => f.name === 'id') ?? { name: 'id', type: 'uuid', doc: '' };
}

/** Resolve one path segment on a model; `null` when the model has no such (filterable) field. */
function resolve(t: ModelTable, name: string, alias: string): Resolved | null {
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
      return { kind: 'relation', field, column: `${alias}.${q(name)}`, target: tableOf(field.target) };
    }
    return { kind: 'column', field, type: field.type, column: `${alias}.${q(name)}` };
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

function fieldNames(t: ModelTable): string {
  return filterableFields(t.model)
    .map((f) => f.name)
    .join(', ');
}

const LIKE_ESCAPE = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const GLOB_ESCAPE = (s: string) => s.replace(/[*?[]/g, (c) => `[${c}]`);

/** Normalise an ISO date-time to the stored form (`…Z`, milliseconds only when non-zero). */
export function normaliseDateTime(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))?$/i.exec(v);
  if (!m) return null;
  // Every part must exist as written: 2024-02-30 or 25:00 are errors, not rolled over to the next day.
  if (!isCalendarDate(m[1] as string) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  if (m[7] && (Number(m[8]) > 23 || Number(m[9]) > 59)) return null;
  const d = new Date(m[6] ? v.replace(' ', 'T') : `${v.replace(' ', 'T')}Z`);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * Whether `v` is a YYYY-MM-DD date that exists (2024-02-29 yes, 2023-02-29 no).
 *
 * @example
 * ```ts
 * isCalendarDate('2024-02-30'); // false
 * ```
 */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function convert(type: FieldType, raw: string, key: string, intId: boolean): unknown {
  if (type === 'integer' || (type === 'relation' && intId) || (type === 'uuid' && intId)) {
    if (!/^-?\d{1,15}$/.test(raw.trim()))
      throw badRequest(`Invalid value "${raw}" for filter{${key}}: expected an integer.`);
    return Number(raw);
  }
  if (type === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === '1') return 1;
    if (v === 'false' || v === '0') return 0;
    throw badRequest(`Invalid value "${raw}" for filter{${key}}: expected true or false.`);
  }
  if (type === 'datetime') {
    // A bare date means midnight UTC, as Django reads a date for a DateTimeField lookup.
    const d = normaliseDateTime(raw.trim()) ?? (isCalendarDate(raw.trim()) ? `${raw.trim()}T00:00:00Z` : null);
    if (!d) {
      throw badRequest(
        `Invalid value "${raw}" for filter{${key}}: expected a date-time (YYYY-MM-DDThh:mm[:ss][Z|±HH:MM]) or a date.`,
      );
    }
    return d;
  }
  if (type === 'date') {
    if (!isCalendarDate(raw.trim()))
      throw badRequest(`Invalid value "${raw}" for filter{${key}}: expected a date (YYYY-MM-DD).`);
    return raw.trim();
  }
  if (type === 'uuid' || (type === 'relation' && !intId)) {
    if (!UUID_PATTERN.test(raw.trim())) throw badRequest(`Invalid value "${raw}" for filter{${key}}: expected a UUID.`);
    return raw.trim().toLowerCase();
  }
  return raw;
}

function comparison(
  column: string,
  type: FieldType,
  op: FilterOperator,
  raw: string,
  key: string,
  intId: boolean,
): Sql {
  if (type === 'json') throw badRequest(`Cannot filter on JSON field in filter{${key}}.`);
  if (!operatorsFor({ name: key, type, doc: '' }).includes(op)) {
    throw badRequest(`Operator "${op}" does not apply to ${type} field in filter{${key}}.`);
  }
  if (op === 'isnull') {
    const v = raw.trim().toLowerCase();
    if (v !== 'true' && v !== 'false' && v !== '1' && v !== '0') {
      throw badRequest(`Invalid value "${raw}" for filter{${key}}: expected true or false.`);
    }
    return { sql: `${column} IS ${v === 'true' || v === '1' ? '' : 'NOT '}NULL`, params: [] };
  }
  if (op === 'in') {
    const values = raw.split(',').map((s) => convert(type, s.trim(), key, intId));
    return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] };
  }
  if (TEXT_OPERATORS.includes(op)) {
    switch (op) {
      case 'iexact':
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [LIKE_ESCAPE(raw)] };
      case 'icontains':
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${LIKE_ESCAPE(raw)}%`] };
      case 'istartswith':
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`${LIKE_ESCAPE(raw)}%`] };
      case 'iendswith':
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${LIKE_ESCAPE(raw)}`] };
      case 'contains':
        return { sql: `${column} GLOB ?`, params: [`*${GLOB_ESCAPE(raw)}*`] };
      case 'startswith':
        return { sql: `${column} GLOB ?`, params: [`${GLOB_ESCAPE(raw)}*`] };
      default:
        return { sql: `${column} GLOB ?`, params: [`*${GLOB_ESCAPE(raw)}`] };
    }
  }
  const value = convert(type, raw, key, intId);
  const sqlOp = { exact: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' }[op as 'exact' | 'gt' | 'gte' | 'lt' | 'lte'];
  return { sql: `${column} ${sqlOp} ?`, params: [value] };
}

/**
 * Compile one `filter{path[.op]}=value` on model table `t` (alias `alias`). Throws 400 naming an unknown field
 * or operator.
 */
export function compileFilter(t: ModelTable, alias: string, key: string, raw: string, scope: ScopeFn = NO_SCOPE): Sql {
  const parts = key.split('.');
  let op: FilterOperator = 'exact';
  const last = parts[parts.length - 1] as string;
  if (parts.length > 1 && isFilterOperator(last)) {
    op = last;
    parts.pop();
  } else if (parts.length > 1 && !resolvePathOk(t, parts)) {
    // The last segment is neither an operator nor a field: name it as a bad operator.
    const prefixOk = resolvePathOk(t, parts.slice(0, -1));
    const related = prefixOk ? relatedTable(t, parts.slice(0, -1)) : null;
    if (related) {
      // `behaviors.name`: the path reaches another model, which has no field `name`.
      throw badRequest(
        `Unknown field "${last}" on ${related.model.name} in filter{${key}}. Fields: ${fieldNames(related)}.`,
      );
    }
    if (prefixOk) {
      throw badRequest(
        `Unknown filter operator "${last}" in filter{${key}}. Operators: ${FILTER_OPERATORS.join(', ')}.`,
      );
    }
  }
  return compilePath(t, alias, parts, op, raw, key, 0, scope);
}

/** The model a relation path ends on (`behaviors` → behavior), or null when it ends on a plain field. */
function relatedTable(t: ModelTable, parts: string[]): ModelTable | null {
  let cur = t;
  for (const p of parts) {
    const r = resolve(cur, p, 'x');
    if (!r || r.kind === 'column') return null;
    cur = r.target;
  }
  return cur;
}

function resolvePathOk(t: ModelTable, parts: string[]): boolean {
  let cur = t;
  for (let i = 0; i < parts.length; i++) {
    const r = resolve(cur, parts[i] as string, 'x');
    if (!r) return false;
    if (r.kind === 'column') return i === parts.length - 1;
    cur = r.target;
  }
  return true;
}

function compilePath(
  t: ModelTable,
  alias: string,
  parts: string[],
  op: FilterOperator,
  raw: string,
  key: string,
  depth: number,
  scope: ScopeFn,
): Sql {
  const name = parts[0];
  if (name === undefined || name === '') throw badRequest(`Empty field name in filter{${key}}.`);
  const r = resolve(t, name, alias);
  if (!r) {
    throw badRequest(`Unknown filter field "${name}" in filter{${key}} for ${t.model.name}. Fields: ${fieldNames(t)}.`);
  }
  const rest = parts.slice(1);
  const b = `${alias}_${depth}`;
  if (r.kind === 'column') {
    if (rest.length > 0) {
      if (r.type === 'list_of_strings') throw badRequest(`Unknown filter operator "${rest[0]}" in filter{${key}}.`);
      throw badRequest(`Field "${name}" of ${t.model.name} has no sub-field "${rest[0]}" (filter{${key}}).`);
    }
    if (r.type === 'list_of_strings') {
      // filter{tags}=x matches records whose tag list contains x.
      const inner = comparison(`${b}.value`, 'string', op, raw, key, false);
      if (op === 'isnull') {
        return {
          sql: `(${r.column} IS NULL OR ${r.column} = '[]') = ${inner.sql.endsWith('NOT NULL') ? 0 : 1}`,
          params: [],
        };
      }
      return { sql: `EXISTS (SELECT 1 FROM json_each(${r.column}) ${b} WHERE ${inner.sql})`, params: inner.params };
    }
    return comparison(r.column, r.type, op, raw, key, false);
  }
  const targetIdPath = rest.length === 0 || (rest.length === 1 && (rest[0] === 'id' || rest[0] === 'pk'));
  if (r.kind === 'relation') {
    if (targetIdPath) {
      return comparison(r.column, r.target.intId ? 'integer' : 'uuid', op, raw, key, r.target.intId);
    }
    const inner = compilePath(r.target, b, rest, op, raw, key, depth + 1, scope);
    const s = scope(r.target.model, b);
    return {
      sql: `${r.column} IN (SELECT ${b}.id FROM ${r.target.table} ${b} WHERE ${inner.sql} AND ${s.sql})`,
      params: [...inner.params, ...s.params],
    };
  }
  if (r.kind === 'junction') {
    const intTarget = idKind(r.target.model) === 'integer';
    if (op === 'isnull' && targetIdPath) {
      const v = raw.trim().toLowerCase();
      const exists = `EXISTS (SELECT 1 FROM ${r.table} ${b} WHERE ${b}.${r.src} = ${alias}.id)`;
      return { sql: v === 'true' || v === '1' ? `NOT ${exists}` : exists, params: [] };
    }
    if (targetIdPath) {
      const inner = comparison(`${b}.${r.dst}`, intTarget ? 'integer' : 'uuid', op, raw, key, intTarget);
      return {
        sql: `EXISTS (SELECT 1 FROM ${r.table} ${b} WHERE ${b}.${r.src} = ${alias}.id AND ${inner.sql})`,
        params: inner.params,
      };
    }
    const inner = compilePath(r.target, `${b}t`, rest, op, raw, key, depth + 1, scope);
    const s = scope(r.target.model, `${b}t`);
    return {
      sql: `EXISTS (SELECT 1 FROM ${r.table} ${b} JOIN ${r.target.table} ${b}t ON ${b}t.id = ${b}.${r.dst} WHERE ${b}.${r.src} = ${alias}.id AND ${inner.sql} AND ${s.sql})`,
      params: [...inner.params, ...s.params],
    };
  }
  // Reverse list: rows of the target pointing back here through `via`.
  const viaStorage = r.target.storage.get(r.via);
  const innerPath = targetIdPath ? ['id'] : rest;
  if (op === 'isnull' && targetIdPath) {
    const v = raw.trim().toLowerCase();
    // Reverse lists hold other records: only those the caller may read count.
    const s = scope(r.target.model, b);
    const exists =
      viaStorage === 'junction'
        ? `EXISTS (SELECT 1 FROM ${junctionOf(r.target, r.via).table} ${b}j JOIN ${r.target.table} ${b} ON ${b}.id = ${b}j.${junctionOf(r.target, r.via).src} WHERE ${b}j.${junctionOf(r.target, r.via).dst} = ${alias}.id AND ${s.sql})`
        : `EXISTS (SELECT 1 FROM ${r.target.table} ${b} WHERE ${b}.${q(r.via)} = ${alias}.id AND ${s.sql})`;
    return { sql: v === 'true' || v === '1' ? `NOT ${exists}` : exists, params: s.params };
  }
  const inner = compilePath(r.target, b, innerPath, op, raw, key, depth + 1, scope);
  const s = scope(r.target.model, b);
  if (viaStorage === 'junction') {
    const j = junctionOf(r.target, r.via);
    return {
      sql: `EXISTS (SELECT 1 FROM ${j.table} ${b}j JOIN ${r.target.table} ${b} ON ${b}.id = ${b}j.${j.src} WHERE ${b}j.${j.dst} = ${alias}.id AND ${inner.sql} AND ${s.sql})`,
      params: [...inner.params, ...s.params],
    };
  }
  return {
    sql: `EXISTS (SELECT 1 FROM ${r.target.table} ${b} WHERE ${b}.${q(r.via)} = ${alias}.id AND ${inner.sql} AND ${s.sql})`,
    params: [...inner.params, ...s.params],
  };
}

function junctionOf(t: ModelTable, field: string) {
  const j = t.lists.find((l) => l.field.name === field);
  if (!j) throw new Error(`No junction ${t.model.name}.${field}`);
  return j;
}

/**
 * Compile `sort[]` keys (`name`, `-created_date`, `subject.name`) into an ORDER BY list. The row id is always
 * appended so pages are stable.
 */
export function compileSort(t: ModelTable, alias: string, keys: readonly string[], scope: ScopeFn = NO_SCOPE): Sql {
  const terms: string[] = [];
  const params: unknown[] = [];
  for (const key of keys) {
    const desc = key.startsWith('-');
    const path = (desc || key.startsWith('+') ? key.slice(1) : key).split('.');
    const first = resolve(t, path[0] as string, alias);
    let expr: string | null = null;
    if (first?.kind === 'column' && path.length === 1 && first.type !== 'json' && first.type !== 'list_of_strings') {
      expr = first.column;
    } else if (first?.kind === 'relation') {
      const rest = path.slice(1);
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'id')) expr = first.column;
      else if (rest.length === 1) {
        const inner = resolve(first.target, rest[0] as string, `${alias}_s`);
        if (inner?.kind === 'column' || inner?.kind === 'relation') {
          // Related rows the caller cannot read sort as NULL (ordering must not reveal their fields).
          const sc = scope(first.target.model, `${alias}_s`);
          expr = `(SELECT ${inner.column} FROM ${first.target.table} ${alias}_s WHERE ${alias}_s.id = ${first.column} AND ${sc.sql})`;
          params.push(...sc.params);
        }
      }
    }
    if (!expr) {
      throw badRequest(`Unknown sort field "${key}" for ${t.model.name}. Sortable: ${sortableNames(t)}.`);
    }
    terms.push(`${expr} ${desc ? 'DESC' : 'ASC'}`);
  }
  terms.push(`${alias}.rowid ASC`);
  return { sql: terms.join(', '), params };
}

function sortableNames(t: ModelTable): string {
  return sortableFields(t.model)
    .map((f) => f.name)
    .join(', ');
}

/** Validate `include[]` names: relation, relation-list and reverse-list fields. Returns the fields. */
export function resolveIncludes(t: ModelTable, names: readonly string[]): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const n of names) {
    const field = t.model.fields.find((f) => f.name === n);
    const storage = field ? t.storage.get(n) : undefined;
    // Any relation holds ids that can be embedded; `epochs` (no endpoint, always []) is accepted because the
    // Python client's load_session includes it by default.
    const ok = field?.target && (field.type === 'relation' || field.type === 'relation_list') && storage !== undefined;
    if (!ok || !field) {
      const rels = includableFields(t.model).map((f) => f.name);
      throw badRequest(
        `Unknown include "${n}" for ${t.model.name}. ${rels.length ? `Includable: ${rels.join(', ')}.` : 'It has no relations.'}`,
      );
    }
    out.push(field);
  }
  return out;
}
