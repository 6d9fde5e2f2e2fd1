/**
 * Offset pagination that tolerates whatever the server sends: `count`, only `meta.total_results`, only `next`, or
 * nothing, and pages shorter than asked (a server that caps the page size). Offsets advance by the records a
 * page actually returned; a `next` link's `offset` is followed when it says where the data continues. Pages are
 * fetched with a bounded, adaptive number in flight (concurrency.ts) and handed out in server order; whatever is
 * still in flight when the consumer stops is aborted. A failure carries `resume` (the offset to carry on from).
 * @module
 */

import { MAX_PAGE_SIZE, type ModelName, type Portal, pageLinkOffset, unwrapList } from 'brainstem-api-description';
import { ConcurrencyControl } from './concurrency.js';
import { BrainstemError, InvalidArgumentError, type WalkResume } from './errors.js';
import type { LogSink } from './logger.js';
import { checkOptionKeys } from './option-keys.js';
import type { IterateOptions, LoadAllOptions, LoadProgress } from './options.js';
import { encodeQuery } from './query.js';
import { checkResume, PageStore, walkQueryKey } from './resume.js';
import type { AttemptReport, RequestOptions } from './transport.js';
import { checkedQuery, checkPortal, recordPath, resolveModel } from './validate.js';

/** What a walk needs: the model, how to fetch a page, where to start. */
export interface WalkSetup {
  /** Model name (for messages). */
  model: string;
  listKey: string;
  fetchPage: PageFetcher;
  pageSize: number;
  /** The offset the caller's walk started at (its `offset` option). */
  start: number;
  control: ConcurrencyControl;
  log: LogSink;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: LoadProgress) => void) | undefined;
  /** Times the walk carries on by itself after a page failed all its attempts with a network/5xx/429 error. */
  walkRetries: number;
  /** Names the walk's query; its resume points carry it (resume.ts). */
  query: string;
  /** Pages received and not handed out yet; `fetchPage` answers from it (resume.ts). */
  store: PageStore;
  /** The checked resume point the walk carries on from. */
  resume: WalkResume | undefined;
}

/** One list response, as read by {@link readPage}. */
export interface PageInfo {
  /** The records of this page. */
  items: unknown[];
  /** Total matching records, when the server says (`count`, else `meta.total_results`). */
  count: number | undefined;
  /** Whether the server says there is a next page: `true`/`false`, or `undefined` when it sends no `next`. */
  hasNext: boolean | undefined;
  /** The `offset` of the server's `next` link, when it has one. */
  nextOffset: number | undefined;
  /** The whole response body. */
  body: Record<string, unknown>;
  /** Absolute offset of the first record. */
  offset: number;
  /** Records asked for. */
  limit: number;
}

/** One page request: `limit` records from `offset`. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** Fetches one page; reports every attempt to `onAttempt` (the concurrency control listens). */
export type PageFetcher = (
  request: PageRequest,
  signal: AbortSignal,
  onAttempt: (report: AttemptReport) => void,
) => Promise<unknown>;

/** Reads a list body: the records under `listKey` plus whatever pagination hints it carries. */
export function readPage(body: unknown, listKey: string, request: PageRequest): PageInfo {
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
    nextOffset: pageLinkOffset(page.next),
    body: body as Record<string, unknown>,
    ...request,
  };
}

/**
 * Whether nothing follows this page. An empty page always ends a walk; otherwise `next: null` or a reached
 * `count` do. A short page without either hint is not trusted as the end: the walk asks for the rest of its range
 * and ends on the empty answer, so a server that caps its pages loses nothing.
 */
export function isLastPage(page: PageInfo, total: number | undefined): boolean {
  if (page.items.length === 0 || page.hasNext === false) return true;
  return total !== undefined && page.offset + page.items.length >= total;
}

/** Options of {@link pageStream}. */
export interface PageStreamOptions {
  listKey: string;
  pageSize: number;
  /** Absolute offset of the first page. */
  start: number;
  /** How many page requests to keep in flight. */
  control: ConcurrencyControl;
  /**
   * The consumer takes each page as soon as it is its turn (`loadAll`): pages that arrived behind a slower one
   * do not hold back further requests. With a known total, up to twice the limit may then be ahead (in flight
   * or arrived). Otherwise at most the limit is ahead of the consumer, so a slow `iterate` loop bounds memory.
   */
  eager?: boolean;
  signal?: AbortSignal;
}

