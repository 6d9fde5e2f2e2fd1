// Walks over the real server with fault injection (502, 503, 429 + Retry-After: 1, dropped connections): exact
// with the default settings, and resumable from the error's `resume` without fetching loaded records again.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrainstemError, type WalkResume } from '../../src/index.js';
import { clientFor, startDemo } from '../helpers/server.js';

const EXTRA = 1500;

describe('walks under 20 % faults', () => {
  let faulty: RunningServer;
  let clean: RunningServer;
  let truth: string[];
  beforeAll(async () => {
    faulty = await startDemo({ faultRate: 0.2, faultSeed: 11, seedSessions: EXTRA });
    clean = await startDemo({ seedSessions: EXTRA });
    truth = (await clientFor(clean, 'alice').loadAll('session', { sort: ['name'] })).sessions.map((s) => s.name);
  });
  afterAll(async () => {
    await faulty.close();
    await clean.close();
  });

  it('default settings: loadAll and iterate return the exact set', async () => {
    const all = await clientFor(faulty, 'alice').loadAll('session', { sort: ['name'] });
    expect(all.sessions.map((s) => s.name)).toEqual(truth);
    const names: string[] = [];
    for await (const s of clientFor(faulty, 'alice').iterate('session', { sort: ['name'] })) names.push(s.name);
    expect(names).toEqual(truth);
  });

  /** A fetch that records the offsets of the list requests it sends. */
  function offsetsFetch() {
    const offsets: number[] = [];
    const f: typeof fetch = (input, init) => {
      const q = new URL(String(input)).searchParams.get('offset');
      if (q !== null) offsets.push(Number(q));
      return fetch(input, init);
    };
    return { fetch: f, offsets };
  }

  it('a failed loadAll resumes from error.resume without asking for loaded records again', async () => {
    let resume: WalkResume | undefined;
    let failures = 0;
    for (;;) {
      const seen = offsetsFetch();
      // No retries: every fault ends the call, so the walk has to be resumed many times.
      const c = clientFor(faulty, 'alice', { maxRetries: 0, walkRetries: 0, fetch: seen.fetch });
      try {
        const all = await c.loadAll('session', { sort: ['name'], ...(resume ? { resume } : {}) });
        expect(all.sessions.map((s) => s.name)).toEqual(truth);
        break;
      } catch (err) {
        expect(err).toBeInstanceOf(BrainstemError);
        const e = err as BrainstemError;
        expect(e.attempts).toBe(1);
        expect(e.resume).toBeDefined();
        expect(e.resume!.records).toHaveLength(e.resume!.loaded);
        expect(e.message).toMatch(/loadAll\('session'\) stopped at offset [\d,]+ with [\d,]+ records loaded/);
        if (resume) expect(Math.min(...seen.offsets)).toBeGreaterThanOrEqual(resume.offset);
        expect(e.resume!.offset).toBeGreaterThanOrEqual(resume?.offset ?? 0);
        resume = e.resume;
        failures++;
      }
      expect(failures).toBeLessThan(100);
    }
    expect(failures).toBeGreaterThan(0);
  });

  it('a failed iterate carries on from error.resume.offset', async () => {
    const names: string[] = [];
    let offset = 0;
    let failures = 0;
    for (;;) {
      const c = clientFor(faulty, 'alice', { maxRetries: 0, walkRetries: 0 });
      try {
        for await (const s of c.iterate('session', { sort: ['name'], offset })) names.push(s.name);
        break;
      } catch (err) {
        const e = err as BrainstemError;
        expect(e.resume!.offset).toBe(offset + e.resume!.loaded);
        expect(e.message).toMatch(/iterate\('session'\) stopped at offset/);
        offset = e.resume!.offset;
        failures++;
      }
      expect(failures).toBeLessThan(100);
    }
    expect(failures).toBeGreaterThan(0);
    expect(names).toEqual(truth);
  });

  it('walkRetries: the walk carries on by itself from where a page failed', async () => {
    const c = clientFor(faulty, 'alice', { maxRetries: 0, walkRetries: 1000 });
    const all = await c.loadAll('session', { sort: ['name'] });
    expect(all.sessions.map((s) => s.name)).toEqual(truth);
    const names: string[] = [];
    for await (const s of c.iterate('session', { sort: ['name'] })) names.push(s.name);
    expect(names).toEqual(truth);
  });
});
