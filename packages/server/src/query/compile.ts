/**
 * Compile parsed filters into SQL over the registry-derived tables. Relation paths become sets computed once
 * (`IN (SELECT …)` subqueries that do not refer to the outer row), so filtering happens in SQLite with its indexes
 * (sorting: sort.ts).
 *
 * @example
 * ```ts
 * compileFilter(tableOf('session'), 'a', 'projects.id', 'uuid…');
 * // { sql: 'a.id IN (SELECT a_l.src FROM j_session_projects a_l WHERE a_l.dst = ?)', params: ['uuid…'] }
 * ```
 */
import {
  type FieldType,
  type FilterOperator,
  type FilterPath,
  filterParam,
  idKind,
  LIST_SEPARATOR,
  resolveFilter,
  TEXT_OPERATORS,
  UUID_PATTERN,
} from 'brainstem-api-description';
import { isCalendarDate, normaliseDateTime } from '../dates.js';
import { type ModelTable, quoteIdentifier } from '../db/schema.js';
import { badRequest } from '../errors.js';
import { junctionOf, NO_SCOPE, type Resolved, resolve, type ScopeFn, type Sql } from './fields.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeGlob = (s: string) => s.replace(/[*?[]/g, (c) => `[${c}]`);

/** 400 for a filter value that is not of its field's kind, naming the filter as sent. */
const invalidValue = (raw: string, key: string, expected: string) =>
  badRequest(`Invalid value "${raw}" for ${filterParam(key)}: expected ${expected}.`);

