/**
 * `saveMany` / `deleteMany`: many writes with bounded concurrency; one failure never hides the others.
 * @module
 */
import { AbortError } from './errors.js';
import type { BulkResult } from './types.js';

/**
 * Runs `work` over `items` with at most `concurrency` in flight; every item ends in `succeeded` or `failed`,
 * both in input order.
 */
export async function runBulk<I, R>(
  items: readonly I[],
  concurrency: number,
  work: (item: I, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<BulkResult<I, R>> {
  const results: ({ ok: true; result: R } | { ok: false; error: Error } | undefined)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
        results[index] = { ok: true, result: await work(items[index] as I, index) };
      } catch (err) {
        results[index] = { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  const out: BulkResult<I, R> = { succeeded: [], failed: [] };
  results.forEach((r, index) => {
    const item = items[index] as I;
    if (r?.ok) out.succeeded.push({ index, item, result: r.result });
    else out.failed.push({ index, item, error: r ? r.error : new Error('not run') });
  });
  return out;
}
