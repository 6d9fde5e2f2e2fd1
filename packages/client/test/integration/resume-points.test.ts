// Resume points of loadAll and iterate against the real server: a point belongs to its query and is refused for
// another, iterate carries on from one, no page is fetched twice across a failure and the resume, and a point
// survives JSON.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrainstemError, InvalidArgumentError, type WalkResume } from '../../src/index.js';
import { clientFor, startDemo } from '../helpers/server.js';

const EXTRA = 600;

/**
 * A fetch that records the offset of each list request and, when `failAt` is set, fails the request for that
 * offset once, after the pages `waitFor` have arrived. The real server's fault injection fails requests at random
 * (faultRate); this test needs one chosen page to fail while the pages after it have already arrived, so that one
 * failure is made here, as a lost connection (what fetch throws).
 */
function walkFetch(failAt?: number, waitFor: readonly number[] = []) {
  const offsets: number[] = [];
  const arrived = new Map<number, () => void>();
  const arrival = new Map(waitFor.map((o) => [o, new Promise<void>((r) => arrived.set(o, r))]));
  let failed = false;
  const f: typeof fetch = async (input, init) => {
    const q = new URL(String(input)).searchParams.get('offset');
    const offset = q === null ? undefined : Number(q);
    if (offset !== undefined) offsets.push(offset);
    if (offset === failAt && !failed) {
      failed = true;
      await Promise.all(arrival.values());
      throw new TypeError('fetch failed');
    }
    const res = await fetch(input, init);
    if (offset !== undefined) arrived.get(offset)?.();
    return res;
  };
  return { fetch: f, offsets };
}

describe('resume points', () => {
  let server: RunningServer;
  let truth: string[];
  beforeAll(async () => {
    server = await startDemo({ seedSessions: EXTRA });
    truth = (await clientFor(server, 'alice').loadAll('session', { sort: ['name'] })).sessions.map((s) => s.name);
  });
  afterAll(() => server.close());

  const failing = (f: { fetch: typeof fetch }) =>
    clientFor(server, 'alice', { fetch: f.fetch, maxRetries: 0, walkRetries: 0, concurrency: 4 });

  async function failedLoadAll(): Promise<{ resume: WalkResume; offsets: number[] }> {
    const f = walkFetch(100, [200, 300]);
    const err = await failing(f)
      .loadAll('session', { sort: ['name'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrainstemError);
    return { resume: (err as BrainstemError).resume!, offsets: f.offsets };
  }

  it('loadAll: a resume point names its query and is refused for another sort or filter, before any request', async () => {
    const { resume } = await failedLoadAll();
    expect(typeof resume.query).toBe('string');
    for (const other of [
      { sort: ['-name'] },
      { sort: ['name'], filters: { 'name.icontains': 'a' } },
      { sort: ['name'], portal: 'public' as const },
      { sort: ['name'], offset: 5 },
    ]) {
      const f = walkFetch();
      const err = await clientFor(server, 'alice', { fetch: f.fetch })
        .loadAll('session', { ...other, resume } as never)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as InvalidArgumentError).argument).toBe('resume');
      expect((err as Error).message).toMatch(/^resume belongs to another query/);
      expect(f.offsets).toEqual([]);
    }
  });

  it('loadAll: the same query with filters written in another order accepts it', async () => {
    const filters = { 'name.icontains': 'e', 'description.icontains': '' };
    const f = walkFetch(100, [200, 300]);
    const err = (await failing(f)
      .loadAll('session', { sort: ['name'], pageSize: 50, filters })
      .catch((e: unknown) => e)) as BrainstemError;
    expect(err.resume).toBeDefined();
    const reordered = { 'description.icontains': '', 'name.icontains': 'e' };
    const all = await clientFor(server, 'alice').loadAll('session', {
      sort: ['name'],
      pageSize: 50,
      filters: reordered,
      resume: err.resume!,
    });
    const want = await clientFor(server, 'alice').loadAll('session', { sort: ['name'], filters });
    expect(all.sessions.map((s) => s.name)).toEqual(want.sessions.map((s) => s.name));
  });

  it('loadAll: pages that arrived past the failed one are kept, and resuming (through JSON) fetches no page twice', async () => {
    const { resume, offsets: first } = await failedLoadAll();
    expect(resume.offset).toBe(100);
    expect(resume.pages?.map((p) => p.offset)).toEqual(expect.arrayContaining([200, 300]));
    const f = walkFetch();
    const all = await clientFor(server, 'alice', { fetch: f.fetch }).loadAll('session', {
      sort: ['name'],
      resume: JSON.parse(JSON.stringify(resume)) as WalkResume,
    });
    expect(all.sessions.map((s) => s.name)).toEqual(truth);
    // Each page's offset once over both calls, but the failed page's, which is asked for again.
    const asked = [...first, ...f.offsets].filter((o) => o !== 100);
    expect(new Set(asked).size).toBe(asked.length);
    expect(f.offsets).not.toContain(200);
    expect(f.offsets).not.toContain(300);
  });

  it('a walk carrying on by itself also keeps the pages that arrived past the failed one', async () => {
    const f = walkFetch(100, [200, 300]);
    const c = clientFor(server, 'alice', { fetch: f.fetch, maxRetries: 0, walkRetries: 1, concurrency: 4 });
    const all = await c.loadAll('session', { sort: ['name'] });
    expect(all.sessions.map((s) => s.name)).toEqual(truth);
    const others = f.offsets.filter((o) => o !== 100);
    expect(new Set(others).size).toBe(others.length);
  });

  it('iterate: carries on from the resume point, with the records not handed out before, fetching no page twice', async () => {
    const f = walkFetch(100, [200, 300]);
    const names: string[] = [];
    const err = await (async () => {
      for await (const s of failing(f).iterate('session', { sort: ['name'] })) names.push(s.name);
    })().catch((e: unknown) => e as BrainstemError);
    expect(err).toBeInstanceOf(BrainstemError);
    const resume = (err as BrainstemError).resume!;
    expect(resume).toMatchObject({ offset: 100, loaded: 100 });
    expect(resume.records).toBeUndefined();
    expect((err as Error).message).toContain("iterate('session', { ...sameOptions, resume: error.resume })");
    const again = walkFetch();
    for await (const s of clientFor(server, 'alice', { fetch: again.fetch }).iterate('session', {
      sort: ['name'],
      resume: JSON.parse(JSON.stringify(resume)) as WalkResume,
    })) {
      names.push(s.name);
    }
    expect(names).toEqual(truth);
    expect(Math.min(...again.offsets)).toBe(100);
    const asked = [...f.offsets, ...again.offsets].filter((o) => o !== 100);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("a resume point is refused by the other call: loadAll's holds records, iterate's does not", async () => {
    const { resume } = await failedLoadAll();
    const c = clientFor(server, 'alice');
    const viaIterate = await (async () => {
      for await (const _ of c.iterate('session', { sort: ['name'], resume })) break;
    })().catch((e: unknown) => e);
    expect((viaIterate as Error).message).toMatch(/^resume comes from loadAll/);
    const { records: _r, ...iterateLike } = resume;
    const viaLoadAll = await c.loadAll('session', { sort: ['name'], resume: iterateLike }).catch((e: unknown) => e);
    expect((viaLoadAll as Error).message).toMatch(/^resume comes from iterate/);
    const handMade = await c
      .loadAll('session', { resume: { offset: 40 } as WalkResume })
      .catch((e: unknown) => e as InvalidArgumentError);
    expect(handMade).toBeInstanceOf(InvalidArgumentError);
  });
});