function convert(type: FieldType, raw: string, key: string, intId: boolean): unknown {
  if (type === 'integer' || (type === 'relation' && intId) || (type === 'uuid' && intId)) {
    if (!/^-?\d{1,15}$/.test(raw.trim())) throw invalidValue(raw, key, 'an integer');
    return Number(raw);
  }
  if (type === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === '1') return 1;
    if (v === 'false' || v === '0') return 0;
    throw invalidValue(raw, key, 'true or false');
  }
  if (type === 'datetime') {
    // A bare date means midnight UTC, as Django reads a date for a DateTimeField lookup.
    const d = normaliseDateTime(raw.trim()) ?? (isCalendarDate(raw.trim()) ? `${raw.trim()}T00:00:00Z` : null);
    if (!d) {
      throw invalidValue(raw, key, 'a date-time (YYYY-MM-DDThh:mm[:ss][Z|±HH:MM]) or a date');
    }
    return d;
  }
  if (type === 'date') {
    if (!isCalendarDate(raw.trim())) throw invalidValue(raw, key, 'a date (YYYY-MM-DD)');
    return raw.trim();
  }
  if (type === 'uuid' || (type === 'relation' && !intId)) {
    if (!UUID_PATTERN.test(raw.trim())) throw invalidValue(raw, key, 'a UUID');
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
  if (op === 'isnull') {
    const v = raw.trim().toLowerCase();
    if (v !== 'true' && v !== 'false' && v !== '1' && v !== '0') {
      throw invalidValue(raw, key, 'true or false');
    }
    return { sql: `${column} IS ${v === 'true' || v === '1' ? '' : 'NOT '}NULL`, params: [] };
  }
  if (op === 'in') {
    const values = raw.split(LIST_SEPARATOR).map((s) => convert(type, s.trim(), key, intId));
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
 * Compile one `filter{path[.op]}=value` on model table `t` (alias `alias`) from the path the API description's
 * resolver gives. Throws 400 with the resolver's problem for a name it refuses, or naming a malformed value.
 */
export function compileFilter(t: ModelTable, alias: string, key: string, raw: string, scope: ScopeFn = NO_SCOPE): Sql {
  const r = resolveFilter(t.model, key);
  if (r.problem !== undefined) throw badRequest(`${filterParam(key)}: ${r.problem}`);
  return compileHops(t, alias, r.path, 0, raw, 0, scope);
}

/** The storage of a field the resolver accepted. */
function stored(t: ModelTable, name: string, alias: string): Resolved {
  const r = resolve(t, name, alias);
  if (!r) throw new Error(`No storage for ${t.model.name}.${name}`);
  return r;
}

/**
 * Follow the relation hops of `path` from hop `i` on, then compare the final field. Every hop is a set, computed
 * once: the ids of the far records that match (an `IN (SELECT …)` that does not refer to the outer row), joined back
 * through the junction's indexes. A condition that looked at the outer row would rescan the far side per row, which
 * is quadratic for a relation that leads back to the same model (`projects.sessions.name`).
 */
function compileHops(
  t: ModelTable,
  alias: string,
  path: FilterPath,
  i: number,
  raw: string,
  depth: number,
  scope: ScopeFn,
): Sql {
  const h = path.hops[i];
  if (!h) return compileField(t, alias, path, raw, depth, scope);
  const r = stored(t, h.field.name, alias);
  const b = `${alias}_${depth}`;
  if (r.kind === 'column') throw new Error(`${t.model.name}.${h.field.name} is not a relation`);
  return linkedTo(alias, r, matching(r.target, b, compileHops(r.target, b, path, i + 1, raw, depth + 1, scope), scope));
}

/** The ids of `t`'s rows (alias `b`) that match `cond` and that the caller may read: a set that stands alone. */
function matching(t: ModelTable, b: string, cond: Sql, scope: ScopeFn): Sql {
  const s = scope(t.model, b);
  return {
    sql: `SELECT ${b}.id FROM ${t.table} ${b} WHERE ${cond.sql} AND ${s.sql}`,
    params: [...cond.params, ...s.params],
  };
}

/** Rows of the outer table (alias `alias`) linked through relation `r` to a record whose id is in `ids`. */
function linkedTo(alias: string, r: Exclude<Resolved, { kind: 'column' }>, ids: Sql): Sql {
  const b = `${alias}_l`;
  if (r.kind === 'relation') return { sql: `${r.column} IN (${ids.sql})`, params: ids.params };
  if (r.kind === 'junction') {
    return {
      sql: `${alias}.id IN (SELECT ${b}.${r.src} FROM ${r.table} ${b} WHERE ${b}.${r.dst} IN (${ids.sql}))`,
      params: ids.params,
    };
  }
  // Reverse list: the target's rows point back here through `via`.
  if (r.target.storage.get(r.via) === 'junction') {
    const j = junctionOf(r.target, r.via);
    return {
      sql: `${alias}.id IN (SELECT ${b}.${j.dst} FROM ${j.table} ${b} WHERE ${b}.${j.src} IN (${ids.sql}))`,
      params: ids.params,
    };
  }
  const via = quoteIdentifier(r.via);
  return {
    sql: `${alias}.id IN (SELECT ${b}.${via} FROM ${r.target.table} ${b} WHERE ${b}.${via} IS NOT NULL AND ${b}.id IN (${ids.sql}))`,
    params: ids.params,
  };
}

const isTrue = (raw: string): boolean => {
  const v = raw.trim().toLowerCase();
  return v === 'true' || v === '1';
};

/** Compare the final field of `path` on `t`: a column, or the related ids of a relation, relation list or reverse list. */
function compileField(t: ModelTable, alias: string, path: FilterPath, raw: string, depth: number, scope: ScopeFn): Sql {
  const { key, operator: op } = path;
  const r = stored(t, path.field.name, alias);
  const b = `${alias}_${depth}`;
  if (r.kind === 'column') {
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
  if (r.kind === 'relation')
    return comparison(r.column, r.target.intId ? 'integer' : 'uuid', op, raw, key, r.target.intId);
  if (r.kind === 'junction') {
    if (op === 'isnull') {
      const linked = `${alias}.id IN (SELECT ${b}.${r.src} FROM ${r.table} ${b})`;
      return { sql: isTrue(raw) ? `NOT (${linked})` : linked, params: [] };
    }
    const intTarget = idKind(r.target.model) === 'integer';
    const inner = comparison(`${b}.${r.dst}`, intTarget ? 'integer' : 'uuid', op, raw, key, intTarget);
    return {
      sql: `${alias}.id IN (SELECT ${b}.${r.src} FROM ${r.table} ${b} WHERE ${inner.sql})`,
      params: inner.params,
    };
  }
  // Reverse list: rows of the target pointing back here through `via` (only those the caller may read), compared
  // by their ids.
  if (op === 'isnull') {
    const linked = linkedTo(alias, r, matching(r.target, b, { sql: '1', params: [] }, scope));
    return { sql: isTrue(raw) ? `NOT (${linked.sql})` : linked.sql, params: linked.params };
  }
  const idPath: FilterPath = { ...path, hops: [], model: r.target.model, field: { name: 'id', type: 'uuid', doc: '' } };
  const inner = compileField(r.target, b, idPath, raw, depth + 1, scope);
  return linkedTo(alias, r, matching(r.target, b, inner, scope));
}
