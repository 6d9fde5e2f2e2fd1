/**
 * `saveMany` / `deleteMany`: many writes with bounded concurrency; one failure never hides the others.
 * @module
 */

import type { Portal } from 'brainstem-api-description';
import { AbortError, InvalidArgumentError } from './errors.js';
import { resolveModel } from './validate.js';

/**
 * Outcome of `saveMany`/`deleteMany`: every item is in exactly one list, with its input index.
 *
 * @example
 * ```ts
 * const { succeeded, failed }: BulkResult<string, void> = await client.deleteMany('session', ids);
 * ```
 */
export interface BulkResult<I, R> {
  succeeded: { index: number; item: I; result: R }[];
  failed: { index: number; item: I; error: Error }[];
}

/**
 * Options of `saveMany`.
 *
 * @example
 * ```ts
 * await client.saveMany('session', items, { concurrency: 2, method: 'put' });
 * ```
 */
export interface SaveManyOptions {
  /** Requests at once. @default the client's `concurrency` */
  concurrency?: number;
  /** How items with an `id` are updated. @default 'patch' */
  method?: 'patch' | 'put';
  /** @default 'private' */
  portal?: Portal;
  signal?: AbortSignal;
}

/**
 * Options of `deleteMany`.
 *
 * @example
 * ```ts
 * await client.deleteMany('session', ids, { concurrency: 2 });
 * ```
 */
export interface DeleteManyOptions {
  /** Requests at once. @default the client's `concurrency` */
  concurrency?: number;
  /** @default 'private' */
  portal?: Portal;
  signal?: AbortSignal;
}

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

/** The single-record writes the bulk calls are made of (the client's `save`/`delete`, untyped). */
export interface RecordWriter {
  readonly concurrency: number;
  save(
    model: string,
    opts: { id?: unknown; data: unknown; method?: 'patch' | 'put'; portal?: Portal; signal?: AbortSignal },
  ): Promise<unknown>;
  delete(model: string, opts: { id: unknown; portal?: Portal; signal?: AbortSignal }): Promise<void>;
}

const scope = (opts: { portal?: Portal | undefined; signal?: AbortSignal | undefined }) => ({
  ...(opts.portal ? { portal: opts.portal } : {}),
  ...(opts.signal ? { signal: opts.signal } : {}),
});

/** Saves every item: with an `id` an update, else a create. */
export function saveEach(
  writer: RecordWriter,
  model: string,
  items: readonly unknown[],
  opts: SaveManyOptions,
): Promise<BulkResult<unknown, unknown>> {
  resolveModel(model);
  if (!Array.isArray(items)) throw new InvalidArgumentError('items', 'saveMany needs an array of records');
  return runBulk(
    items,
    opts.concurrency ?? writer.concurrency,
    (item) => {
      const { id, ...data } = (item ?? {}) as Record<string, unknown>;
      const update = id !== undefined && id !== null ? { id, ...(opts.method ? { method: opts.method } : {}) } : {};
      return writer.save(model, { data, ...update, ...scope(opts) });
    },
    opts.signal,
  );
}

/** Deletes every id. */
export function deleteEach(
  writer: RecordWriter,
  model: string,
  ids: readonly unknown[],
  opts: DeleteManyOptions,
): Promise<BulkResult<unknown, void>> {
  resolveModel(model);
  if (!Array.isArray(ids)) throw new InvalidArgumentError('ids', 'deleteMany needs an array of ids');
  return runBulk(
    ids,
    opts.concurrency ?? writer.concurrency,
    (id) => writer.delete(model, { id, ...scope(opts) }),
    opts.signal,
  );
}
