/**
 * Offset pagination that tolerates every list style a server may send: `count`, only `meta.total_results`, only
 * `next`, or nothing (then the first short page ends it). Pages are fetched with a bounded number in flight and
 * handed out in server order; whatever is still in flight when the consumer stops is aborted.
 * @module
 */
import { BrainstemError } from './errors.js';
import { unwrapList } from './registry/envelope.js';

/** One list response, as read by {@link readPage}. */
export interface PageInfo {
  /** The records of this page. */
  items: unknown[];
  /** Total matching records, when the server says (`count`, else `meta.total_results`). */
  count: number | undefined;
  /** Whether the server says there is a next page: `true`/`false`, or `undefined` when it sends no `next`. */
  hasNext: boolean | undefined;
  /** The whole response body. */
  body: Record<string, unknown>;
  /** Absolute offset of the first record. */
  offset: number;
}

/** Fetches the page at `offset` (page size fixed by the caller). */
export type PageFetcher = (offset: number, signal: AbortSignal) => Promise<Record<string, unknown>>;

/** Reads a list body: the records under `listKey` plus whatever pagination hints it carries. */
export function readPage(body: unknown, listKey: string, offset: number): PageInfo {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BrainstemError(
      `Expected a list response object with "${listKey}", got ${JSON.stringify(body)?.slice(0, 100)}`,
    );
  }
  const page = unwrapList({ listKey }, body);
  if (!page) {
    throw new BrainstemError(`List response has no "${listKey}" array (keys: ${Object.keys(body).join(', ')})`);
  }
  return {
    items: page.records,
    count: page.count,
    hasNext: page.hasNext,
    body: body as Record<string, unknown>,
    offset,
  };
}

/** Whether no page follows this one. */
export function isLastPage(page: PageInfo, pageSize: number): boolean {
  if (page.items.length < pageSize) return true;
  if (page.hasNext === false) return true;
  return page.count !== undefined && page.offset + page.items.length >= page.count;
}

/** Options of {@link pageStream}. */
export interface PageStreamOptions {
  listKey: string;
  pageSize: number;
  /** Absolute offset of the first page. */
  start: number;
  /** Page requests kept in flight ahead of the consumer (≥ 1). */
  inFlight: number;
  signal?: AbortSignal;
}

/**
 * Pages in server order, keeping up to `inFlight` requests running ahead of the consumer. When the total is known
 * nothing past it is requested; without one, requests past the end are speculative and aborted once a short page
 * shows the end. Breaking out of the loop aborts whatever is still in flight.
 *
 * @example
 * ```ts
 * for await (const page of pageStream(fetchPage, { listKey: 'sessions', pageSize: 100, start: 0, inFlight: 4 })) {}
 * ```
 */
export async function* pageStream(fetchPage: PageFetcher, opts: PageStreamOptions): AsyncGenerator<PageInfo> {
  const ac = new AbortController();
  const onAbort = () => ac.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const queue: { offset: number; promise: Promise<PageInfo> }[] = [];
  let nextOffset = opts.start;
  let total: number | undefined;
  const launch = () => {
    const offset = nextOffset;
    nextOffset += opts.pageSize;
    const promise = fetchPage(offset, ac.signal).then((body) => readPage(body, opts.listKey, offset));
    promise.catch(() => {}); // awaited in order below; pages abandoned after the end must not go unhandled
    queue.push({ offset, promise });
  };
  const fill = () => {
    while (queue.length < opts.inFlight && (total === undefined || nextOffset < total)) launch();
  };
  try {
    launch();
    while (queue.length > 0) {
      const page = await queue.shift()!.promise;
      if (page.count !== undefined) total = page.count;
      const last = isLastPage(page, opts.pageSize);
      if (!last) fill(); // before yielding: the next pages load while the consumer works
      yield page;
      if (last) return;
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    ac.abort(new Error('pagination stopped'));
  }
}

/** Record id for de-duplication (`undefined` when a record has none). */
export function idOf(record: unknown): unknown {
  return record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
}
