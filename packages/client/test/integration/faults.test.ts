// Retry rules against the server's fault injection (502, 503, 429 + Retry-After: 1, dropped connections), and
// the guarantee that a POST is never sent twice.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, ConnectionError, RateLimitError, ServerError, TimeoutError } from '../../src/index.js';
import { clientFor, countingFetch, DEMO_PROJECTS, startDemo } from '../helpers/server.js';

describe('fault injection', () => {
  let server: RunningServer;
  let clean: RunningServer;
  beforeAll(async () => {
    server = await startDemo({ faultRate: 0.25, faultSeed: 7, seedSessions: 300 });
    clean = await startDemo({ seedSessions: 300 });
  });
  afterAll(async () => {
    await server.close();
    await clean.close();
  });

  it('loadAll survives faults with retries and matches a fault-free server', async () => {
    const counter = countingFetch();
    const c = clientFor(server, 'alice', { maxRetries: 8, fetch: counter.fetch });
    const all = await c.loadAll('session', { sort: ['name'] });
    const truth = await clientFor(clean, 'alice').loadAll('session', { sort: ['name'] });
    expect(all.sessions.map((s) => s.name)).toEqual(truth.sessions.map((s) => s.name));
    expect(counter.count()).toBeGreaterThan(Math.ceil(truth.sessions.length / 100)); // some were retried
  });

  it('without retries the faults surface as typed errors', async () => {
    const c = clientFor(server, 'alice', { maxRetries: 0 });
    const errors: unknown[] = [];
    for (let i = 0; i < 40; i++) await c.load('project').catch((e) => errors.push(e));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e instanceof ServerError || e instanceof RateLimitError || e instanceof ConnectionError).toBe(true);
    }
    expect(errors.some((e) => e instanceof RateLimitError && e.retryAfterMs === 1000)).toBe(true);
  });

  it('POSTs are never duplicated: each created session exists exactly once', async () => {
    const c = clientFor(server, 'alice', { maxRetries: 3 });
    const { projects } = await clientFor(clean, 'alice').load('project', {
      filters: { name: DEMO_PROJECTS.placeCells },
    });
    // Ids differ between the two servers; look the project up on the faulty one with retries.
    const p = (await c.load('project', { filters: { name: DEMO_PROJECTS.placeCells } })).projects[0]!;
    expect(projects[0]!.name).toBe(p.name);
    const items = Array.from({ length: 30 }, (_, i) => ({ name: `dup-check-${i}`, projects: [p.id] }));
    const res = await c.saveMany('session', items, { concurrency: 3 });
    expect(res.succeeded.length + res.failed.length).toBe(30);
    const created = await c.loadAll('session', { filters: { 'name.startswith': 'dup-check-' } });
    const names = created.sessions.map((s) => s.name).sort();
    expect(new Set(names).size).toBe(names.length); // no duplicates
    expect(names).toEqual(res.succeeded.map((s) => s.item.name).sort());
    // Failures are the non-retryable faults (502/503 without Retry-After, dropped connections) — never a 4xx.
    for (const f of res.failed) expect(f.error instanceof ServerError || f.error instanceof ConnectionError).toBe(true);
  });
});

describe('latency', () => {
  let slow: RunningServer;
  beforeAll(async () => {
    slow = await startDemo({ latency: 400 });
  });
  afterAll(() => slow.close());

  it('a per-attempt timeout below the latency → TimeoutError after the retries', async () => {
    const counter = countingFetch();
    const err = await clientFor(slow, 'alice', { timeout: 100, maxRetries: 1, fetch: counter.fetch })
      .load('session')
      .catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(counter.count()).toBe(2);
    const ok = await clientFor(slow, 'alice', { timeout: 100 }).load('session', { timeout: 5_000 });
    expect(ok.sessions.length).toBeGreaterThan(0);
  });

  it('the caller signal → AbortError', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    await expect(clientFor(slow, 'alice').loadAll('session', { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
  });
});
