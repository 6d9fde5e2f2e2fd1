/**
 * The two walks over every page of a list: {@link collectAll} (`loadAll`: everything in memory, de-duplicated by
 * id) and {@link streamRecords} (`iterate`: records one by one, bounded memory). Both hand out records in server
 * order, and on failure throw the error marked with `resume` and a message that says how to carry on.
 * @module
 */
import type { ConcurrencyControl } from './concurrency.js';
import { AbortError, BrainstemError, ConnectionError, RateLimitError, ServerError, type WalkResume } from './errors.js';
import type { LogSink } from './logger.js';
import { Deduplicator, type PageFetcher, pageStream, withResume } from './pagination.js';
import type { LoadProgress } from './types.js';

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
}

/** Whether a walk may carry on after `err`: a transient failure (network, 5xx, 429) that says where it stopped. */
function transient(err: unknown): err is BrainstemError & { resume: WalkResume } {
  return (
    (err instanceof ServerError || err instanceof RateLimitError || err instanceof ConnectionError) &&
    err.resume !== undefined
  );
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Appends to a walk error's message where it stopped and how to carry on. */
function explain(err: unknown, text: string): unknown {
  if (err instanceof BrainstemError && !(err instanceof AbortError)) err.message += `. ${text}`;
  return err;
}

/**
 * Every record from `setup.start` (or from `resume.offset`, after `resume.records`), de-duplicated by id.
 *
 * @example
 * ```ts
 * const records = await collectAll(setup, undefined);
 * ```
 */
export async function collectAll(setup: WalkSetup, resume: WalkResume | undefined): Promise<unknown[]> {
  const records: unknown[] = resume?.records ? [...resume.records] : [];
  const dedupe = new Deduplicator('all', records);
  let total: number | undefined;
  let offset = resume?.offset ?? setup.start;
  for (let retries = 0; ; retries++) {
    try {
      for await (const page of pageStream(setup.fetchPage, {
        listKey: setup.listKey,
        pageSize: setup.pageSize,
        start: offset,
        control: setup.control,
        ...(setup.signal ? { signal: setup.signal } : {}),
      })) {
        if (page.count !== undefined) total = page.count;
        for (const r of dedupe.filter(page.items)) records.push(r);
        offset = page.offset + page.items.length;
        setup.onProgress?.({
          loaded: records.length,
          total: total !== undefined ? Math.max(0, total - setup.start) : undefined,
          concurrency: setup.control.limit,
        });
      }
      break;
    } catch (err) {
      if (retries >= setup.walkRetries || !transient(err)) throw failed(err);
      offset = err.resume.offset;
      setup.log.info(`${setup.model}: ${err.message}; carrying on at offset ${offset}`);
    }
  }
  function failed(err: unknown): unknown {
    const at = err instanceof BrainstemError && err.resume ? err.resume.offset : offset;
    withResume(err, { offset: at, loaded: records.length, records });
    return explain(
      err,
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
 * Records one by one from `setup.start`; pages load ahead of the consumer (up to the control's limit) and records
 * repeated from the previous page (an insert shifted them) are skipped.
 *
 * @example
 * ```ts
 * for await (const record of streamRecords(setup)) console.log(record);
 * ```
 */
export async function* streamRecords(setup: WalkSetup): AsyncGenerator<unknown> {
  const dedupe = new Deduplicator('previous');
  let fetched = 0;
  let delivered = 0;
  let offset = setup.start;
  for (let retries = 0; ; retries++) {
    try {
      for await (const page of pageStream(setup.fetchPage, {
        listKey: setup.listKey,
        pageSize: setup.pageSize,
        start: offset,
        control: setup.control,
        ...(setup.signal ? { signal: setup.signal } : {}),
      })) {
        // Reported as soon as a page arrives (before its records are handed out), so the first report already
        // carries the total.
        fetched += page.items.length;
        setup.onProgress?.({
          loaded: fetched,
          total: page.count !== undefined ? Math.max(0, page.count - setup.start) : undefined,
          concurrency: setup.control.limit,
        });
        for (const r of dedupe.filter(page.items)) {
          delivered++;
          yield r;
        }
        offset = page.offset + page.items.length;
      }
      return;
    } catch (err) {
      if (retries >= setup.walkRetries || !transient(err)) throw failed(err);
      offset = err.resume.offset;
      setup.log.info(`${setup.model}: ${err.message}; carrying on at offset ${offset}`);
    }
  }
  function failed(err: unknown): unknown {
    const at = err instanceof BrainstemError && err.resume ? err.resume.offset : offset;
    withResume(err, { offset: at, loaded: delivered });
    return explain(
      err,
      `iterate('${setup.model}') stopped at offset ${fmt(at)} after ${fmt(delivered)} records; ` +
        `carry on from there: iterate('${setup.model}', { ...sameOptions, offset: ${at} })`,
    );
  }
}