interface Pending extends PageRequest {
  promise: Promise<PageInfo>;
  /** For a request for the rest of a short page's range: how many records that page had. */
  shortBefore: number | undefined;
}

/**
 * Pages in server order, keeping up to `control.limit` requests running ahead of the consumer (`eager`: in flight,
 * with up to twice that many pages ahead). When the total is known nothing past it is requested; without one,
 * requests past the end are speculative and aborted once the end shows. A page shorter than asked (but not the last) makes the walk ask for the rest of its range next and
 * use the shorter size from then on. Breaking out of the loop aborts whatever is still in flight. A failed page
 * rejects with its error, marked with `resume.offset` = that page's offset (everything before it was yielded),
 * once the requests in flight beside it have settled.
 *
 * @example
 * ```ts
 * const control = new ConcurrencyControl();
 * for await (const page of pageStream(fetchPage, { listKey: 'sessions', pageSize: 100, start: 0, control })) {}
 * ```
 */
export async function* pageStream(fetchPage: PageFetcher, opts: PageStreamOptions): AsyncGenerator<PageInfo> {
  const { control, listKey } = opts;
  const ac = new AbortController();
  const onAbort = () => ac.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let queue: Pending[] = [];
  let nextOffset = opts.start;
  let size = opts.pageSize;
  let total: number | undefined;
  let inFlight = 0;
  // Whether the pages seen so far say more follow, so requests may run ahead. When `eager`, each request that
  // settles makes room for the next at once (not when the consumer reaches it), which keeps the limit busy behind
  // a slow page and spreads the requests out rather than sending them in bursts.
  let open = false;
  const onAttempt = (report: AttemptReport) => control.onAttempt(report);
  const request = (offset: number, limit: number, shortBefore?: number): Pending => {
    control.onLaunch();
    inFlight++;
    const promise = Promise.resolve()
      .then(() => fetchPage({ offset, limit }, ac.signal, onAttempt))
      .then((body) => readPage(body, listKey, { offset, limit }));
    const settled = () => {
      inFlight--;
      if (opts.eager) fill();
    };
    promise.then(settled, settled); // awaited in order below; pages abandoned after the end must not go unhandled
    return { offset, limit, promise, shortBefore };
  };
  function fill(): void {
    const ahead = opts.eager && total !== undefined ? 2 * control.limit : control.limit;
    while (open && inFlight < control.limit && queue.length < ahead && (total === undefined || nextOffset < total)) {
      queue.push(request(nextOffset, size));
      nextOffset += size;
    }
  }
  const dropQueue = () => {
    open = false;
    for (const p of queue) p.promise.catch(() => {});
    queue = [];
    ac.abort(new Error('pagination moved on'));
  };
  try {
    // The first page alone: its count (if any) keeps the rest from asking past the end.
    queue.push(request(nextOffset, size));
    nextOffset += size;
    while (queue.length > 0) {
      const head = queue[0]!; // counts as ahead of the consumer until it is handed out
      let page: PageInfo;
      try {
        page = await head.promise;
      } catch (err) {
        // The requests beside it were sent: let them finish (starting no more), so that their pages are kept for
        // carrying on rather than asked for again.
        open = false;
        if (!ac.signal.aborted) await Promise.allSettled(queue.slice(1).map((p) => p.promise));
        throw withResume(err, { offset: head.offset, loaded: 0, query: '' });
      }
      queue.shift();
      if (page.count !== undefined) total = page.count;
      const n = page.items.length;
      const after = page.offset + n;
      const last = isLastPage(page, total);
      if (!last) {
        if (page.nextOffset !== undefined && page.nextOffset !== after && page.nextOffset > page.offset) {
          // The server's `next` link says the data continues elsewhere: follow it, drop the guesses in flight.
          yield page;
          dropQueue();
          yield* pageStream(fetchPage, { ...opts, pageSize: size, start: page.nextOffset });
          return;
        }
        const more = page.hasNext === true || (total !== undefined && after < total);
        // A probe that found records proves the short page before it was a capped page, not the end.
        if (head.shortBefore !== undefined && n > 0) size = Math.min(size, head.shortBefore);
        if (n < page.limit) {
          // Fewer records than asked: the server caps its pages, or (without hints) this may be the end. Ask for
          // the rest of this range next; when the server says more follow, ask for that many from now on.
          if (more) size = Math.min(size, n);
          queue.unshift(request(after, page.limit - n, n));
        }
        open = more || n === page.limit;
        fill();
      } else {
        open = false;
      }
      yield page; // the next pages load while the consumer works on this one
      if (last) return;
    }
  } finally {
    open = false;
    opts.signal?.removeEventListener('abort', onAbort);
    ac.abort(new Error('pagination stopped'));
  }
}

