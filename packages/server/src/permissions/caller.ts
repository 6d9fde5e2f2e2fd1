import type { Portal } from 'brainstem-api-description';
import type { User } from '../auth/users.js';
import type { ServerContext } from '../context.js';
import { stmt } from '../db/statements.js';
import { LEVEL } from './levels.js';

/** Who is asking, and through which portal. Anonymous callers only exist on the public portal. */
export interface Caller {
  user: User | null;
  portal: Portal;
}

function memo<T>(ctx: ServerContext, key: string, make: () => T): T {
  const k = `${ctx.generation}:${key}`;
  if (ctx.memo.has(k)) return ctx.memo.get(k) as T;
  if (ctx.memo.size > 5000) ctx.memo.clear();
  const v = make();
  ctx.memo.set(k, v);
  return v;
}

/** Ids of the groups a user belongs to, with their manager/owner flags. */
export function groupsOf(ctx: ServerContext, userId: number): Map<number, { manager: boolean; owner: boolean }> {
  return memo(ctx, `groups:${userId}`, () => {
    const rows = stmt(ctx.db, 'SELECT group_id, is_manager, is_owner FROM group_members WHERE user_id = ?').all(
      userId,
    ) as { group_id: number; is_manager: number; is_owner: number }[];
    return new Map(
      rows.map((r) => [r.group_id, { manager: r.is_manager === 1 || r.is_owner === 1, owner: r.is_owner === 1 }]),
    );
  });
}

/** The caller's effective level per project (direct grant or through a group; the highest wins). */
export function projectLevels(ctx: ServerContext, caller: Caller): Map<string, number> {
  if (caller.portal === 'public' || !caller.user) {
    return memo(ctx, 'public-projects', () => {
      const rows = stmt(ctx.db, 'SELECT id FROM t_project WHERE is_public = 1').all() as { id: string }[];
      // Public readers are members (read-only) of every public project.
      return new Map(rows.map((r) => [r.id, 0]));
    });
  }
  const uid = caller.user.id;
  return memo(ctx, `projects:${uid}`, () => {
    const rows = stmt(
      ctx.db,
      `SELECT project_id, MAX(level) AS level FROM project_grants
       WHERE user_id = ? OR group_id IN (SELECT group_id FROM group_members WHERE user_id = ?)
       GROUP BY project_id`,
    ).all(uid, uid) as { project_id: string; level: number }[];
    return new Map(rows.map((r) => [r.project_id, r.level]));
  });
}

/** The caller's effective level per personal attribute, keyed `<model>:<id>`. */
export function attributeLevels(ctx: ServerContext, caller: Caller): Map<string, number> {
  if (!caller.user || caller.portal === 'public') return new Map();
  const uid = caller.user.id;
  return memo(ctx, `attrs:${uid}`, () => {
    const rows = stmt(
      ctx.db,
      `SELECT model, record_id, MAX(level) AS level FROM attr_grants
       WHERE user_id = ? OR group_id IN (SELECT group_id FROM group_members WHERE user_id = ?)
       GROUP BY model, record_id`,
    ).all(uid, uid) as { model: string; record_id: string; level: number }[];
    return new Map(rows.map((r) => [`${r.model}:${r.record_id}`, r.level]));
  });
}

/** JSON array (a single SQL parameter for `json_each`) of the project ids the caller can read. */
export function visibleProjectsJson(ctx: ServerContext, caller: Caller): string {
  const key = caller.portal === 'public' || !caller.user ? 'vp:public' : `vp:${caller.user.id}`;
  return memo(ctx, key, () => JSON.stringify([...projectLevels(ctx, caller).keys()]));
}

/** JSON array of the ids of one personal-attribute model the caller can read (private portal). */
export function visibleAttributesJson(ctx: ServerContext, caller: Caller, model: string): string {
  const uid = caller.user?.id ?? 0;
  return memo(ctx, `va:${uid}:${model}`, () => {
    const prefix = `${model}:`;
    const ids: string[] = [];
    for (const k of attributeLevels(ctx, caller).keys()) if (k.startsWith(prefix)) ids.push(k.slice(prefix.length));
    return JSON.stringify(ids);
  });
}

/** JSON array of group ids the caller belongs to (or manages, with `managedOnly`). */
export function groupsJson(ctx: ServerContext, caller: Caller, managedOnly = false): string {
  if (!caller.user) return '[]';
  const ids: number[] = [];
  for (const [id, g] of groupsOf(ctx, caller.user.id)) if (!managedOnly || g.manager) ids.push(id);
  return JSON.stringify(ids);
}

/** JSON array of projects where the caller is at least manager. */
export function managedProjectsJson(ctx: ServerContext, caller: Caller): string {
  const ids: string[] = [];
  if (caller.user && caller.portal === 'private') {
    for (const [id, level] of projectLevels(ctx, caller)) if (level >= LEVEL.manager) ids.push(id);
  }
  return JSON.stringify(ids);
}
