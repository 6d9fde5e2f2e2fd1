import { AbortError, BrainstemError, type WalkResume } from './errors.js';
import {
  Deduplicator,
  type PageInfo,
  type PageStreamOptions,
  pageStream,
  type WalkSetup,
  withResume,
} from './pagination.js';
import { walkMayCarryOn } from './retry.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The pages from offset `from` on, in server order (`eager`: see {@link PageStreamOptions.eager}). When a page used
 * all its attempts on a retryable failure, the walk carries on by itself from that page, up to `setup.walkRetries`
 * times in all (the budget: retry.ts); any other failure (or one too many) is thrown with `resume.offset` = where the
 * data not yet handed out begins.
 */
async function* walkPages(setup: WalkSetup, from: number, eager: boolean): AsyncGenerator<PageInfo> {
  let offset = from;
  for (let retries = 0; ; retries++) {
    try {
      for await (const page of pageStream(setup.fetchPage, {
        listKey: setup.listKey,
        pageSize: setup.pageSize,
        start: offset,
        control: setup.control,
        eager,
        ...(setup.signal ? { signal: setup.signal } : {}),
      })) {
        const end = page.offset + page.items.length; // before the consumer sees (and may empty) the page
        setup.store.handedOut(page);
        yield page;
        offset = end;
      }
      return;
    } catch (err) {
      if (retries < setup.walkRetries && walkMayCarryOn(err)) {
        offset = err.resume.offset;
        setup.log.warn(
          `${setup.model}: ${err.message}; carrying on at offset ${offset} (${retries + 1}/${setup.walkRetries})`,
        );
        continue;
      }
      const at = err instanceof BrainstemError && err.resume ? err.resume.offset : offset;
      throw withResume(err, { offset: at, loaded: 0, query: setup.query });
    }
  }
}

/**
 * Completes a walk's error: `resume` (offset from {@link walkPages}, the query, what the walk kept and the pages
 * it received past the offset) and, in the message, where it stopped and how to carry on (`howTo` receives the
 * offset).
 */
function stopped(
  err: unknown,
  setup: WalkSetup,
  resume: Pick<WalkResume, 'loaded' | 'records'>,
  howTo: (offset: number) => string,
): unknown {
  if (!(err instanceof BrainstemError)) return err;
  const offset = err.resume?.offset ?? 0;
  const pages = setup.store.from(offset);
  withResume(err, { offset, ...resume, query: setup.query, ...(pages.length > 0 ? { pages } : {}) });
  if (!(err instanceof AbortError)) err.message += `. ${howTo(offset)}`;
  return err;
}

/** Progress as the caller sees it: totals count from the walk's own start. */
function report(setup: WalkSetup, loaded: number, total: number | undefined): void {
  setup.onProgress?.({
    loaded,
    total: total !== undefined ? Math.max(0, total - setup.start) : undefined,
    concurrency: setup.control.limit,
  });
}

/**
 * Every record from `setup.start` (or from `setup.resume.offset`, after its records), de-duplicated by id.
 *
 * @example
 * ```ts
 * const records = await collectAll(setup);
 * ```
 */
export async function collectAll(setup: WalkSetup): Promise<unknown[]> {
  const { resume } = setup;
  const records: unknown[] = resume?.records ? [...resume.records] : [];
  const dedupe = new Deduplicator('all', records);
  let total: number | undefined;
  try {
    for await (const page of walkPages(setup, resume?.offset ?? setup.start, true)) {
      if (page.count !== undefined) total = page.count;
      for (const r of dedupe.filter(page.items)) records.push(r);
      report(setup, records.length, total);
    }
  } catch (err) {
    throw stopped(
      err,
      setup,
      { loaded: records.length, records },
      (at) =>
        `loadAll('${setup.model}') stopped at offset ${fmt(at)} with ${fmt(records.length)} records loaded; ` +
        `carry on without re-fetching them: loadAll('${setup.model}', { ...sameOptions, resume: error.resume })`,
    );
  }
  if (setup.signal?.aborted) throw new AbortError(undefined, { cause: setup.signal.reason });
  if (dedupe.dropped) {
    setup.log.info(`${setup.model}: dropped ${dedupe.dropped} duplicate record(s) (records shifted between pages)`);
  }
  if (total !== undefined && records.length !== Math.max(0, total - setup.start)) {
    setup.log.warn(
      `${setup.model}: the server reported ${total} records but ${records.length + setup.start} were loaded ` +
        '(records were added or removed during the walk)',
    );
  }
  return records;
}

/**
 * The pages of records not delivered before, from `setup.start` (or from `setup.resume.offset`, counting on from
 * what it delivered); see {@link streamRecords}.
 */
async function* freshPages(setup: WalkSetup): AsyncGenerator<unknown[]> {
  const dedupe = new Deduplicator('previous');
  let fetched = setup.resume?.loaded ?? 0;
  let delivered = fetched;
  try {
    for await (const page of walkPages(setup, setup.resume?.offset ?? setup.start, false)) {
      // Reported as soon as a page arrives (before its records are handed out), so the first report already
      // carries the total.
      fetched += page.items.length;
      report(setup, fetched, page.count);
      const fresh = dedupe.filter(page.items);
      page.items.length = 0; // the records live on in `fresh` only, so each can go once handed out
      yield fresh;
      delivered += fresh.length; // the next page is asked for once every record of this one was handed out
    }
  } catch (err) {
    throw stopped(
      err,
      setup,
      { loaded: delivered },
      (at) =>
        `iterate('${setup.model}') stopped at offset ${fmt(at)} after ${fmt(delivered)} records; ` +
        `carry on from there: iterate('${setup.model}', { ...sameOptions, resume: error.resume })`,
    );
  }
}

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * Records one by one from `setup.start`; pages load ahead of the consumer (up to the control's limit) and records
 * repeated from the previous page (an insert shifted them) are skipped. Records are handed out of each page by a
 * plain iterator, one settled promise per record (an async generator costs several per record, which a long walk
 * feels), and each record is let go of as it is handed out. Calls to `next()` that overlap are answered in order.
 *
 * @example
 * ```ts
 * for await (const record of streamRecords(setup)) console.log(record);
 * ```
 */
export function streamRecords(setup: WalkSetup): AsyncIterableIterator<unknown> {
  const pages = freshPages(setup);
  let records: unknown[] = [];
  let at = 0;
  let loading: Promise<IteratorResult<unknown>> | undefined;
  let finished = false;
  const iterator: AsyncIterableIterator<unknown> = {
    next(): Promise<IteratorResult<unknown>> {
      if (loading) return loading.then(() => iterator.next());
      if (at < records.length) {
        const value = records[at];
        records[at++] = undefined;
        return Promise.resolve({ value, done: false });
      }
      if (finished) return Promise.resolve(DONE);
      loading = pages.next().then(
        (page) => {
          loading = undefined;
          if (page.done || finished) {
            finished = true; // (`finished` already: return() was called while this page loaded)
            return DONE;
          }
          records = page.value;
          at = 0;
          return iterator.next();
        },
        (err: unknown) => {
          loading = undefined;
          finished = true;
          throw err;
        },
      );
      return loading;
    },
    async return(): Promise<IteratorResult<unknown>> {
      finished = true;
      records = [];
      await pages.return(undefined); // stops the walk: aborts the pages in flight
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