/** Marks a walk's error with where to resume (any earlier mark is replaced); other values pass through. */
export function withResume(err: unknown, resume: WalkResume): unknown {
  if (err instanceof BrainstemError) err.resume = resume;
  return err;
}

/** The `id` of a record, by which a walk drops duplicates (`undefined` when a record has none). */
export function recordId(record: unknown): unknown {
  return record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
}

/**
 * Drops records a walk already delivered: an insert during the walk shifts records onto the next page, where they
 * show up again. `'all'` remembers every id (loadAll keeps the records anyway); `'previous'` only the last page's
 * (iterate: bounded memory; a shift moves records by less than a page).
 *
 * @example
 * ```ts
 * const dedupe = new Deduplicator('previous');
 * const fresh = dedupe.filter(page.items);
 * ```
 */
export class Deduplicator {
  #seen = new Set<unknown>();
  /** Records dropped so far. */
  dropped = 0;

  constructor(
    readonly window: 'all' | 'previous',
    delivered: Iterable<unknown> = [],
  ) {
    for (const r of delivered) {
      const id = recordId(r);
      if (id !== undefined) this.#seen.add(id);
    }
  }

  /** The records of `items` not delivered before, in order. */
  filter(items: readonly unknown[]): unknown[] {
    const current = this.window === 'all' ? this.#seen : new Set<unknown>();
    const out: unknown[] = [];
    for (const r of items) {
      const id = recordId(r);
      if (id !== undefined) {
        if (this.#seen.has(id) || (current !== this.#seen && current.has(id))) {
          this.dropped++;
          continue;
        }
        current.add(id);
      }
      out.push(r);
    }
    if (this.window === 'previous') this.#seen = current;
    return out;
  }
}

/** What {@link planWalk} needs from the client. */
export interface WalkContext {
  /** The client's `concurrency` option (fixes the page requests in flight when set). */
  concurrency: number | undefined;
  /** The client's `walkRetries` option. */
  walkRetries: number;
  log: LogSink;
  /** Sends one page request. */
  get(
    path: string,
    portal: Portal,
    opts: RequestOptions & { query: string; signal: AbortSignal; onAttempt: (report: AttemptReport) => void },
  ): Promise<unknown>;
}

/**
 * Checks the options shared by `loadAll` and `iterate` before any request (option keys, model, portal, query
 * names, page size, offset, concurrency, resume point), and sets up the walk.
 *
 * @example
 * ```ts
 * const records = await collectAll(planWalk('loadAll', 'session', { pageSize: 50 }, ctx), undefined);
 * ```
 */
export function planWalk(
  call: 'loadAll' | 'iterate',
  model: string,
  opts: LoadAllOptions<ModelName> | IterateOptions<ModelName>,
  ctx: WalkContext,
): WalkSetup {
  const m = resolveModel(model);
  checkOptionKeys(call, opts);
  const portal = checkPortal(m, opts.portal, 'list');
  const pageSize = opts.pageSize ?? MAX_PAGE_SIZE;
  const start = opts.offset ?? 0;
  const fixed = opts.concurrency ?? ctx.concurrency;
  if (fixed !== undefined && (!Number.isInteger(fixed) || fixed < 1)) {
    throw new InvalidArgumentError('concurrency', `concurrency must be a positive integer, got ${fixed}`);
  }
  const base = checkedQuery(m, opts);
  // Validates pageSize/offset (and filters/sort/include) before any request.
  const query = walkQueryKey(m.name, portal, encodeQuery({ ...base, limit: pageSize, offset: start }));
  const resume = checkResume(call, opts.resume, query);
  const store = new PageStore(resume?.pages);
  const path = recordPath(m, portal);
  const fetchPage: PageFetcher = ({ offset, limit }, signal, onAttempt) =>
    ctx.get(path, portal, {
      ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
      ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
      signal,
      query: encodeQuery({ ...base, limit, offset }),
      onAttempt,
    });
  return {
    model: m.name,
    listKey: m.listKey,
    fetchPage: store.wrap(fetchPage),
    pageSize,
    start,
    control: new ConcurrencyControl(fixed),
    log: ctx.log,
    signal: opts.signal,
    onProgress: opts.onProgress,
    walkRetries: ctx.walkRetries,
    query,
    store,
    resume,
  };
}
