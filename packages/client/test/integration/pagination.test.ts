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
      // With a count nothing past the end is fetched; without one at most `concurrency - 1` speculative extra pages.
      if (pagination === 'full') expect(counter.count()).toBe(pages);
      else expect(counter.count()).toBeLessThanOrEqual(pages + 4);
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
      expect(used).toBeLessThanOrEqual(3); // two pages consumed, at most one prefetched
    });
  });
}
