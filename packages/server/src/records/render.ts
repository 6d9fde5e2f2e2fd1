/**
 * Turn table rows into API records: columns converted to JSON types, relation lists and reverse lists filled
 * with one batched query per field for the whole page (no N+1), and computed fields. `include[]` embedding is
 * done on top of these renderings by `embed.ts`.
 *
 * Hot paths (lists, details, includes) read rows in better-sqlite3's raw (array) mode with an explicit column
 * list — `rawColumns(t)` — which halves the cost of materialising a page.
 *
 * @example
 * ```ts
 * const raws = loadRaw(ctx, caller, tableOf('session'), ['id1', 'id2']);
 * renderRaw(ctx, caller, tableOf('session'), raws); // records, id lists scoped to the caller
 * ```
 */
import type { FieldSpec } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { type ModelTable, quoteIdentifier, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import type { Caller } from '../permissions/caller.js';
import { readScope } from '../permissions/scope.js';
import { fillComputed, type Row } from './computed.js';
import { hides, type Restrictions, restrictions, scopeRecords } from './scoped.js';

/** Default JSON value of an empty json field: `[]` for the registry's `jsonList` fields, `{}` otherwise. */
export function emptyJson(field: FieldSpec): unknown {
  return field.jsonList ? [] : {};
}

function parseJson(text: unknown, field: FieldSpec): unknown {
  if (text === null || text === undefined) return field.type === 'list_of_strings' ? [] : emptyJson(field);
  try {
    return JSON.parse(text as string);
  } catch {
    return null;
  }
}

/** A row as an array in `rawColumns(t)` order: rowid, id, …columns, created_date, modified_date. */
export type RawRow = unknown[];

/**
 * How a field's value is rendered from a raw row: the stored value as is, a 0/1 column as a boolean, JSON text
 * parsed, or left null for the list and computed-field fillers to set.
 */
type StepKind = 'stored' | 'boolean' | 'json' | 'filledLater';
interface Step {
  name: string;
  kind: StepKind;
  index: number;
  field: FieldSpec;
}
interface Layout {
  /** SQL select list (alias `a`). */
  select: string;
  names: string[];
  steps: Step[];
  /** Index of created_date (modified_date follows). */
  created: number;
  /** Index of `rrid` if the model has it (for rrid_url), else -1. */
  rrid: number;
}
const layouts = new WeakMap<ModelTable, Layout>();

/** Column layout of raw rows for a model, computed once. */
export function layoutOf(t: ModelTable): Layout {
  let l = layouts.get(t);
  if (!l) {
    const names = ['rowid', 'id', ...t.columns.map((f) => f.name), 'created_date', 'modified_date'];
    const index = new Map(names.map((n, i) => [n, i]));
    const steps = t.model.fields.map((f): Step => {
      const i = index.get(f.name) ?? -1;
      if (f.name === 'id') return { name: f.name, kind: 'stored', index: 1, field: f };
      if (t.storage.get(f.name) !== 'column') return { name: f.name, kind: 'filledLater', index: -1, field: f };
      if (f.type === 'boolean') return { name: f.name, kind: 'boolean', index: i, field: f };
      if (f.type === 'json' || f.type === 'list_of_strings') return { name: f.name, kind: 'json', index: i, field: f };
      return { name: f.name, kind: 'stored', index: i, field: f };
    });
    l = {
      select: names.map((n) => `a.${n === 'rowid' ? 'rowid' : quoteIdentifier(n)}`).join(', '),
      names,
      steps,
      created: names.length - 2,
      rrid: index.get('rrid') ?? -1,
    };
    layouts.set(t, l);
  }
  return l;
}

/** Convert a full row object (from `SELECT *`) to the raw layout. */
export function toRaw(t: ModelTable, row: Row): RawRow {
  return layoutOf(t).names.map((n) => (n === 'rowid' ? 0 : row[n]));
}

/** Read rows of `t` by id (in the given order) as raw arrays, restricted to what `caller` may read. */
export function loadRaw(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  ids: readonly (string | number)[],
): RawRow[] {
  if (ids.length === 0) return [];
  const scope = readScope(ctx, caller, t.model, 'a');
  const rows = stmt(
    ctx.db,
    `SELECT ${layoutOf(t).select} FROM ${t.table} a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${scope.sql}`,
  )
    .raw(true)
    .all(JSON.stringify(ids), ...scope.params) as RawRow[];
  if (rows.length <= 1) return rows;
  const byId = new Map(rows.map((r) => [r[1], r]));
  const out: RawRow[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) out.push(r);
  }
  return out;
}

