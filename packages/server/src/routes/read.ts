/**
 * GET list and detail responses. Heavy requests (with `include[]`, or a filter whose path crosses a relation) wait
 * for a work slot in their caller's queue (`WorkGate`, callers served in turn), embed in chunks and report cut lists
 * in `X-Brainstem-Truncated-Includes`; other requests are answered at once.
 *
 * @example
 * ```ts
 * return listRoute(ctx, caller, tableOf('project'), req, reply);
 * ```
 */
import {
  detailEnvelopeText,
  formatTruncatedIncludes,
  resolveFilter,
  TRUNCATED_INCLUDES_HEADER,
  wrapDetail,
} from 'brainstem-api-description';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ModelTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { requestOrigin } from '../origin.js';
import type { Caller } from '../permissions/caller.js';
import { resolveIncludeTree } from '../query/includes.js';
import { type ListQuery, parseQuery } from '../query/params.js';
import { EmbedAborted, type EmbedReport, embedIncludes, newEmbedReport } from '../records/embed.js';
import { cachedJsonByRowid, loadRaw, type RawRow, renderRaw } from '../records/render.js';
import { HEAVY_REQUEST_SLOTS, WorkGate } from '../work-gate.js';
import { listResponse } from './list.js';
import { recordKey } from './record-id.js';

const gates = new WeakMap<ServerContext, WorkGate>();

/** The server's gate for heavy requests (one per server). */
export function heavyRequestGate(ctx: ServerContext): WorkGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = new WorkGate(HEAVY_REQUEST_SLOTS);
    gates.set(ctx, gate);
  }
  return gate;
}

/** The queue a caller's heavy requests wait in: the signed-in user, else the remote address. */
function queueKey(caller: Caller, req: FastifyRequest): string {
  return caller.user ? `user:${caller.user.id}` : `address:${req.ip}`;
}

/**
 * Whether a list query is heavy: it embeds related records, or filters through a relation (each hop is a set the
 * database builds). A filter key the resolver refuses is not heavy; it is answered 400 without work.
 */
function isHeavy(t: ModelTable, query: ListQuery): boolean {
  return (
    query.include.length > 0 || query.filters.some((f) => (resolveFilter(t.model, f.key).path?.hops.length ?? 0) > 0)
  );
}

/** A signal that aborts when the request's connection closes (the client went away). */
function connectionClosed(req: FastifyRequest): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const socket = req.raw.socket;
  if (!socket || socket.destroyed) {
    controller.abort(new EmbedAborted('client went away'));
    return { signal: controller.signal, release: () => {} };
  }
  const onClose = (): void => controller.abort(new EmbedAborted('client went away'));
  socket.once('close', onClose);
  return { signal: controller.signal, release: () => socket.off('close', onClose) };
}

function searchOf(req: FastifyRequest): string {
  return req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
}

/** Run `build` directly, or in a work slot of the caller's queue when the request is heavy; then report cut lists. */
async function answer<T>(
  ctx: ServerContext,
  caller: Caller,
  req: FastifyRequest,
  reply: FastifyReply,
  heavy: boolean,
  build: (report: EmbedReport) => Promise<T>,
): Promise<T> {
  const report = newEmbedReport(() => req.raw.socket?.destroyed === true);
  try {
    let out: T;
    if (heavy) {
      // A client that leaves while waiting leaves its queue and costs nothing more.
      const closed = connectionClosed(req);
      try {
        out = await heavyRequestGate(ctx).run(
          queueKey(caller, req),
          () => (report.aborted() ? Promise.reject(new EmbedAborted('client went away')) : build(report)),
          closed.signal,
        );
      } finally {
        closed.release();
      }
    } else out = await build(report);
    if (report.truncated.size > 0) reply.header(TRUNCATED_INCLUDES_HEADER, formatTruncatedIncludes(report.truncated));
    return out;
  } catch (e) {
    if (!(e instanceof EmbedAborted)) throw e;
    // Nobody is left to answer: let the connection go without an error response or log line.
    reply.hijack();
    return undefined as T;
  }
}

/** GET on a collection. */
export async function listRoute(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const query = parseQuery(searchOf(req));
  const url = new URL(req.url, requestOrigin(req));
  const body = await answer(ctx, caller, req, reply, isHeavy(t, query), (report) =>
    listResponse(ctx, caller, t, query, url, report),
  );
  if (typeof body === 'string' || Buffer.isBuffer(body)) reply.type('application/json; charset=utf-8');
  return body;
}

/** GET on one record. */
export async function detailRoute(
  ctx: ServerContext,
  caller: Caller,
  t: ModelTable,
  id: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const includes = resolveIncludeTree(t, parseQuery(searchOf(req)).include);
  const key = recordKey(t, id);
  return answer(ctx, caller, req, reply, includes.length > 0, async (report) => {
    const raw = loadRaw(ctx, caller, t, [key]);
    if (raw.length === 0) throw notFound();
    // Without includes, a record rendered since the last write is answered from its cached JSON bytes.
    const cached = includes.length === 0 ? cachedJsonByRowid(ctx, caller, t, [(raw[0] as RawRow)[0] as number]) : null;
    if (cached) {
      reply.type('application/json; charset=utf-8');
      const [head, tail] = detailEnvelopeText(t.model);
      return Buffer.concat([Buffer.from(head), cached[0] as Buffer, Buffer.from(tail)]);
    }
    const record = { ...(renderRaw(ctx, caller, t, raw)[0] as Record<string, unknown>) };
    await embedIncludes(ctx, caller, [record], includes, report);
    return wrapDetail(t.model, record);
  });
}
