/**
 * Compile parsed filters into SQL over the registry-derived tables. Relation paths become
 * IN/EXISTS subqueries, so filtering happens in SQLite (sorting: sort.ts).
 *
 * @example
 * ```ts
 * compileFilter(tableOf('session'), 'a', 'projects.id', 'uuid…');
 * // { sql: 'EXISTS (SELECT 1 FROM j_session_projects … )', params: ['uuid…'] }
 * ```
 */
import {
  FILTER_OPERATORS,
  type FieldType,
  type FilterOperator,
  filterableFields,
  idKind,
  isFilterOperator,
  operatorsFor,
  TEXT_OPERATORS,
  UUID_PATTERN,
} from 'brainstem-api-description';
import { isCalendarDate, normaliseDateTime } from '../dates.js';
import { type ModelTable, quoteIdentifier } from '../db/schema.js';
import { badRequest } from '../errors.js';
import { junctionOf, NO_SCOPE, resolve, type ScopeFn, type Sql } from './fields.js';

function fieldNames(t: ModelTable): string {
  return filterableFields(t.model)
    .map((f) => f.name)
    .join(', ');
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeGlob = (s: string) => s.replace(/[*?[]/g, (c) => `[${c}]`);

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
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [escapeLike(raw)] };
      case 'icontains':
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(raw)}%`] };
      case 'istartswith':
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(raw)}%`] };
      case 'iendswith':
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(raw)}`] };
      case 'contains':
        return { sql: `${column} GLOB ?`, params: [`*${escapeGlob(raw)}*`] };
      case 'startswith':
        return { sql: `${column} GLOB ?`, params: [`${escapeGlob(raw)}*`] };
      default:
        return { sql: `${column} GLOB ?`, params: [`*${escapeGlob(raw)}`] };
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
        : `EXISTS (SELECT 1 FROM ${r.target.table} ${b} WHERE ${b}.${quoteIdentifier(r.via)} = ${alias}.id AND ${s.sql})`;
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
    sql: `EXISTS (SELECT 1 FROM ${r.target.table} ${b} WHERE ${b}.${quoteIdentifier(r.via)} = ${alias}.id AND ${inner.sql} AND ${s.sql})`,
    params: [...inner.params, ...s.params],
  };
}