/** Read full row objects of `t` by id, restricted to what `caller` may read (write paths need every column). */
export function loadRows(ctx: ServerContext, caller: Caller, t: ModelTable, ids: readonly (string | number)[]): Row[] {
  if (ids.length === 0) return [];
  const scope = readScope(ctx, caller, t.model, 'a');
  const rows = stmt(
    ctx.db,
    `SELECT a.* FROM ${t.table} a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${scope.sql}`,
  ).all(JSON.stringify(ids), ...scope.params) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
}

/** Render row objects (all of one model) as API records. */
export function renderRows(ctx: ServerContext, caller: Caller, t: ModelTable, rows: Row[]): Record<string, unknown>[] {
  return renderRaw(
    ctx,
    caller,
    t,
    rows.map((r) => toRaw(t, r)),
  );
}

/**
 * Rendered records by table and rowid, valid until the next write (any committed write changes the
 * generation and empties it). Records without includes are cached before their id lists are scoped to the
 * caller (`scopeRecords` runs after the cache and copies what it changes), so they can be shared between
 * responses; they are never mutated after rendering.
 */
interface Cached {
  rec: Record<string, unknown>;
  /** `JSON.stringify(rec)` as UTF-8, made on first use (list pages are joined from these). */
  bytes?: Buffer;
  /** The last reader restrictions `rec` was found to show nothing hidden by (they are memoised per generation). */
  clearFor?: Restrictions;
}
interface RecordCache {
  generation: number;
  size: number;
  /** Table name → rowid → rendering (numeric keys: no key strings to build and hash per lookup). */
  tables: Map<string, Map<number, Cached>>;
}
const recordCache = new WeakMap<ServerContext, RecordCache>();
const MAX_CACHED_RECORDS = 100_000;

function cacheOf(ctx: ServerContext, t: ModelTable): Map<number, Cached> {
  let c = recordCache.get(ctx);
  if (!c || c.generation !== ctx.generation || c.size > MAX_CACHED_RECORDS) {
    c = { generation: ctx.generation, size: 0, tables: new Map() };
    recordCache.set(ctx, c);
  }
  let m = c.tables.get(t.table);
  if (!m) {
    m = new Map();
    c.tables.set(t.table, m);
  }
  return m;
}

function remember(ctx: ServerContext, cache: Map<number, Cached>, rowid: number, rec: Record<string, unknown>) {
  const c = recordCache.get(ctx) as RecordCache;
  if (!cache.has(rowid)) c.size++;
  cache.set(rowid, { rec });
}

/**
 * JSON of cached renderings by rowid, as UTF-8 bytes, or `null` when any is not cached or shows an id the caller
 * may not read (then render normally).
 *
 * @example
 * ```ts
 * const bytes = cachedJsonByRowid(ctx, caller, tableOf('session'), [1, 2, 3]); // [<Buffer 7b 22 69 64 …>, …] | null
 * ```
 */
export function cachedJsonByRowid(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  rowids: readonly number[],
): Buffer[] | null {
  const cache = cacheOf(ctx, t);
  const rs = restrictions(ctx, caller, t);
  const out: Buffer[] = new Array(rowids.length);
  for (let i = 0; i < rowids.length; i++) {
    const c = cache.get(rowids[i] as number);
    if (!c) return null;
    // Cached records are unscoped: a page showing ids the caller may not read takes the rendering path.
    if (rs.length > 0 && c.clearFor !== rs) {
      if (hides(c.rec, rs)) return null;
      c.clearFor = rs;
    }
    c.bytes ??= Buffer.from(JSON.stringify(c.rec));
    out[i] = c.bytes;
  }
  return out;
}

/**
 * Render raw rows (all of one model) as API records, id lists scoped to the caller. The records may be shared
 * cached objects: copy one before changing it.
 */
