/**
 * Membership changes: project `users`/`groups` grants, group `users`, and what creation grants.
 *
 * - Creating a project/group makes the creator its owner (and only member). Creating a personal attribute makes
 *   the creator its owner and gives the creator's groups member (read) access ("authenticated groups").
 * - Project PATCH `users`/`groups` (keyed by email / group name; flags can_change, is_manager, is_owner; missing
 *   flags false; `remove: true` removes): managers add/remove members and contributors, only owners add, change
 *   or remove managers and owners. Entries equal to the current state are no change (a PATCH of a record read
 *   back unchanged never needs rights). A project always keeps an owner.
 * - Group PATCH `users`: a new email creates a group membership invitation (docs: "has been invited"); managers
 *   invite/remove members, owners change manager/owner flags. A group always keeps an owner.
 */
import type { ModelSpec } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { tableOf } from '../db/schema.js';
import { nowIso, stmt } from '../db/statements.js';
import { fieldErrors, forbidden } from '../errors.js';
import { insertRecord } from '../records/write.js';
import { type Caller, groupsOf, projectLevels } from './caller.js';
import { LEVEL, levelOfFlags } from './levels.js';
import {
  grantAttribute,
  type Holder,
  hasOwnGrants,
  projectGrantLevel,
  removeGroupMember,
  setGroupMember,
  setProjectGrant,
} from './membership.js';
import { groupLevel } from './rules.js';

/** Grants given to the creator of a record. */
export function grantOnCreate(ctx: ServerContext, caller: Caller, model: ModelSpec, id: string | number): void {
  const uid = caller.user?.id;
  if (uid === undefined) return;
  if (model.name === 'project') {
    setProjectGrant(ctx, String(id), { user: uid }, LEVEL.owner);
  } else if (model.name === 'group') {
    setGroupMember(ctx, Number(id), uid, { manager: true, owner: true });
  } else if (hasOwnGrants(model)) {
    const record = String(id);
    grantAttribute(ctx, model.name, record, { user: uid }, LEVEL.owner);
    for (const gid of groupsOf(ctx, uid).keys()) grantAttribute(ctx, model.name, record, { group: gid }, LEVEL.member);
  }
}

function asEntries(field: string, value: unknown): [string, Record<string, unknown>][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fieldErrors({
      [field]: ['Expected a dictionary keyed by ' + (field === 'groups' ? 'group name.' : 'user email.')],
    });
  }
  const out: [string, Record<string, unknown>][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw fieldErrors({ [field]: [`Entry "${k}" must be a dictionary of permission flags.`] });
    }
    for (const [flag, fv] of Object.entries(v as Record<string, unknown>)) {
      if (!['can_change', 'is_manager', 'is_owner', 'remove'].includes(flag)) continue;
      if (typeof fv !== 'boolean') throw fieldErrors({ [field]: [`Entry "${k}": "${flag}" must be a boolean.`] });
    }
    out.push([k, v as Record<string, unknown>]);
  }
  return out;
}

