/**
 * The only writes to the three permission tables: `project_grants` (a user's or group's level on a project),
 * `group_members` (a user's membership of a group, with manager/owner flags) and `attr_grants` (a user's or group's
 * level on a personal attribute). Who may change what is decided by the callers (grants.ts, the invitation
 * actions, the demo data); this module only keeps the rows consistent.
 * @module
 */
import type { ModelSpec } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { stmt } from '../db/statements.js';

/** Whom a grant is for: a user or a group, by id. */
export type Holder = { user: number } | { group: number };

/** A group member's flags; an owner is always a manager too. */
export interface MemberRoles {
  manager: boolean;
  owner: boolean;
}

/**
 * Whether records of `model` carry their own grants in `attr_grants`: the personal attributes (setups, inventories,
 * …). Equipment and consumable stocks inherit theirs from their setup or inventory (`parent`).
 */
export function hasOwnGrants(model: ModelSpec): boolean {
  return model.family === 'personal' && !model.parent;
}

const column = (h: Holder) => ('user' in h ? 'user_id' : 'group_id');
const holderId = (h: Holder) => ('user' in h ? h.user : h.group);

/** The level `holder` has on a project itself (0: none; group memberships not included). */
export function projectGrantLevel(ctx: ServerContext, projectId: string, holder: Holder): number {
  const row = stmt(ctx.db, `SELECT level FROM project_grants WHERE project_id = ? AND ${column(holder)} = ?`).get(
    projectId,
    holderId(holder),
  ) as { level: number } | undefined;
  return row?.level ?? 0;
}

/** Sets `holder`'s level on a project; 0 removes the grant. */
export function setProjectGrant(ctx: ServerContext, projectId: string, holder: Holder, level: number): void {
  const col = column(holder);
  stmt(ctx.db, `DELETE FROM project_grants WHERE project_id = ? AND ${col} = ?`).run(projectId, holderId(holder));
  if (level > 0) {
    stmt(ctx.db, `INSERT INTO project_grants (project_id, ${col}, level) VALUES (?, ?, ?)`).run(
      projectId,
      holderId(holder),
      level,
    );
  }
}

/**
 * Gives `holder` a level on a personal attribute, unless it already has a grant there. (The table's UNIQUE
 * constraint cannot tell: one of its user/group columns is always NULL, and NULLs never collide.)
 */
export function grantAttribute(ctx: ServerContext, model: string, recordId: string, holder: Holder, level: number) {
  const col = column(holder);
  stmt(
    ctx.db,
    `INSERT INTO attr_grants (model, record_id, ${col}, level) SELECT ?, ?, ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM attr_grants WHERE model = ? AND record_id = ? AND ${col} = ?)`,
  ).run(model, recordId, holderId(holder), level, model, recordId, holderId(holder));
}

/**
 * Makes `userId` a member of a group with `roles` (an owner is made a manager too). `keepHigher`: flags the member
 * already has stay set (accepting an invitation never demotes).
 */
export function setGroupMember(
  ctx: ServerContext,
  groupId: number,
  userId: number,
  roles: MemberRoles,
  { keepHigher = false } = {},
): void {
  const owner = roles.owner ? 1 : 0;
  const manager = roles.manager || roles.owner ? 1 : 0;
  const update = keepHigher
    ? 'is_manager = max(is_manager, excluded.is_manager), is_owner = max(is_owner, excluded.is_owner)'
    : 'is_manager = excluded.is_manager, is_owner = excluded.is_owner';
  stmt(
    ctx.db,
    `INSERT INTO group_members (group_id, user_id, is_manager, is_owner) VALUES (?, ?, ?, ?)
     ON CONFLICT (group_id, user_id) DO UPDATE SET ${update}`,
  ).run(groupId, userId, manager, owner);
}

/** Ends a user's membership of a group. */
export function removeGroupMember(ctx: ServerContext, groupId: number, userId: number): void {
  stmt(ctx.db, 'DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId);
}

/** Drops every grant and membership that names a record being deleted (a project, attribute, group or user). */
export function dropGrantsOf(ctx: ServerContext, model: ModelSpec, id: string | number): void {
  const name = model.name;
  if (name === 'project') stmt(ctx.db, 'DELETE FROM project_grants WHERE project_id = ?').run(id);
  if (hasOwnGrants(model)) {
    stmt(ctx.db, 'DELETE FROM attr_grants WHERE model = ? AND record_id = ?').run(name, String(id));
  }
  if (name === 'group' || name === 'user') {
    const col = name === 'group' ? 'group_id' : 'user_id';
    for (const table of ['group_members', 'project_grants', 'attr_grants']) {
      stmt(ctx.db, `DELETE FROM ${table} WHERE ${col} = ?`).run(id);
    }
  }
}
