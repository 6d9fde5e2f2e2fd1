/**
 * The documented outcome of every (role × model × operation × portal) case of the permission matrix, written
 * from the BrainSTEM permission model and the endpoint pages' "Allowed portals" lines.
 * Kept apart from the test so the rules can be read (and argued with) on their own.
 *
 * Roles and what they hold on the fixtures (see permission-matrix-world.ts):
 * - `owner` created the private project P, the public project Q, every personal attribute and the group Lab.
 * - `manager` / `contributor` / `member`: that level on P and Q (project `users` grants) and on the personal
 *   attributes; in Lab: manager / plain member / plain member (groups have three levels).
 * - `group_owner` … `group_member`: plain members of a group that holds that level on P, Q and the attributes;
 *   not in Lab.
 * - `non_member`: an authenticated user without grants — and the invitee of the invitation fixtures.
 * - `staff`: a reviewer (`is_staff`) without grants: accepts approvals, does admin-only writes, nothing more.
 * - `anonymous`: no token.
 */
import type { ModelSpec } from 'brainstem-api-description';

export const ROLES = [
  'owner',
  'manager',
  'contributor',
  'member',
  'group_owner',
  'group_manager',
  'group_contributor',
  'group_member',
  'non_member',
  'staff',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

export const OPS = ['list', 'detail', 'create', 'change', 'delete'] as const;
export type Op = (typeof OPS)[number];
export type MatrixPortal = 'private' | 'public';

/** Level on P, Q and the personal attributes: 4 owner, 3 manager, 2 contributor, 1 member, 0 none. */
export function projectLevel(role: Role): number {
  switch (role) {
    case 'owner':
    case 'group_owner':
      return 4;
    case 'manager':
    case 'group_manager':
      return 3;
    case 'contributor':
    case 'group_contributor':
      return 2;
    case 'member':
    case 'group_member':
      return 1;
    default:
      return 0;
  }
}

/** Level in the group Lab: 4 owner, 3 manager, 1 member, 0 none. */
export function labLevel(role: Role): number {
  if (role === 'owner') return 4;
  if (role === 'manager') return 3;
  if (role === 'contributor' || role === 'member') return 1;
  return 0;
}

export interface Expected {
  status: number;
  /** For lists: whether the fixture record is in the list (private portal) / the public fixture (public portal). */
  listed?: boolean;
  /** The documentation behind the expectation, printed on failure. */
  why: string;
}

const OP_KEY: Record<Op, 'list' | 'detail' | 'add' | 'change' | 'delete'> = {
  list: 'list',
  detail: 'detail',
  create: 'add',
  change: 'change',
  delete: 'delete',
};

/** Whether the registry offers `op` for `model` on `portal`. */
function offered(model: ModelSpec, op: Op, portal?: MatrixPortal): boolean {
  const portals = (model.portals as Record<string, readonly string[] | undefined>)[OP_KEY[op]];
  if (!portals) return false;
  return portal ? portals.includes(portal) : true;
}

const SUCCESS: Record<Op, number> = { list: 200, detail: 200, create: 201, change: 200, delete: 204 };

/** Visible-but-not-allowed is 403, not visible is 404 (creates: an invisible parent is a 400 field error). */
function byLevel(op: Op, level: number, need: number, why: string): Expected {
  if (op === 'list') return { status: 200, listed: level >= 1, why };
  if (op === 'detail') return { status: level >= 1 ? 200 : 404, why };
  if (level >= need) return { status: SUCCESS[op], why };
  if (op === 'create') return { status: level >= 1 ? 403 : 400, why };
  return { status: level >= 1 ? 403 : 404, why };
}

/**
 * The documented outcome for one case.
 *
 * @example
 * ```ts
 * expected(getModel('behavior'), 'member', 'change', 'private'); // { status: 403, why: 'members read…' }
 * ```
 */
export function expected(model: ModelSpec, role: Role, op: Op, portal: MatrixPortal): Expected {
  if (!offered(model, op)) {
    return { status: 405, why: `${model.name} has no documented ${op} operation` };
  }
  if (portal === 'public') {
    if (op === 'create' || op === 'change' || op === 'delete') {
      return { status: 405, why: 'the public portal is read-only (api.md: writes are private-portal only)' };
    }
    if (!offered(model, op, 'public')) {
      return { status: 404, why: `${model.name} ${op} is private-portal only (Allowed portals)` };
    }
    const why = 'public portal: anonymous read of public projects/attributes and shared records';
    return op === 'list' ? { status: 200, listed: true, why } : { status: 200, why };
  }
  if (role === 'anonymous') return { status: 401, why: 'private portal needs a token (api.md)' };
  const level = projectLevel(role);
  switch (model.family) {
    case 'project':
      if (model.name === 'project') {
        if (op === 'create') return { status: 201, why: 'any user creates a project and becomes its owner' };
        return byLevel(op, level, 4, 'members read the project; only owners edit details or delete (permissions.md)');
      }
      return byLevel(op, level, 2, 'members read; contributors create/edit/delete project-related models');
    case 'personal':
      if (!model.parent) {
        if (op === 'create') return { status: 201, why: 'any user creates a personal attribute and owns it' };
        return byLevel(op, level, 4, 'members read attributes; owners edit attribute details');
      }
      return byLevel(op, level, 2, 'members read equipment/stocks; contributors create/edit/delete them');
    case 'taxonomy':
    case 'resource':
    case 'journal': {
      if (op === 'list') return { status: 200, listed: true, why: 'shared records are readable by every user' };
      if (op === 'detail') return { status: 200, why: 'shared records are readable by every user' };
      if (model.adminWrite || (op === 'delete' && model.adminDelete)) {
        return role === 'staff'
          ? { status: SUCCESS[op], why: 'admin-only write, done by staff' }
          : { status: 403, why: `${model.name} ${op} is admin-only (endpoint page)` };
      }
      if (model.approval) return { status: SUCCESS[op], why: 'any user proposes changes; they become approvals' };
      // publication: anyone adds; the fixture's creator (owner) or staff change/delete.
      if (op === 'create' || role === 'owner' || role === 'staff') {
        return { status: SUCCESS[op], why: 'publications: anyone adds; creator or staff change/delete' };
      }
      return { status: 403, why: "publications: only the creator or staff change/delete someone's publication" };
    }
    case 'approval': {
      // Fixture approval submitted by `owner`; staff review every approval.
      const sees = role === 'owner' || role === 'staff';
      if (op === 'list') return { status: 200, listed: sees, why: 'approvals: reviewers see all, users their own' };
      return { status: sees ? 200 : 404, why: 'approvals: reviewers see all, users their own' };
    }
    case 'invitation': {
      // Invitee side: non_member (user invitations; manager of the invited group). Target side: managers.
      const projectSide = model.name.startsWith('project');
      const sees = role === 'non_member' || (projectSide ? level >= 3 : labLevel(role) >= 3);
      if (op === 'list')
        return { status: 200, listed: sees, why: 'invitations: the invitee and the managers who invite' };
      return { status: sees ? 200 : 404, why: 'invitations: the invitee and the managers who invite' };
    }
    case 'group': {
      if (op === 'list')
        return { status: 200, listed: true, why: 'groups are visible to every user (datamodel/users.md)' };
      if (op === 'detail') return { status: 200, why: 'groups are visible to every user' };
      if (model.name === 'group' && op === 'create')
        return { status: 201, why: 'any user creates a group and owns it' };
      const lab = labLevel(role);
      return lab >= 4
        ? { status: SUCCESS[op], why: 'group owners manage group details (and associate the laboratory)' }
        : { status: 403, why: 'only group owners manage group details / the laboratory (permissions.md)' };
    }
    case 'user': {
      if (op === 'list') return { status: 200, listed: true, why: 'user profiles are visible to every user' };
      if (op === 'detail') return { status: 200, why: 'user profiles are visible to every user' };
      // The fixture user is nobody's own account.
      if (role === 'staff') return { status: SUCCESS[op], why: 'administrators manage user accounts' };
      return { status: 403, why: 'users change only their own profile; deletion is admin-only' };
    }
  }
  throw new Error(`no rule for family ${model.family}`);
}
