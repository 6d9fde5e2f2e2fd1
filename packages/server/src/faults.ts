/**
 * Latency and fault injection for clients' retry tests. Decided in `onRequest`, before the body is read or any
 * handler runs, so a faulted request never writes. The sequence is deterministic for a given `faultSeed`:
 * the n-th request to the server always gets the same verdict.
 *
 * Kinds: `502` and `503` with a JSON body, `429` with `Retry-After: 1`, and `drop` (the socket is destroyed
 * without a response). Injected responses carry `X-Brainstem-Fault: <kind>`.
 */
import { API_ROOT, detailError } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import type { ResolvedServerOptions } from './context.js';
import { throttled } from './errors.js';

export type FaultKind = '502' | '503' | '429' | 'drop';
const KINDS: readonly FaultKind[] = ['502', '503', '429', 'drop'];

/** mulberry32: a tiny seeded PRNG (uniform floats in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fault plan: call `next()` once per request; `null` = serve normally. */
export function faultPlan(rate: number, seed: number): () => FaultKind | null {
  const rand = prng(seed);
  return () => {
    const r = rand();
    const k = rand();
    if (rate <= 0 || r >= rate) return null;
    return KINDS[Math.floor(k * KINDS.length)] as FaultKind;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Install the latency/fault hook for API routes (`/api/…`). */
export function installFaults(app: FastifyInstance, options: ResolvedServerOptions): void {
  if (options.latency <= 0 && options.faultRate <= 0) return;
  const next = faultPlan(options.faultRate, options.faultSeed);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith(API_ROOT)) return;
    if (options.latency > 0) await sleep(options.latency);
    const kind = next();
    if (!kind) return;
    if (kind === 'drop') {
      reply.hijack();
      req.raw.socket.destroy();
      return;
    }
    reply.header('X-Brainstem-Fault', kind);
    if (kind === '429') {
      const e = throttled(1);
      return reply.code(e.status).headers(e.headers).send(e.body);
    }
    if (kind === '502') return reply.code(502).send(detailError('Bad gateway (injected fault).'));
    return reply.code(503).send(detailError('Service unavailable (injected fault).'));
  });
}
