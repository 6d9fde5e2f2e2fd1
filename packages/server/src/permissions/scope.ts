/**
 * Read scopes: for a model and a caller, an SQL condition that keeps exactly the rows the caller may read.
 * Lists, details, relation checks and includes all use it, so visibility is decided in one place.
 *
 * Rules (the BrainSTEM permission model):
 * - project family: a project is readable by its members (any level, direct or through a group); records
 *   inherit through the registry's `parent` field (session → projects, behavior → session → projects, …);
 *   a record with several projects is readable if any of them is. Public portal: public projects only.
 * - personal family: attributes readable through `attr_grants` (owner + shared groups); equipment/stocks inherit
 *   from their setup/inventory. Public portal: `is_public` attributes.
 * - approval family: staff see every approval, others their own submissions.
 * - invitation family: the invitee side and the managers of the project/group.
 * - taxonomy, resource, journal, group, user: readable by everyone (approved rows only ever live in the tables).
 */
import { MODELS, type ModelSpec } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { quoteIdentifier, tableOf } from '../db/schema.js';
import { type Caller, groupsJson, managedProjectsJson, visibleAttributesJson, visibleProjectsJson } from './caller.js';

export interface Scope {
  sql: string;
  params: unknown[];
}

/** The sides of an invitation or request, resolved from the registry's `invitation` row and field targets. */
export interface InvitationRule {
  /** Column of the invited/requesting user or group. */
  invitee: string;
  inviteeKind: 'user' | 'group';
  /** Column of the project or group the invitation is for. */
  target: string;
  targetKind: 'project' | 'group';
  request: boolean;
}

function resolveInvitation(model: ModelSpec): InvitationRule | undefined {
  const inv = model.invitation;
  if (!inv) return undefined;
  const kind = (field: string): string => {
    const target = model.fields.find((f) => f.name === field)?.target;
    if (!target) throw new TypeError(`registry: ${model.name}.invitation names ${field}, which is not a relation`);
    return target;
  };
  return {
    invitee: inv.inviteeField,
    inviteeKind: kind(inv.inviteeField) as InvitationRule['inviteeKind'],
    target: inv.targetField,
    targetKind: kind(inv.targetField) as InvitationRule['targetKind'],
    request: inv.request === true,
  };
}

const INVITATION_RULES = new Map<string, InvitationRule>();
for (const m of MODELS as readonly ModelSpec[]) {
  const rule = resolveInvitation(m);
  if (rule) INVITATION_RULES.set(m.name, rule);
}

/**
 * Which side of an invitation/request is which, for a model with a registry `invitation` row.
 *
 * @example
 * ```ts
 * invitationRule('groupmembershiprequest');
 * // { invitee: 'user_account_request', inviteeKind: 'user', target: 'authgroup', targetKind: 'group', request: true }
 * ```
 */
export function invitationRule(model: string): InvitationRule | undefined {
  return INVITATION_RULES.get(model);
}

const ALL: Scope = { sql: '1', params: [] };

/**
 * SQL condition (on table alias `a`) restricting `model` to what `caller` can read.
 *
 * @example
 * ```ts
 * const s = readScope(ctx, caller, getModel('behavior'), 'r');
 * db.prepare(`SELECT * FROM t_behavior r WHERE ${s.sql}`).all(...s.params);
 * ```
 */
export function readScope(ctx: ServerContext, caller: Caller, model: ModelSpec, a: string): Scope {
  switch (model.family) {
    case 'project':
    case 'personal':
      return inherited(ctx, caller, model, a);
    case 'approval':
      if (!caller.user) return { sql: '0', params: [] };
      return caller.user.is_staff ? ALL : { sql: `${a}.owner_id = ?`, params: [caller.user.id] };
    case 'invitation':
      return invitationScope(ctx, caller, model, a);
    default:
      return ALL;
  }
}

function inherited(ctx: ServerContext, caller: Caller, model: ModelSpec, a: string): Scope {
  if (model.name === 'project') {
    return { sql: `${a}.id IN (SELECT value FROM json_each(?))`, params: [visibleProjectsJson(ctx, caller)] };
  }
  if (!model.parent) {
    // A personal attribute.
    if (caller.portal === 'public' || !caller.user) return { sql: `${a}.is_public = 1`, params: [] };
    return {
      sql: `${a}.id IN (SELECT value FROM json_each(?))`,
      params: [visibleAttributesJson(ctx, caller, model.name)],
    };
  }
  const t = tableOf(model);
  const parentField = model.fields.find((f) => f.name === model.parent);
  if (!parentField?.target) return { sql: '0', params: [] };
  const target = tableOf(parentField.target);
  const storage = t.storage.get(parentField.name);
  // Every condition is a set computed once (`IN (SELECT …)` that does not refer to the outer row), never a check
  // run again for each row: the list count and pages scan the table once (see docs/api-decisions.md).
  if (storage === 'junction') {
    const j = t.lists.find((l) => l.field.name === parentField.name);
    if (!j) return { sql: '0', params: [] };
    const b = `${a}_j`;
    if (target.model.name === 'project') {
      return {
        sql: `${a}.id IN (SELECT ${b}.${j.src} FROM ${j.table} ${b} WHERE ${b}.${j.dst} IN (SELECT value FROM json_each(?)))`,
        params: [visibleProjectsJson(ctx, caller)],
      };
    }
    const inner = readScope(ctx, caller, target.model, `${b}x`);
    return {
      sql: `${a}.id IN (SELECT ${b}.${j.src} FROM ${j.table} ${b} JOIN ${target.table} ${b}x ON ${b}x.id = ${b}.${j.dst} WHERE ${inner.sql})`,
      params: inner.params,
    };
  }
  if (target.model.name === 'project') {
    return {
      sql: `${a}.${quoteIdentifier(parentField.name)} IN (SELECT value FROM json_each(?))`,
      params: [visibleProjectsJson(ctx, caller)],
    };
  }
  const b = `${a}_p`;
  const inner = readScope(ctx, caller, target.model, b);
  return {
    sql: `${a}.${quoteIdentifier(parentField.name)} IN (SELECT ${b}.id FROM ${target.table} ${b} WHERE ${inner.sql})`,
    params: inner.params,
  };
}

function invitationScope(ctx: ServerContext, caller: Caller, model: ModelSpec, a: string): Scope {
  const rule = invitationRule(model.name);
  if (!rule || !caller.user || caller.portal !== 'private') return { sql: '0', params: [] };
  const invitee =
    rule.inviteeKind === 'user'
      ? { sql: `${a}.${quoteIdentifier(rule.invitee)} = ?`, params: [caller.user.id] as unknown[] }
      : {
          sql: `${a}.${quoteIdentifier(rule.invitee)} IN (SELECT value FROM json_each(?))`,
          params: [groupsJson(ctx, caller)],
        };
  const managed = rule.targetKind === 'project' ? managedProjectsJson(ctx, caller) : groupsJson(ctx, caller, true);
  return {
    sql: `(${invitee.sql} OR ${a}.${quoteIdentifier(rule.target)} IN (SELECT value FROM json_each(?)))`,
    params: [...invitee.params, managed],
  };
}
