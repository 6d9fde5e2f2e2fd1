/**
 * Id lists scoped to the reader: relation and relation-list fields of a rendered record only show ids of records
 * the caller may read (as `include[]` already does), so a session in a public and a private project shows only
 * the public project on the public portal. Rendered records are cached unscoped (shared by every caller); this
 * filter runs after the cache, with one visible-id set per (caller, target model) per write generation.
 *
 * @example
 * ```ts
 * const recs = scopeRecords(ctx, caller, tableOf('session'), renderedSessions);
 * recs[0].projects; // only projects the caller can read
 * ```
 */
import { type FieldSpec, hasNoEndpoint } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { type ModelTable, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import type { Caller } from '../permissions/caller.js';
import { readScope } from '../permissions/scope.js';

interface IdField {
  field: FieldSpec;
  target: ModelTable;
}

const idFields = new WeakMap<ModelTable, IdField[]>();

/**
 * The fields of `t` that hold ids of another model with a table and are scoped to the reader. The two sides of
 * an invitation or request are not: whoever may read the invitation (the invitee or the target's managers) is
 * meant to learn what it is for and whom it invites — the docs' examples show the `project` id to the invitee,
 * who cannot read the project before accepting.
 */
function idFieldsOf(t: ModelTable): IdField[] {
  let list = idFields.get(t);
  if (!list) {
    list = [];
    const inv = t.model.invitation;
    for (const f of t.model.fields) {
      if ((f.type !== 'relation' && f.type !== 'relation_list') || !f.target) continue;
      if (hasNoEndpoint(f)) continue; // no endpoint, no table (session epochs): the list is always []
      if (inv && (f.name === inv.targetField || f.name === inv.inviteeField)) continue;
      list.push({ field: f, target: tableOf(f.target) });
    }
    idFields.set(t, list);
  }
  return list;
}

/** Ids of `target` the caller may read, or `null` when every row is readable. Memoised per write generation. */
function visibleIds(ctx: ServerContext, caller: Caller, target: ModelTable): Set<unknown> | null {
  const scope = readScope(ctx, caller, target.model, 'a');
  if (scope.sql === '1') return null;
  const key = `${ctx.generation}:visible:${caller.portal}:${caller.user?.id ?? ''}:${target.table}`;
  const hit = ctx.memo.get(key) as Set<unknown> | undefined;
  if (hit) return hit;
  if (ctx.memo.size > 5000) ctx.memo.clear();
  const ids = new Set(
    stmt(ctx.db, `SELECT a.id FROM ${target.table} a WHERE ${scope.sql}`)
      .pluck()
      .all(...scope.params),
  );
  ctx.memo.set(key, ids);
  return ids;
}

/** The id fields of a model whose targets a caller cannot read entirely, with the readable ids. */
export type Restrictions = readonly (readonly [FieldSpec, Set<unknown>])[];

/**
 * The id fields of `t` whose targets the caller cannot read entirely, with the readable ids. Memoised per write
 * generation: while the visible-id sets stay the same, so does the returned array, so a verdict of `hides`
 * for an immutable record can be remembered against it.
 */
export function restrictions(ctx: ServerContext, caller: Caller, t: ModelTable): Restrictions {
  const key = `${ctx.generation}:restrictions:${caller.portal}:${caller.user?.id ?? ''}:${t.table}`;
  const hit = ctx.memo.get(key) as Restrictions | undefined;
  if (hit) return hit;
  const out: [FieldSpec, Set<unknown>][] = [];
  for (const { field, target } of idFieldsOf(t)) {
    const ids = visibleIds(ctx, caller, target);
    if (ids) out.push([field, ids]);
  }
  if (ctx.memo.size > 5000) ctx.memo.clear();
  ctx.memo.set(key, out);
  return out;
}

/** Whether `rec` shows an id the restrictions hide. */
export function hides(rec: Record<string, unknown>, rs: Restrictions): boolean {
  for (const [f, ids] of rs) {
    const v = rec[f.name];
    if (Array.isArray(v)) {
      for (const id of v) if (!ids.has(id)) return true;
    } else if (v !== null && v !== undefined && typeof v !== 'object' && !ids.has(v)) return true;
  }
  return false;
}

/**
 * Records with unreadable ids removed from lists (and single relations shown as null). Records that need no change
 * are returned as they are (they may be shared cache entries; changed ones are copies).
 */
export function scopeRecords(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  recs: Record<string, unknown>[],
): Record<string, unknown>[] {
  const rs = restrictions(ctx, caller, t);
  if (rs.length === 0) return recs;
  return recs.map((rec) => {
    if (!hides(rec, rs)) return rec;
    const copy = { ...rec };
    for (const [f, ids] of rs) {
      const v = copy[f.name];
      if (Array.isArray(v)) copy[f.name] = v.filter((id) => typeof id === 'object' || ids.has(id));
      else if (v !== null && v !== undefined && typeof v !== 'object' && !ids.has(v)) copy[f.name] = null;
    }
    return copy;
  });
}
