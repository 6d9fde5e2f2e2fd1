/**
 * List responses: filtering, sorting and paging in SQL; the body is the description's list envelope (`wrapList`,
 * with `meta` where `listPageKeys` gives it). Counts are memoised per write generation (any write invalidates them).
 */
import {
  type ListPageKeys,
  listEnvelopeText,
  listPageKeys,
  type ModelSpec,
  pageLink,
  wrapList,
} from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import type { ModelTable } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import type { Caller } from '../permissions/caller.js';
import { readScope } from '../permissions/scope.js';
import { compileFilter } from '../query/compile.js';
import { resolveIncludeTree } from '../query/includes.js';
import type { ListQuery } from '../query/params.js';
import { compileSort } from '../query/sort.js';
import { type EmbedReport, embedIncludes, newEmbedReport, stringifyRecords } from '../records/embed.js';
import { cachedJsonByRowid, layoutOf, type RawRow, renderRaw } from '../records/render.js';

/**
 * Ordered id lists of recent queries, valid until the next write (the generation changes). Filtering and
 * sorting run in SQL once per query; later pages of the same query are slices of the memoised id list, so
 * paging through 20,000 records does not rescan the table for every offset.
 */
const idCache = new WeakMap<ServerContext, { generation: number; map: Map<string, (string | number)[]> }>();
const MAX_CACHED_QUERIES = 64;

function orderedIds(ctx: ServerContext, sql: string, params: unknown[]): (string | number)[] {
  let c = idCache.get(ctx);
  if (!c || c.generation !== ctx.generation) {
    c = { generation: ctx.generation, map: new Map() };
    idCache.set(ctx, c);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = c.map.get(key);
  if (hit) {
    // Refresh its position (least recently used goes first).
    c.map.delete(key);
    c.map.set(key, hit);
    return hit;
  }
  const ids = stmt(ctx.db, sql)
    .pluck()
    .all(...params) as (string | number)[];
  if (c.map.size >= MAX_CACHED_QUERIES) c.map.delete(c.map.keys().next().value as string);
  c.map.set(key, ids);
  return ids;
}

/** A list body as text, from the records' JSON texts: `wrapList`'s body, records not parsed again. */
function listText(model: ModelSpec, texts: readonly string[], page: ListPageKeys): string {
  const [head, tail] = listEnvelopeText(model, page);
  return `${head}${texts.join(',')}${tail}`;
}

const COMMA = 0x2c;

/** A list body as UTF-8 bytes from the records' JSON bytes: `listText`'s text, with no string built on the way. */
function listBytes(model: ModelSpec, parts: readonly Buffer[], page: ListPageKeys): Buffer {
  const [headText, tailText] = listEnvelopeText(model, page);
  const head = Buffer.from(headText);
  const tail = Buffer.from(tailText);
  let length = head.length + tail.length + Math.max(0, parts.length - 1);
  for (const p of parts) length += p.length;
  // One allocation, each part copied once (Buffer.concat of the parts and their commas costs more per part).
  const out = Buffer.allocUnsafe(length);
  let at = head.copy(out, 0);
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out[at++] = COMMA;
    at += (parts[i] as Buffer).copy(out, at);
  }
  tail.copy(out, at);
  return out;
}

/** Raw rows by rowid, in the order given (the rowids come from a scoped query, so no permission check here). */
function rawByRowid(ctx: ServerContext, t: ModelTable, rowids: number[]): RawRow[] {
  if (rowids.length === 0) return [];
  const rows = stmt(
    ctx.db,
    `SELECT ${layoutOf(t).select} FROM ${t.table} a WHERE a.rowid IN (SELECT value FROM json_each(?))`,
  )
    .raw(true)
    .all(JSON.stringify(rowids)) as RawRow[];
  const byRowid = new Map(rows.map((r) => [r[0], r]));
  const out: RawRow[] = [];
  for (const id of rowids) {
    const r = byRowid.get(id);
    if (r) out.push(r);
  }
  return out;
}

/**
 * Build a list response body. `url` is the absolute request URL (for next/previous). Returns the JSON as UTF-8
 * bytes when the page can be joined from cached record JSON, as text when it has includes (embedded and
 * serialised in chunks, see records/embed.ts), else an object for Fastify to serialise.
 */
export async function listResponse(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  query: ListQuery,
  url: URL,
  report: EmbedReport = newEmbedReport(),
): Promise<Record<string, unknown> | string | Buffer> {
  const scope = readScope(ctx, caller, t.model, 'a');
  const where = [scope.sql];
  const params: unknown[] = [...scope.params];
  for (const f of query.filters) {
    const c = compileFilter(t, 'a', f.key, f.value, (m, alias) => readScope(ctx, caller, m, alias));
    where.push(c.sql);
    params.push(...c.params);
  }
  const order = compileSort(t, 'a', query.sort, (m, alias) => readScope(ctx, caller, m, alias));
  const includes = resolveIncludeTree(t, query.include);
  const whereSql = where.join(' AND ');
  const ids = orderedIds(ctx, `SELECT a.rowid FROM ${t.table} a WHERE ${whereSql} ORDER BY ${order.sql}`, [
    ...params,
    ...order.params,
  ]);
  const pageIds = ids.slice(query.offset, query.offset + query.limit) as number[];
  // Fast path: every record of the page already rendered since the last write → join their JSON bytes.
  const cached = includes.length === 0 ? cachedJsonByRowid(ctx, caller, t, pageIds) : null;
  const records = cached ? null : renderRaw(ctx, caller, t, rawByRowid(ctx, t, pageIds));
  let body: ListPageKeys = {};
  if (ctx.options.pagination !== 'minimal') {
    const { offset, limit } = query;
    const count = ids.length;
    const hasNext = offset + limit < count;
    body = listPageKeys(t.model, caller.portal, {
      count,
      offset,
      limit,
      next: hasNext ? pageLink(url, { limit, offset: offset + limit }) : null,
      previous: offset > 0 ? pageLink(url, { limit, offset: Math.max(0, offset - limit) }) : null,
    });
  }
  if (records && includes.length > 0) {
    // Embedding replaces id lists: work on copies, never on the cached renderings.
    const copies = records.map((r) => ({ ...r }));
    await embedIncludes(ctx, caller, copies, includes, report);
    return listText(t.model, await stringifyRecords(copies), body);
  }
  if (cached) return listBytes(t.model, cached, body);
  return wrapList(t.model, records ?? [], body);
}
