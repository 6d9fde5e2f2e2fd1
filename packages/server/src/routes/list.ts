/**
 * List responses: `{ <list_key>: [...], count, next, previous }` (+ `meta` on the public portal), filtering,
 * sorting and paging in SQL. Counts are memoised per write generation (any write invalidates them).
 */
import type { ServerContext } from '../context.js';
import type { ModelTable } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import type { Caller } from '../permissions/caller.js';
import { readScope } from '../permissions/scope.js';
import { compileFilter, compileSort, resolveIncludes } from '../query/compile.js';
import type { ListQuery } from '../query/params.js';
import type { Row } from '../records/computed.js';
import { renderRows } from '../records/render.js';

const countCache = new WeakMap<ServerContext, { generation: number; map: Map<string, number> }>();

function cachedCount(ctx: ServerContext, sql: string, params: unknown[]): number {
  let c = countCache.get(ctx);
  if (!c || c.generation !== ctx.generation) {
    c = { generation: ctx.generation, map: new Map() };
    countCache.set(ctx, c);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = c.map.get(key);
  if (hit !== undefined) return hit;
  const n = (stmt(ctx.db, sql).get(...params) as { n: number }).n;
  if (c.map.size > 1000) c.map.clear();
  c.map.set(key, n);
  return n;
}

function pageUrl(base: URL, limit: number, offset: number): string {
  const u = new URL(base.href);
  u.searchParams.set('limit', String(limit));
  if (offset > 0) u.searchParams.set('offset', String(offset));
  else u.searchParams.delete('offset');
  return u.href
    .replace(/%7B/g, '{')
    .replace(/%7D/g, '}')
    .replace(/%5B%5D/g, '[]');
}

/** Build a list response body. `url` is the absolute request URL (for next/previous). */
export function listResponse(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  query: ListQuery,
  url: URL,
): Record<string, unknown> {
  const scope = readScope(ctx, caller, t.model, 'a');
  const where = [scope.sql];
  const params: unknown[] = [...scope.params];
  for (const f of query.filters) {
    const c = compileFilter(t, 'a', f.key, f.value);
    where.push(c.sql);
    params.push(...c.params);
  }
  const order = compileSort(t, 'a', query.sort);
  const includes = resolveIncludes(t, query.include);
  const whereSql = where.join(' AND ');
  const rows = stmt(ctx.db, `SELECT a.* FROM ${t.table} a WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...params,
    query.limit,
    query.offset,
  ) as Row[];
  const records = renderRows(ctx, caller, t, rows, includes);
  const body: Record<string, unknown> = { [t.model.listKey]: records };
  if (ctx.options.pagination === 'minimal') return body;
  const count = cachedCount(ctx, `SELECT count(*) AS n FROM ${t.table} a WHERE ${whereSql}`, params);
  body.count = count;
  body.next = query.offset + query.limit < count ? pageUrl(url, query.limit, query.offset + query.limit) : null;
  body.previous = query.offset > 0 ? pageUrl(url, query.limit, Math.max(0, query.offset - query.limit)) : null;
  if (caller.portal === 'public') {
    body.meta = {
      total_results: count,
      total_pages: Math.ceil(count / query.limit),
      page: Math.floor(query.offset / query.limit) + 1,
      per_page: query.limit,
    };
  }
  return body;
}
