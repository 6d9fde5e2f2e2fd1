/**
 * Turn table rows into API records: columns converted to JSON types, relation lists and reverse lists filled
 * with one batched query per field for the whole page (no N+1), computed fields, and `include[]` embedding.
 *
 * @example
 * ```ts
 * const rows = loadRows(ctx, caller, tableOf('session'), ['id1', 'id2']);
 * renderRows(ctx, caller, tableOf('session'), rows, [getField('session', 'projects')!]);
 * ```
 */
import type { FieldSpec } from 'brainstem-api-tools/registry';
import type { ServerContext } from '../context.js';
import { type ModelTable, q, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import type { Caller } from '../permissions/caller.js';
import { readScope } from '../permissions/scope.js';
import { fillComputed, type Row } from './computed.js';

/** Default JSON value of an empty json field: lists for the fields the docs show as lists, objects otherwise. */
const LIST_JSON_FIELDS = new Set([
  'download_links',
  'entries',
  'external_identifiers',
  'data_organization',
  'data_protocols',
]);
export function emptyJson(field: FieldSpec): unknown {
  return LIST_JSON_FIELDS.has(field.name) ? [] : {};
}

function parseJson(text: unknown, field: FieldSpec): unknown {
  if (text === null || text === undefined) return field.type === 'list_of_strings' ? [] : emptyJson(field);
  try {
    return JSON.parse(text as string);
  } catch {
    return null;
  }
}

/** Read rows of `t` by id (in the given order), restricted to what `caller` may read. */
export function loadRows(ctx: ServerContext, caller: Caller, t: ModelTable, ids: readonly (string | number)[]): Row[] {
  if (ids.length === 0) return [];
  const scope = readScope(ctx, caller, t.model, 'a');
  const rows = stmt(
    ctx.db,
    `SELECT a.* FROM ${t.table} a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${scope.sql}`,
  ).all(JSON.stringify(ids), ...scope.params) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: Row[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) out.push(r);
  }
  return out;
}

/** Render rows (all of one model) as API records, embedding `includes` (fields of `t`). */
export function renderRows(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  rows: Row[],
  includes: readonly FieldSpec[] = [],
): Record<string, unknown>[] {
  if (rows.length === 0) return [];
  const out: Record<string, unknown>[] = rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const f of t.model.fields) {
      if (f.name === 'id') {
        o.id = r.id;
        continue;
      }
      if (t.storage.get(f.name) !== 'column') {
        o[f.name] = null;
        continue;
      }
      const v = r[f.name];
      if (f.type === 'boolean') o[f.name] = v === null || v === undefined ? false : v === 1;
      else if (f.type === 'json' || f.type === 'list_of_strings') o[f.name] = parseJson(v, f);
      else o[f.name] = v ?? null;
    }
    return o;
  });
  const ids = JSON.stringify(rows.map((r) => r.id));
  for (const j of t.lists) {
    const links = stmt(
      ctx.db,
      `SELECT ${j.src} AS s, ${j.dst} AS d FROM ${j.table} WHERE ${j.src} IN (SELECT value FROM json_each(?)) ORDER BY ${j.src}, ${j.pos}, ${j.throughModel ? 'rowid' : j.dst}`,
    ).all(ids) as { s: string | number; d: string | number }[];
    fillLists(rows, out, j.field.name, links);
  }
  for (const f of t.reverse) {
    const target = tableOf(f.target as string);
    const via = f.via as string;
    let links: { s: string | number; d: string | number }[];
    if (target.storage.get(via) === 'junction') {
      const j = target.lists.find((l) => l.field.name === via);
      if (!j) continue;
      links = stmt(
        ctx.db,
        `SELECT jj.${j.dst} AS s, jj.${j.src} AS d FROM ${j.table} jj JOIN ${target.table} x ON x.id = jj.${j.src}
         WHERE jj.${j.dst} IN (SELECT value FROM json_each(?)) ORDER BY x.rowid`,
      ).all(ids) as typeof links;
    } else {
      links = stmt(
        ctx.db,
        `SELECT ${q(via)} AS s, id AS d FROM ${target.table} WHERE ${q(via)} IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
      ).all(ids) as typeof links;
    }
    fillLists(rows, out, f.name, links);
  }
  fillComputed(ctx, t, rows, out);
  for (const f of includes) embed(ctx, caller, out, f);
  return out;
}

function fillLists(rows: Row[], out: Record<string, unknown>[], name: string, links: { s: unknown; d: unknown }[]) {
  const by = new Map<unknown, unknown[]>();
  for (const l of links) {
    let list = by.get(l.s);
    if (!list) {
      list = [];
      by.set(l.s, list);
    }
    list.push(l.d);
  }
  rows.forEach((r, i) => {
    (out[i] as Record<string, unknown>)[name] = by.get(r.id) ?? [];
  });
}

/** Replace the ids in field `f` of every record with the full related records the caller can read. */
function embed(ctx: ServerContext, caller: Caller, out: Record<string, unknown>[], f: FieldSpec): void {
  if (f.target === 'epoch') return; // no epoch endpoint: the list stays []
  const target = tableOf(f.target as string);
  const wanted = new Set<string | number>();
  for (const o of out) {
    const v = o[f.name];
    if (Array.isArray(v)) for (const id of v) wanted.add(id as string | number);
    else if (v !== null && v !== undefined) wanted.add(v as string | number);
  }
  const rows = loadRows(ctx, caller, target, [...wanted]);
  const rendered = renderRows(ctx, caller, target, rows);
  const byId = new Map(rendered.map((r) => [r.id, r]));
  for (const o of out) {
    const v = o[f.name];
    if (Array.isArray(v)) o[f.name] = v.map((id) => byId.get(id)).filter((x) => x !== undefined);
    else if (v !== null && v !== undefined) o[f.name] = byId.get(v as string | number) ?? v;
  }
}