/** Apply a project PATCH's `users` / `groups` objects. Throws 400 for unknown names, 403 without rights. */
export function applyProjectGrants(
  ctx: ServerContext,
  caller: Caller,
  projectId: string,
  special: Record<string, unknown>,
): void {
  const callerLevel = projectLevels(ctx, caller).get(projectId) ?? 0;
  const changes: { holder: Holder; from: number; to: number }[] = [];
  for (const field of ['users', 'groups'] as const) {
    if (!(field in special)) continue;
    for (const [key, flags] of asEntries(field, special[field])) {
      let id: number | undefined;
      if (field === 'users') {
        id = (
          stmt(ctx.db, 'SELECT id FROM users WHERE email = ?').get(key.trim().toLowerCase()) as
            | { id: number }
            | undefined
        )?.id;
        if (id === undefined) throw fieldErrors({ users: [`User "${key}" does not exist.`] });
      } else {
        id = (stmt(ctx.db, 'SELECT id FROM t_group WHERE name = ?').get(key) as { id: number } | undefined)?.id;
        if (id === undefined) throw fieldErrors({ groups: [`Group "${key}" does not exist.`] });
      }
      const holder: Holder = field === 'users' ? { user: id } : { group: id };
      const from = projectGrantLevel(ctx, projectId, holder);
      const to = flags.remove === true ? 0 : levelOfFlags(flags);
      if (from !== to) changes.push({ holder, from, to });
    }
  }
  if (changes.length === 0) return;
  for (const c of changes) {
    const needed = Math.max(c.from, c.to) >= LEVEL.manager ? LEVEL.owner : LEVEL.manager;
    if (callerLevel < needed) {
      throw forbidden(
        needed === LEVEL.owner
          ? 'Only project owners can add or remove managers and owners.'
          : 'Only project managers can add or remove members.',
      );
    }
  }
  for (const c of changes) setProjectGrant(ctx, projectId, c.holder, c.to);
  const owners = stmt(ctx.db, 'SELECT count(*) AS n FROM project_grants WHERE project_id = ? AND level >= ?').get(
    projectId,
    LEVEL.owner,
  ) as { n: number };
  if (owners.n === 0) throw fieldErrors({ users: ['A project must keep at least one owner.'] });
  stmt(ctx.db, 'UPDATE t_project SET modified_date = ? WHERE id = ?').run(nowIso(), projectId);
}

/** Apply a group PATCH's `users` object (new emails become invitations). */
export function applyGroupUsers(ctx: ServerContext, caller: Caller, groupId: number, value: unknown): void {
  const level = groupLevel(ctx, caller, groupId);
  for (const [email, flags] of asEntries('users', value)) {
    const uid = (
      stmt(ctx.db, 'SELECT id FROM users WHERE email = ?').get(email.trim().toLowerCase()) as { id: number } | undefined
    )?.id;
    if (uid === undefined) throw fieldErrors({ users: [`User "${email}" does not exist.`] });
    const member = stmt(
      ctx.db,
      'SELECT is_manager, is_owner FROM group_members WHERE group_id = ? AND user_id = ?',
    ).get(groupId, uid) as { is_manager: number; is_owner: number } | undefined;
    const wantOwner = flags.is_owner === true;
    const wantManager = flags.is_manager === true || wantOwner;
    if (flags.remove === true) {
      if (!member) continue;
      const needed = member.is_manager || member.is_owner ? LEVEL.owner : LEVEL.manager;
      if (level < needed && uid !== caller.user?.id) throw forbidden();
      removeGroupMember(ctx, groupId, uid);
      continue;
    }
    if (member) {
      if ((member.is_owner === 1) === wantOwner && (member.is_manager === 1 || member.is_owner === 1) === wantManager)
        continue;
      if (level < LEVEL.owner) throw forbidden('Only group owners can add or remove managers.');
      setGroupMember(ctx, groupId, uid, { manager: wantManager, owner: wantOwner });
      continue;
    }
    if (level < (wantManager ? LEVEL.owner : LEVEL.manager)) throw forbidden('Only group managers can invite members.');
    const pending = stmt(
      ctx.db,
      'SELECT 1 FROM t_groupmembershipinvitation WHERE authgroup = ? AND user_account_invitation = ?',
    ).get(groupId, uid);
    if (pending) continue;
    insertRecord(
      ctx,
      tableOf('groupmembershipinvitation'),
      {
        columns: {
          user_account_invitation: uid,
          authgroup: groupId,
          new_manager: wantManager ? 1 : 0,
          new_owner: wantOwner ? 1 : 0,
        },
        lists: {},
        special: {},
      },
      caller.user?.id ?? null,
    );
  }
  const owners = stmt(ctx.db, 'SELECT count(*) AS n FROM group_members WHERE group_id = ? AND is_owner = 1').get(
    groupId,
  ) as { n: number };
  if (owners.n === 0) throw fieldErrors({ users: ['A group must keep at least one owner.'] });
}
