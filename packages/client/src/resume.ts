/**
 * Resume points of `loadAll` and `iterate`: which query a point belongs to (a point is refused for any other), and
 * the pages a walk received but had not handed out when it stopped, so that carrying on fetches no page twice.
 * A resume point is plain JSON: it can be written down and read back.
 * @module
 */

import { InvalidArgumentError, type KeptPage, type WalkResume } from './errors.js';
import type { AttemptReport } from './transport.js';

/** One page request (pagination.ts's `PageRequest`). */
interface PageRequest {
  offset: number;
  limit: number;
}

/** Fetches one page (pagination.ts's `PageFetcher`). */
type PageFetcher = (
  request: PageRequest,
  signal: AbortSignal,
  onAttempt: (report: AttemptReport) => void,
) => Promise<unknown>;

/**
 * A short, stable name of a walk's query: model, portal, filters, sort, includes and start offset (not the page
 * size, which changes how the records are fetched, not which). Parameters are put in order by name, so filters
 * given in another order name the same query; `sort[]` keeps its own order, which matters.
 *
 * @example
 * ```ts
 * walkQueryKey('session', 'private', 'filter{name}=x&offset=0'); // e.g. '5c1b0e2a9d3f71'
 * ```
 */
export function walkQueryKey(model: string, portal: string, query: string): string {
  const params = query.split('&').filter((p) => p !== '' && !p.startsWith('limit='));
  const name = (p: string) => p.slice(0, p.indexOf('=') >>> 0);
  params.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0)); // stable: sort[] keeps its order
  return hash53(`${model}\n${portal}\n${params.join('&')}`);
}

/** cyrb53: a 53-bit string hash, as 14 hex digits (no collision resistance needed: it tells queries apart). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Checks a `resume` option: the error's resume point of a failed walk of this very query and call. Throws an
 * {@link InvalidArgumentError} naming `resume` otherwise.
 */
export function checkResume(call: 'loadAll' | 'iterate', resume: unknown, query: string): WalkResume | undefined {
  if (resume === undefined) return undefined;
  const r = resume as Partial<WalkResume> | null;
  const fail = (why: string) => {
    throw new InvalidArgumentError('resume', `resume ${why}`);
  };
  if (!r || typeof r !== 'object' || !Number.isInteger(r.offset) || !Number.isInteger(r.loaded)) {
    fail(`must be the error.resume of a failed ${call}, got ${JSON.stringify(resume)?.slice(0, 80)}`);
  }
  if (r!.query !== query) {
    fail(
      `belongs to another query (model, portal, filters, sort, include or offset differ): carry on a walk with the ` +
        `options it was started with, or start this one without resume`,
    );
  }
  if (call === 'loadAll' && !Array.isArray(r!.records)) {
    fail('comes from iterate, whose records were handed to its loop: carry it on with iterate(model, { resume })');
  }
  if (call === 'iterate' && r!.records !== undefined) {
    fail('comes from loadAll and holds its records: carry it on with loadAll(model, { resume })');
  }
  if (r!.pages !== undefined && !Array.isArray(r!.pages)) fail('pages must be an array');
  return r as WalkResume;
}

const keyOf = (r: PageRequest) => `${r.offset}:${r.limit}`;

/**
 * The page bodies a walk received and has not handed out yet. A page asked for again (the walk carries on after a
 * failure, or a resumed walk reaches it) is answered from here instead of the server.
 *
 * @example
 * ```ts
 * const store = new PageStore(resume?.pages);
 * const fetchPage = store.wrap(fetchFromServer);
 * ```
 */
export class PageStore {
  #pages = new Map<string, KeptPage>();

  /** `pages` are copied: handing records out empties a page, and the caller's resume point must stay whole. */
  constructor(pages: readonly KeptPage[] = []) {
    for (const p of pages) this.#pages.set(keyOf(p), structuredClone(p));
  }

  /** `fetchPage`, answering from the store when it holds the page and keeping every body it receives. */
  wrap(fetchPage: PageFetcher): PageFetcher {
    return async (request, signal, onAttempt) => {
      const kept = this.#pages.get(keyOf(request));
      if (kept) return kept.body;
      const body = await fetchPage(request, signal, onAttempt);
      this.#pages.set(keyOf(request), { offset: request.offset, limit: request.limit, body });
      return body;
    };
  }

  /** The page was handed out: it is not kept any longer. */
  handedOut(page: PageRequest): void {
    this.#pages.delete(keyOf(page));
  }

  /** The pages kept from `offset` on, in order (for a resume point). */
  from(offset: number): KeptPage[] {
    return [...this.#pages.values()].filter((p) => p.offset >= offset).sort((a, b) => a.offset - b.offset);
  }
}
