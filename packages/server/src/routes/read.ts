/**
 * GET list and detail responses. Requests with `include[]` are heavy: they wait for a work slot
 * (`WorkGate`), embed in chunks and report cut lists in `X-Brainstem-Truncated-Includes`; requests without
 * includes are answered at once.
 *
 * @example
 * ```ts
 * return listRoute(ctx, caller, tableOf('project'), req, reply);
 * ```
 */
import {
  detailEnvelopeText,
  formatTruncatedIncludes,
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
import { parseQuery } from '../query/params.js';
import { EmbedAborted, type EmbedReport, embedIncludes, newEmbedReport } from '../records/embed.js';
import { cachedJsonByRowid, loadRaw, type RawRow, renderRaw } from '../records/render.js';
import { HEAVY_REQUEST_SLOTS, WorkGate } from '../work-gate.js';
import { listResponse } from './list.js';
import { recordKey } from './record-id.js';

const gates = new WeakMap<ServerContext, WorkGate>();

function gateOf(ctx: ServerContext): WorkGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = new WorkGate(HEAVY_REQUEST_SLOTS);
    gates.set(ctx, gate);
  }
  return gate;
}

function searchOf(req: FastifyRequest): string {
  return req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
}

/** Run `build` directly, or in a work slot when the request has includes; then report cut lists. */
async function answer<T>(
  ctx: ServerContext,
  req: FastifyRequest,
  reply: FastifyReply,
  heavy: boolean,
  build: (report: EmbedReport) => Promise<T>,
): Promise<T> {
  const report = newEmbedReport(() => req.raw.socket?.destroyed === true);
  try {
    const out = heavy
      ? await gateOf(ctx).run(() => {
          // A client that left while waiting for a slot costs nothing more.
          if (report.aborted()) throw new EmbedAborted('client went away');
          return build(report);
        })
      : await build(report);
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
  const body = await answer(ctx, req, reply, query.include.length > 0, (report) =>
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
  return answer(ctx, req, reply, includes.length > 0, async (report) => {
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
