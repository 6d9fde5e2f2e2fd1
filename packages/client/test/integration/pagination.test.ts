// loadAll/iterate against the real server in both of its list styles ('full': count/next/previous, + meta on the
// public portal; 'minimal': the bare list), with 450 extra sessions in Alice's project.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, countingFetch, startDemo } from '../helpers/server.js';

const EXTRA = 450;

for (const pagination of ['full', 'minimal'] as const) {
  describe(`pagination: ${pagination}`, () => {
    let server: RunningServer;
    let total: number;
    beforeAll(async () => {
      server = await startDemo({ pagination, seedSessions: EXTRA });
      // The truth, page by page with limit/offset and no client pagination logic.
      const c = clientFor(server, 'alice');
      total = 0;
      for (let offset = 0; ; offset += 100) {
        const n = (await c.load('session', { limit: 100, offset })).sessions.length;
        total += n;
        if (n < 100) break;
      }
    });
    afterAll(() => server.close());

    it('loadAll returns every record once, in server order', async () => {
      const counter = countingFetch();
      const c = clientFor(server, 'alice', { fetch: counter.fetch });
      const all = await c.loadAll('session', { sort: ['name'] });
      expect(total).toBeGreaterThan(EXTRA);
      expect(all.sessions).toHaveLength(total);
      expect(all.count).toBe(total);
      const names = all.sessions.map((s) => s.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(new Set(all.sessions.map((s) => s.id)).size).toBe(total);
      const pages = Math.ceil(total / 100);
      // With a count nothing past the end is fetched; without one, speculative pages past the end (at most the
      // 8 in flight) and the one request that confirms the short last page was the end.
      if (pagination === 'full') expect(counter.count()).toBe(pages);
      else expect(counter.count()).toBeLessThanOrEqual(pages + 8 + 1);
    });

    it('loadAll with filters and a small page size', async () => {
      const c = clientFor(server, 'alice', { concurrency: 2 });
      const all = await c.loadAll('project', { portal: 'public', pageSize: 1 });
      const direct = await c.load('project', { portal: 'public', limit: 100 });
      expect(all.projects.map((p) => p.id)).toEqual(direct.projects.map((p) => p.id));
    });

    it('iterate streams everything; breaking early stops the requests', async () => {
      const counter = countingFetch();
      const c = clientFor(server, 'alice', { fetch: counter.fetch });
      let n = 0;
      for await (const _ of c.iterate('session')) n++;
      expect(n).toBe(total);
      const before = counter.count();
      let seen = 0;
      for await (const _ of c.iterate('session')) {
        if (++seen === 120) break;
      }
      await new Promise((r) => setTimeout(r, 100));
      const used = counter.count() - before;
      expect(used).toBeGreaterThanOrEqual(2);
      expect(used).toBeLessThanOrEqual(2 + 8); // two pages consumed, at most 8 prefetched
    });

    it('iterate answers next() calls that overlap (not awaited one by one) in order, each record once', async () => {
      const c = clientFor(server, 'alice');
      const it = c.iterate('session', { sort: ['name'], pageSize: 7 })[Symbol.asyncIterator]();
      const results = await Promise.all(Array.from({ length: total + 3 }, () => it.next()));
      const records = results.filter((r) => !r.done).map((r) => r.value);
      expect(results.slice(total).every((r) => r.done)).toBe(true);
      const expected = (await c.loadAll('session', { sort: ['name'] })).sessions.map((s) => s.id);
      expect(records.map((r) => r.id)).toEqual(expected);
      expect(await it.next()).toEqual({ value: undefined, done: true });
    });

    it('iterate hands out nothing after return(), even when a page was still loading', async () => {
      const c = clientFor(server, 'alice');
      const it = c.iterate('session', { pageSize: 5 })[Symbol.asyncIterator]();
      const pending = it.next(); // the first page is still loading
      await it.return?.();
      expect(await pending).toEqual({ value: undefined, done: true });
      expect(await it.next()).toEqual({ value: undefined, done: true });
    });
  });
}

describe('iterate with concurrency', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startDemo({ seedSessions: 450, latency: 30 });
  });
  afterAll(() => server.close());

  /** A fetch that counts requests in flight at once (the server's latency keeps them open). */
  function inFlightFetch() {
    let now = 0;
    const stats = { max: 0, total: 0 };
    const f: typeof fetch = async (input, init) => {
      now++;
      stats.total++;
      stats.max = Math.max(stats.max, now);
      try {
        return await fetch(input, init);
      } finally {
        now--;
      }
    };
    return { fetch: f, stats };
  }

  it('keeps up to `concurrency` pages in flight, in server order, and stops on break', async () => {
    const alice = clientFor(server, 'alice');
    const truth = (await alice.loadAll('session', { sort: ['name'] })).sessions.map((s) => s.id);
    const par = inFlightFetch();
    const c = clientFor(server, 'alice', { fetch: par.fetch });
    const ids: string[] = [];
    for await (const s of c.iterate('session', { sort: ['name'], concurrency: 4, pageSize: 50 })) ids.push(s.id);
    expect(ids).toEqual(truth);
    expect(par.stats.max).toBeGreaterThan(1);
    expect(par.stats.max).toBeLessThanOrEqual(4);

    const one = inFlightFetch();
    const c1 = clientFor(server, 'alice', { fetch: one.fetch });
    for await (const _ of c1.iterate('session', { pageSize: 50, concurrency: 1 })) {
      // one page ahead at a time
    }
    expect(one.stats.max).toBe(1);

    // By default pages load ahead like loadAll's: 4 in flight at first, never more than 8.
    const auto = inFlightFetch();
    const ca = clientFor(server, 'alice', { fetch: auto.fetch });
    const autoIds: string[] = [];
    for await (const s of ca.iterate('session', { sort: ['name'], pageSize: 20 })) autoIds.push(s.id);
    expect(autoIds).toEqual(truth);
    expect(auto.stats.max).toBeGreaterThanOrEqual(4);
    expect(auto.stats.max).toBeLessThanOrEqual(8);

    const brk = inFlightFetch();
    const cb = clientFor(server, 'alice', { fetch: brk.fetch });
    let seen = 0;
    for await (const _ of cb.iterate('session', { concurrency: 4, pageSize: 50 })) {
      if (++seen === 60) break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(brk.stats.total).toBeLessThanOrEqual(2 + 4); // pages consumed + at most `concurrency` ahead
    await expect(async () => {
      for await (const _ of c.iterate('session', { concurrency: 0 })) break;
    }).rejects.toThrow(/concurrency/);
  });
});