export function renderRaw(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  raws: RawRow[],
): Record<string, unknown>[] {
  if (raws.length === 0) return [];
  const cache = cacheOf(ctx, t);
  const out: (Record<string, unknown> | undefined)[] = raws.map((r) =>
    r[0] ? cache.get(r[0] as number)?.rec : undefined,
  );
  const missing: number[] = [];
  for (let i = 0; i < out.length; i++) if (!out[i]) missing.push(i);
  if (missing.length > 0) {
    const fresh = renderFresh(
      ctx,
      t,
      missing.map((i) => raws[i] as RawRow),
    );
    missing.forEach((i, k) => {
      const rec = fresh[k] as Record<string, unknown>;
      out[i] = rec;
      const rowid = (raws[i] as RawRow)[0];
      if (rowid) remember(ctx, cache, rowid as number, rec);
    });
  }
  return scopeRecords(ctx, caller, t, out as Record<string, unknown>[]);
}

/** Render raw rows without the cache and unscoped (the same for every caller). */
function renderFresh(ctx: ServerContext, t: ModelTable, raws: RawRow[]): Record<string, unknown>[] {
  if (raws.length === 0) return [];
  const layout = layoutOf(t);
  const steps = layout.steps;
  const out: Record<string, unknown>[] = new Array(raws.length);
  const rows: Row[] = new Array(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as RawRow;
    const o: Record<string, unknown> = {};
    for (const step of steps) {
      switch (step.kind) {
        case 'stored':
          o[step.name] = r[step.index] ?? null;
          break;
        case 'boolean':
          o[step.name] = r[step.index] === 1;
          break;
        case 'json':
          o[step.name] = parseJson(r[step.index], step.field);
          break;
        case 'filledLater':
          o[step.name] = null;
      }
    }
    out[i] = o;
    // What the list/computed fillers need of a row.
    rows[i] = {
      id: r[1] as string | number,
      created_date: r[layout.created],
      modified_date: r[layout.created + 1],
      rrid: layout.rrid >= 0 ? r[layout.rrid] : undefined,
    };
  }
  const ids = JSON.stringify(rows.map((r) => r.id));
  for (const j of t.lists) {
    const links = stmt(
      ctx.db,
      `SELECT ${j.src}, ${j.dst}, ${j.pos} FROM ${j.table} WHERE ${j.src} IN (SELECT value FROM json_each(?))${j.throughModel ? ' ORDER BY rowid' : ''}`,
    )
      .raw(true)
      .all(ids) as [unknown, unknown, number][];
    // Order by position within each record (stable for equal positions).
    links.sort((a, b) => a[2] - b[2]);
    fillLists(rows, out, j.field.name, links);
  }
  for (const f of t.reverse) {
    const target = tableOf(f.target as string);
    const via = f.via as string;
    let links: [unknown, unknown][];
    if (target.storage.get(via) === 'junction') {
      const j = target.lists.find((l) => l.field.name === via);
      if (!j) continue;
      links = stmt(
        ctx.db,
        `SELECT jj.${j.dst}, jj.${j.src} FROM ${j.table} jj JOIN ${target.table} x ON x.id = jj.${j.src}
         WHERE jj.${j.dst} IN (SELECT value FROM json_each(?)) ORDER BY x.rowid`,
      )
        .raw(true)
        .all(ids) as typeof links;
    } else {
      links = stmt(
        ctx.db,
        `SELECT ${quoteIdentifier(via)}, id FROM ${target.table} WHERE ${quoteIdentifier(via)} IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
      )
        .raw(true)
        .all(ids) as typeof links;
    }
    fillLists(rows, out, f.name, links);
  }
  fillComputed(ctx, t, rows, out);
  return out;
}

function fillLists(rows: Row[], out: Record<string, unknown>[], name: string, links: unknown[][]) {
  const by = new Map<unknown, unknown[]>();
  for (const l of links) {
    const list = by.get(l[0]);
    if (list) list.push(l[1]);
    else by.set(l[0], [l[1]]);
  }
  for (let i = 0; i < rows.length; i++) {
    (out[i] as Record<string, unknown>)[name] = by.get((rows[i] as Row).id) ?? [];
  }
}
