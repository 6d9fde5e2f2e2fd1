/**
 * Write rules of the BrainSTEM permission model. Readers who may see a record but not change it get 403; records they
 * cannot see are 404 before these rules run.
 *
 * | family | create | change | delete |
 * |---|---|---|---|
 * | project (the project itself) | any user; creator becomes owner | owner (details, is_public); grants: see grants.ts | owner |
 * | project (inheriting records) | contributor on every referenced project | contributor on every project, before and after | contributor |
 * | personal (attribute) | any user; creator becomes owner, creator's groups members | owner | owner |
 * | personal (equipment, stock) | contributor on the setup/inventory | contributor | contributor |
 * | taxonomy/resource/journal | any user → approval | any user → approval | staff |
 * | brainregion (adminWrite) | staff | staff | staff |
 * | publication | any user | creator or staff | creator or staff |
 * | group | any user; creator becomes owner | name: owner; members: grants.ts | owner |
 * | laboratory | owner of the group | owner of the group | owner of the group |
 * | user | — (website only) | self or staff | staff |
 */
import type { ModelSpec } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { type ModelTable, quoteIdentifier, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { forbidden } from '../errors.js';
import type { Row } from '../records/computed.js';
import type { ValidInput } from '../records/input.js';
import { attributeLevels, type Caller, groupsOf, projectLevels } from './caller.js';
import { LEVEL } from './levels.js';

export type WriteOp = 'add' | 'change' | 'delete';

/** Project ids a stored record belongs to, following the registry `parent` chain. */
export function projectsOfRecord(ctx: ServerContext, model: ModelSpec, id: string | number): string[] {
  if (model.name === 'project') return [String(id)];
  if (!model.parent) return [];
  const t = tableOf(model);
  const pf = model.fields.find((f) => f.name === model.parent);
  if (!pf?.target) return [];
  if (t.storage.get(pf.name) === 'junction') {
    const j = t.lists.find((l) => l.field.name === pf.name);
    if (!j) return [];
    const ids = (
      stmt(ctx.db, `SELECT ${j.dst} AS d FROM ${j.table} WHERE ${j.src} = ?`).all(id) as { d: string }[]
    ).map((r) => r.d);
    return ids.flatMap((p) => projectsOfRecord(ctx, tableOf(pf.target as string).model, p));
  }
  const row = stmt(ctx.db, `SELECT ${quoteIdentifier(pf.name)} AS p FROM ${t.table} WHERE id = ?`).get(id) as
    | { p: string | null }
    | undefined;
  if (!row?.p) return [];
  return projectsOfRecord(ctx, tableOf(pf.target).model, row.p);
}

/** Project ids referenced by the parent field of an input (create/update). `null` when the input has none. */
function projectsOfInput(ctx: ServerContext, model: ModelSpec, input: ValidInput): string[] | null {
  if (!model.parent) return null;
  const pf = model.fields.find((f) => f.name === model.parent);
  if (!pf?.target) return null;
  const target = tableOf(pf.target).model;
  const list = input.lists[pf.name];
  if (list) return list.flatMap((p) => projectsOfRecord(ctx, target, p));
  const v = input.columns[pf.name];
  if (v === undefined || v === null) return null;
  return projectsOfRecord(ctx, target, v as string);
}

/** The top-level personal attribute (model, id) a record inherits from, following `parent`. */
function attributeOf(ctx: ServerContext, model: ModelSpec, id: string | number | null): [string, string] | null {
  if (id === null) return null;
  if (!model.parent) return [model.name, String(id)];
  const pf = model.fields.find((f) => f.name === model.parent);
  if (!pf?.target) return null;
  const row = stmt(ctx.db, `SELECT ${quoteIdentifier(pf.name)} AS p FROM ${tableOf(model).table} WHERE id = ?`).get(
    id,
  ) as { p: string | null } | undefined;
  if (!row?.p) return null;
  return attributeOf(ctx, tableOf(pf.target).model, row.p);
}

function attributeLevel(ctx: ServerContext, caller: Caller, attr: [string, string] | null): number {
  if (!attr) return 0;
  return attributeLevels(ctx, caller).get(`${attr[0]}:${attr[1]}`) ?? 0;
}

function requireProjects(ctx: ServerContext, caller: Caller, projects: string[], level: number): void {
  const levels = projectLevels(ctx, caller);
  if (projects.length === 0) throw forbidden();
  for (const p of projects) if ((levels.get(p) ?? 0) < level) throw forbidden();
}

/**
 * Relations marked `requiresChange` in the registry may only *reference* records the caller can change
 * (the session docs: "Callers must have `change_project` permission for each project and
 * `change_datastorage` for each data storage referenced").
 */
function requireChangeOnReferences(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  input: ValidInput,
  existing: Row | null,
): void {
  for (const f of t.model.fields) {
    if (!f.target || !f.requiresChange) continue;
    const v = f.type === 'relation_list' ? input.lists[f.name] : input.columns[f.name];
    if (v === undefined || v === null) continue;
    // Only references this write adds need rights: sending a record back unchanged (load, edit, save whole)
    // must not fail for a caller who may use the record but not the data storage it already points to.
    const current = new Set<string>();
    if (existing) {
      const j = t.lists.find((l) => l.field.name === f.name);
      if (j) {
        for (const r of stmt(ctx.db, `SELECT ${j.dst} AS d FROM ${j.table} WHERE ${j.src} = ?`).all(existing.id) as {
          d: string;
        }[]) {
          current.add(String(r.d));
        }
      } else if (existing[f.name] !== undefined && existing[f.name] !== null) {
        current.add(String(existing[f.name]));
      }
    }
    for (const id of Array.isArray(v) ? v : [v]) {
      if (current.has(String(id))) continue;
      if (attributeLevel(ctx, caller, [f.target, String(id)]) < LEVEL.contributor) {
        throw forbidden(`You need change rights on the ${f.target} ${id} to reference it.`);
      }
    }
  }
}

/**
 * Checks that need no request body, run before validation (as DRF checks object permissions in get_object()):
 * a caller who may read an inherited record but not change it gets 403 whatever the body says.
 */
export function requireChangeRights(ctx: ServerContext, caller: Caller, t: ModelTable, existing: Row): void {
  const model = t.model;
  if (!caller.user) throw forbidden();
  if (model.family === 'project' && model.name !== 'project') {
    requireProjects(ctx, caller, projectsOfRecord(ctx, model, existing.id), LEVEL.contributor);
  } else if (model.family === 'personal' && model.parent) {
    if (attributeLevel(ctx, caller, attributeOf(ctx, model, existing.id)) < LEVEL.contributor) throw forbidden();
  }
}

/**
 * The view-level rules (DRF `has_permission`): what the operation itself needs, checked before the record is looked
 * up or the body read. Staff-only models answer 403 to everybody else, whatever the body or the id.
 */
export function authorizeOperation(caller: Caller, model: ModelSpec, op: WriteOp): void {
  const user = caller.user;
  if (!user) throw forbidden();
  if (user.is_staff) return;
  if (model.adminWrite && op !== 'delete') throw forbidden('Only administrators can change this model.');
  if (model.adminDelete && op === 'delete') throw forbidden('Only administrators can delete this model.');
  if (model.family === 'user' && op === 'delete') throw forbidden('Only administrators can remove users.');
}

/**
 * The object-level rules that need no body (DRF `has_object_permission` in `get_object()`), checked after the
 * record is found and before the body is validated. Rules that depend on the body (a PATCH sending the record back
 * unchanged needs no rights; the projects a record moves to) stay in {@link authorizeWrite}, which runs after
 * validation and repeats these.
 */
export function authorizeObject(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  op: 'change' | 'delete',
  existing: Row,
): void {
  const model = t.model;
  const user = caller.user;
  if (!user) throw forbidden();
  requireChangeRights(ctx, caller, t, existing);
  switch (model.family) {
    case 'project':
      if (model.name === 'project' && op === 'delete') requireProjects(ctx, caller, [String(existing.id)], LEVEL.owner);
      return;
    case 'personal':
      if (
        !model.parent &&
        op === 'delete' &&
        attributeLevel(ctx, caller, [model.name, String(existing.id)]) < LEVEL.owner
      )
        throw forbidden();
      return;
    case 'taxonomy':
    case 'resource':
    case 'journal':
      // Publications: creator or staff (approval-governed models take proposals from anyone).
      if (!model.approval && !model.adminWrite && !user.is_staff && existing.owner_id !== user.id) throw forbidden();
      return;
    case 'group':
      if (model.name === 'group') {
        if (op === 'delete' && groupLevel(ctx, caller, Number(existing.id)) < LEVEL.owner) throw forbidden();
      } else if (
        existing.group !== undefined &&
        existing.group !== null &&
        groupLevel(ctx, caller, Number(existing.group)) < LEVEL.owner
      ) {
        throw forbidden();
      }
      return;
    case 'user':
      if (op === 'change' && existing.id !== user.id && !user.is_staff)
        throw forbidden('Users can only change their own profiles.');
      return;
    default:
      return;
  }
}

/** Columns of `input` whose value differs from the stored row (PATCHing a record back unchanged is no change). */
export function changedColumns(_t: ModelTable, existing: Row | null, input: ValidInput): string[] {
  if (!existing) return Object.keys(input.columns);
  return Object.keys(input.columns).filter((k) => existing[k] !== input.columns[k]);
}

/** Group level of the caller: 0 none, 1 member, 3 manager, 4 owner. */
export function groupLevel(ctx: ServerContext, caller: Caller, groupId: number): number {
  if (!caller.user) return 0;
  const g = groupsOf(ctx, caller.user.id).get(groupId);
  if (!g) return 0;
  return g.owner ? LEVEL.owner : g.manager ? LEVEL.manager : LEVEL.member;
}

/**
 * Throw 403 unless `caller` may perform `op` on a record of `t`. `existing` is the stored row for change/delete;
 * `input` the validated body for add/change.
 */
export function authorizeWrite(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  op: WriteOp,
  existing: Row | null,
  input: ValidInput | null,
): void {
  const user = caller.user;
  if (!user) throw forbidden();
  const model = t.model;
  if (model.adminWrite && op !== 'delete' && !user.is_staff)
    throw forbidden('Only administrators can change this model.');
  if (model.adminDelete && op === 'delete' && !user.is_staff)
    throw forbidden('Only administrators can delete this model.');
  switch (model.family) {
    case 'project': {
      if (model.name === 'project') {
        if (op === 'add') return;
        if (op === 'delete') {
          requireProjects(ctx, caller, [String(existing?.id)], LEVEL.owner);
          return;
        }
        const changed = input
          ? changedColumns(t, existing, input).length > 0 || Object.keys(input.lists).length > 0
          : false;
        if (changed && input && Object.keys(input.lists).length > 0) {
          // Publications: only when the list actually changes.
          const current = (
            stmt(ctx.db, `SELECT dst FROM j_project_publications WHERE src = ? ORDER BY pos`).all(existing?.id) as {
              dst: string;
            }[]
          ).map((r) => r.dst);
          const same = JSON.stringify(current) === JSON.stringify(input.lists.publications ?? current);
          if (same && changedColumns(t, existing, input).length === 0) return;
        }
        if (changed) requireProjects(ctx, caller, [String(existing?.id)], LEVEL.owner);
        return;
      }
      if (existing) requireProjects(ctx, caller, projectsOfRecord(ctx, model, existing.id), LEVEL.contributor);
      const next = input ? projectsOfInput(ctx, model, input) : null;
      if (next) requireProjects(ctx, caller, next, LEVEL.contributor);
      else if (op === 'add') throw forbidden();
      if (input) requireChangeOnReferences(ctx, caller, t, input, existing);
      return;
    }
    case 'personal': {
      if (!model.parent) {
        if (op === 'add') return;
        if (
          op === 'change' &&
          input &&
          changedColumns(t, existing, input).length === 0 &&
          Object.keys(input.lists).length === 0
        ) {
          return;
        }
        if (attributeLevel(ctx, caller, [model.name, String(existing?.id)]) < LEVEL.owner) throw forbidden();
        return;
      }
      if (existing && attributeLevel(ctx, caller, attributeOf(ctx, model, existing.id)) < LEVEL.contributor)
        throw forbidden();
      const pf = model.fields.find((f) => f.name === model.parent);
      const parentId = input?.columns[model.parent];
      if (pf?.target && parentId) {
        const attr = attributeOf(ctx, tableOf(pf.target).model, parentId as string);
        if (attributeLevel(ctx, caller, attr) < LEVEL.contributor) throw forbidden();
      } else if (op === 'add') throw forbidden();
      return;
    }
    case 'taxonomy':
    case 'resource':
    case 'journal': {
      if (model.approval || model.adminWrite) return; // approvals: anyone submits; adminWrite checked above
      // Publications: creator or staff change/delete.
      if (op === 'add' || user.is_staff) return;
      if (existing?.owner_id !== user.id) throw forbidden();
      return;
    }
    case 'group': {
      if (model.name === 'group') {
        if (op === 'add') return;
        const gid = Number(existing?.id);
        if (op === 'delete') {
          if (groupLevel(ctx, caller, gid) < LEVEL.owner) throw forbidden();
          return;
        }
        if (input && changedColumns(t, existing, input).length > 0 && groupLevel(ctx, caller, gid) < LEVEL.owner) {
          throw forbidden();
        }
        return;
      }
      // laboratory: owner of its group (before and after); the docs give staff no exception here.
      const groups = [existing?.group, input?.columns.group].filter((g) => g !== undefined && g !== null) as number[];
      if (groups.length === 0) throw forbidden();
      for (const g of groups) if (groupLevel(ctx, caller, Number(g)) < LEVEL.owner) throw forbidden();
      return;
    }
    case 'user': {
      if (op === 'delete') {
        if (!user.is_staff) throw forbidden('Only administrators can remove users.');
        return;
      }
      if (existing?.id !== user.id && !user.is_staff) throw forbidden('Users can only change their own profiles.');
      return;
    }
    default:
      throw forbidden();
  }
}
