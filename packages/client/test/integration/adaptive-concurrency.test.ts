// Pages in flight against the real server: raised towards the cap while latency stays flat, lowered when the
// server answers 429/503 (its fault injection), fixed when the caller says so. The walks report their limit in
// `onProgress`.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_MAX, ADAPTIVE_START } from '../../src/concurrency.js';
import { clientFor, startDemo } from '../helpers/server.js';

describe('adaptive pages in flight', () => {
  let steady: RunningServer;
  let faulty: RunningServer;
  let truth: string[];
  beforeAll(async () => {
    // A latency well above the machine's noise, so "flat" holds (and "rising" does not) on a busy machine too: on
    // the faulty server only its 429/503 answers lower the limit.
    steady = await startDemo({ seedSessions: 1000, latency: 100 });
    faulty = await startDemo({ seedSessions: 1000, latency: 100, faultRate: 0.3, faultSeed: 11 });
    // Both servers hold the same seeded records (under different ids).
    truth = (await clientFor(steady, 'alice').loadAll('session', { sort: ['name'] })).sessions.map((s) => s.name);
  });
  afterAll(async () => {
    await steady.close();
    await faulty.close();
  });

  it('while latency stays flat, rises from the start to the cap and no further', async () => {
    const limits: number[] = [];
    const all = await clientFor(steady, 'alice').loadAll('session', {
      pageSize: 20,
      onProgress: (p) => limits.push(p.concurrency),
    });
    expect(all.sessions.length).toBeGreaterThan(1000);
    // The first report follows the first answer, which already added a page (slow start).
    expect(limits[0]).toBe(ADAPTIVE_START + 1);
    expect(Math.max(...limits)).toBe(ADAPTIVE_MAX);
  });

  for (const kind of ['loadAll', 'iterate'] as const) {
    it(`${kind}: 429/503 answers lower the pages in flight; every record still arrives once`, async () => {
      const limits: number[] = [];
      const onProgress = (p: { concurrency: number }) => limits.push(p.concurrency);
      const c = clientFor(faulty, 'alice', { maxRetries: 20 });
      const names: string[] = [];
      if (kind === 'loadAll') {
        for (const s of (await c.loadAll('session', { sort: ['name'], pageSize: 20, onProgress })).sessions) {
          names.push(s.name);
        }
      } else {
        for await (const s of c.iterate('session', { sort: ['name'], pageSize: 20, onProgress })) names.push(s.name);
      }
      expect(names).toEqual(truth);
      expect(Math.min(...limits)).toBeLessThan(ADAPTIVE_START);
    });
  }

  it('a fixed `concurrency` holds through 429/503', async () => {
    const limits: number[] = [];
    const all = await clientFor(faulty, 'alice', { maxRetries: 20 }).loadAll('session', {
      sort: ['name'],
      pageSize: 20,
      concurrency: 6,
      onProgress: (p) => limits.push(p.concurrency),
    });
    expect(all.sessions.map((s) => s.name)).toEqual(truth);
    expect(new Set(limits)).toEqual(new Set([6]));
  });
});
