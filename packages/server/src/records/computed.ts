/**
 * Fields produced by code instead of storage (db/schema.ts marks them `computed`). Each handler fills one
 * field for a whole page of records with batched queries.
 */
import type { ServerContext } from '../context.js';
import type { ModelTable } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { flagsOf } from '../permissions/levels.js';

export type Row = Record<string, unknown> & { id: string | number };
type Handler = (ctx: ServerContext, t: ModelTable, rows: Row[], out: Record<string, unknown>[]) => void;

const idsJson = (rows: Row[]) => JSON.stringify(rows.map((r) => r.id));

function groupBy<K, V>(items: Iterable<[K, V]>): Map<K, V[]> {
  const m = new Map<K, V[]>();
  for (const [k, v] of items) {
    let l = m.get(k);
    if (!l) {
      l = [];
      m.set(k, l);
    }
    l.push(v);
  }
  return m;
}

/** `<model>.<field>` or `<field>` → handler. */
const HANDLERS: Record<string, Handler> = {
  // Related-endpoint suffixes (project example: `{"cohorts": "cohorts/", …}`): one per reverse list.
  links: (_ctx, t, _rows, out) => {
    const links: Record<string, string> = {};
    for (const f of [...t.reverse].sort((a, b) => a.name.localeCompare(b.name))) links[f.name] = `${f.name}/`;
    for (const o of out) o.links = { ...links };
  },
  rrid_url: (_ctx, _t, rows, out) => {
    rows.forEach((r, i) => {
      const rrid = r.rrid;
      (out[i] as Record<string, unknown>).rrid_url =
        typeof rrid === 'string' && rrid !== '' ? `https://scicrunch.org/resolver/${encodeURIComponent(rrid)}` : null;
    });
  },
  created_at: (_ctx, _t, rows, out) => {
    rows.forEach((r, i) => {
      (out[i] as Record<string, unknown>).created_at = r.created_date;
    });
  },
  updated_at: (_ctx, _t, rows, out) => {
    rows.forEach((r, i) => {
      (out[i] as Record<string, unknown>).updated_at = r.modified_date;
    });
  },
  epochs: (_ctx, _t, _rows, out) => {
    for (const o of out) o.epochs = [];
  },
  'project.users': (ctx, _t, rows, out) => {
    const grants = stmt(
      ctx.db,
      `SELECT g.project_id, u.email, g.level FROM project_grants g JOIN users u ON u.id = g.user_id
       WHERE g.project_id IN (SELECT value FROM json_each(?)) ORDER BY g.level DESC, u.id`,
    ).all(idsJson(rows)) as { project_id: string; email: string; level: number }[];
    const by = groupBy(grants.map((g) => [g.project_id, g] as const));
    rows.forEach((r, i) => {
      const users: Record<string, unknown> = {};
      for (const g of by.get(r.id as string) ?? []) users[g.email] = flagsOf(g.level);
      (out[i] as Record<string, unknown>).users = users;
    });
  },
  'project.groups': (ctx, _t, rows, out) => {
    const grants = stmt(
      ctx.db,
      `SELECT g.project_id, gr.name, g.level FROM project_grants g JOIN t_group gr ON gr.id = g.group_id
       WHERE g.project_id IN (SELECT value FROM json_each(?)) ORDER BY g.level DESC, gr.id`,
    ).all(idsJson(rows)) as { project_id: string; name: string; level: number }[];
    const by = groupBy(grants.map((g) => [g.project_id, g] as const));
    rows.forEach((r, i) => {
      const groups: Record<string, unknown> = {};
      for (const g of by.get(r.id as string) ?? []) groups[g.name] = flagsOf(g.level);
      (out[i] as Record<string, unknown>).groups = groups;
    });
  },
  'group.users': (ctx, _t, rows, out) => {
    const members = stmt(
      ctx.db,
      `SELECT m.group_id, u.email, m.is_manager, m.is_owner FROM group_members m JOIN users u ON u.id = m.user_id
       WHERE m.group_id IN (SELECT value FROM json_each(?)) ORDER BY m.is_owner DESC, m.is_manager DESC, u.id`,
    ).all(idsJson(rows)) as { group_id: number; email: string; is_manager: number; is_owner: number }[];
    const by = groupBy(members.map((m) => [m.group_id, m] as const));
    rows.forEach((r, i) => {
      const users: Record<string, unknown> = {};
      for (const m of by.get(r.id as number) ?? []) {
        users[m.email] = { is_manager: m.is_manager === 1 || m.is_owner === 1, is_owner: m.is_owner === 1 };
      }
      (out[i] as Record<string, unknown>).users = users;
    });
  },
  'user.groups_own_json': (ctx, _t, rows, out) => {
    const owned = stmt(
      ctx.db,
      `SELECT m.user_id, g.id, g.name FROM group_members m JOIN t_group g ON g.id = m.group_id
       WHERE m.is_owner = 1 AND m.user_id IN (SELECT value FROM json_each(?)) ORDER BY g.id`,
    ).all(idsJson(rows)) as { user_id: number; id: number; name: string }[];
    const by = groupBy(owned.map((o) => [o.user_id, { id: o.id, name: o.name }] as const));
    rows.forEach((r, i) => {
      (out[i] as Record<string, unknown>).groups_own_json = by.get(r.id as number) ?? [];
    });
  },
  'user.active_projects': (ctx, _t, rows, out) => {
    const grants = stmt(
      ctx.db,
      `SELECT DISTINCT user_id, project_id FROM project_grants
       WHERE user_id IN (SELECT value FROM json_each(?)) ORDER BY project_id`,
    ).all(idsJson(rows)) as { user_id: number; project_id: string }[];
    const by = groupBy(grants.map((g) => [g.user_id, g.project_id] as const));
    rows.forEach((r, i) => {
      (out[i] as Record<string, unknown>).active_projects = by.get(r.id as number) ?? [];
    });
  },
};

/** Fill every computed field of `t` into `out` (parallel to `rows`). */
export function fillComputed(ctx: ServerContext, t: ModelTable, rows: Row[], out: Record<string, unknown>[]): void {
  for (const f of t.computed) {
    const h = HANDLERS[`${t.model.name}.${f.name}`] ?? HANDLERS[f.name];
    if (h) h(ctx, t, rows, out);
    else for (const o of out) o[f.name] = null;
  }
}
