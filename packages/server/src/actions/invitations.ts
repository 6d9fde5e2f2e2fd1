/**
 * Invitation and request actions (all GET, docs): `accept/`, `reject/`, `cancel/` on project/group invitations
 * and group membership requests, and group `join/` (creates a membership request) / `leave/`.
 *
 * Who may do what:
 * - invitations: the invitee (a user, or a manager of the invited group) accepts or rejects; managers of the
 *   project/group cancel.
 * - requests: group managers accept or reject; the requester cancels.
 * Every answered invitation/request is deleted.
 */
import { detailError } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { forbidden, httpError } from '../errors.js';
import { type Caller, projectLevels } from '../permissions/caller.js';
import { LEVEL, levelOfInvitation } from '../permissions/levels.js';
import { projectGrantLevel, removeGroupMember, setGroupMember, setProjectGrant } from '../permissions/membership.js';
import { groupLevel } from '../permissions/rules.js';
import { type InvitationRule, invitationRule } from '../permissions/scope.js';
import type { Row } from '../records/computed.js';
import { insertRecord } from '../records/write.js';

function inviteeSide(ctx: ServerContext, caller: Caller, rule: InvitationRule, row: Row): boolean {
  const v = row[rule.invitee];
  if (rule.inviteeKind === 'user') return v === caller.user?.id;
  return groupLevel(ctx, caller, Number(v)) >= LEVEL.manager;
}

function targetSide(ctx: ServerContext, caller: Caller, rule: InvitationRule, row: Row): boolean {
  const v = row[rule.target];
  if (rule.targetKind === 'project') return (projectLevels(ctx, caller).get(String(v)) ?? 0) >= LEVEL.manager;
  return groupLevel(ctx, caller, Number(v)) >= LEVEL.manager;
}

/** 403 unless the caller is on the side that may `accept`/`reject` (or `cancel`) this invitation or request. */
export function authorizeInvitationAction(
  ctx: ServerContext,
  caller: Caller,
  model: string,
  row: Row,
  action: string,
): void {
  const rule = invitationRule(model);
  if (!rule) throw forbidden();
  const answerSide = rule.request ? targetSide : inviteeSide;
  const cancelSide = rule.request ? inviteeSide : targetSide;
  if (action === 'cancel') {
    if (!cancelSide(ctx, caller, rule, row)) throw forbidden();
  } else if (!answerSide(ctx, caller, rule, row)) {
    throw forbidden();
  }
}

/** Run accept/reject/cancel (the caller passed {@link authorizeInvitationAction}); returns the response body. */
export function invitationAction(ctx: ServerContext, model: string, row: Row, action: string): Record<string, unknown> {
  const rule = invitationRule(model);
  if (!rule) throw forbidden();
  const t = tableOf(model);
  if (action === 'accept') {
    const target = row[rule.target];
    const invitee = Number(row[rule.invitee]);
    if (rule.targetKind === 'project') {
      const holder = rule.inviteeKind === 'user' ? { user: invitee } : { group: invitee };
      const level = levelOfInvitation(row as { can_change?: unknown });
      // Accepting never lowers a level the invitee already has.
      if (projectGrantLevel(ctx, String(target), holder) < level) setProjectGrant(ctx, String(target), holder, level);
    } else {
      const roles = { manager: row.new_manager === 1, owner: row.new_owner === 1 };
      setGroupMember(ctx, Number(target), invitee, roles, { keepHigher: true });
    }
  }
  stmt(ctx.db, `DELETE FROM ${t.table} WHERE id = ?`).run(row.id);
  const noun = rule.request ? 'Request' : 'Invitation';
  const done = { accept: 'accepted', reject: 'rejected', cancel: 'cancelled' }[action] ?? action;
  return detailError(`${noun} ${done}.`);
}

/** Group `join/` (creates a membership request) and `leave/`. */
export function groupAction(
  ctx: ServerContext,
  caller: Caller,
  groupId: number,
  action: string,
): Record<string, unknown> {
  const uid = caller.user?.id as number;
  const member = stmt(ctx.db, 'SELECT is_owner FROM group_members WHERE group_id = ? AND user_id = ?').get(
    groupId,
    uid,
  ) as { is_owner: number } | undefined;
  if (action === 'join') {
    if (member) throw httpError(400, 'You are already a member of this group.');
    const pending = stmt(
      ctx.db,
      'SELECT 1 FROM t_groupmembershiprequest WHERE authgroup = ? AND user_account_request = ?',
    ).get(groupId, uid);
    if (pending) throw httpError(400, 'You already requested to join this group.');
    insertRecord(
      ctx,
      tableOf('groupmembershiprequest'),
      { columns: { user_account_request: uid, authgroup: groupId }, lists: {}, special: {} },
      uid,
    );
    return detailError('A request to join the group has been created.');
  }
  if (!member) throw httpError(400, 'You are not a member of this group.');
  if (member.is_owner === 1) {
    const owners = stmt(ctx.db, 'SELECT count(*) AS n FROM group_members WHERE group_id = ? AND is_owner = 1').get(
      groupId,
    ) as { n: number };
    if (owners.n <= 1) throw httpError(400, 'The last owner cannot leave the group.');
  }
  removeGroupMember(ctx, groupId, uid);
  return detailError('You left the group.');
}
