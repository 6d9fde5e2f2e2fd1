// How many attempts one failing page of a walk gets: the request's attempts times (1 + the walk's carry-ons), for
// exactly the failures a request retries, and once for the others. A loopback server serves the first page and
// fails every request from offset 100 on; pages are fetched one at a time, so every failed request is that page's.
import { afterEach, describe, expect, it } from 'vitest';
import { BrainstemClient, BrainstemError, PAGE_ATTEMPTS, RETRY_BUDGET } from '../../src/index.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Failure = number | 'drop';

/** 150 sessions in pages of 100; every request for offset 100 fails with `failure`. */
async function brokenAt100(failure: Failure) {
  const srv = await startHttp((req, res) => {
    const offset = Number(new URL(req.url, 'http://x').searchParams.get('offset') ?? 0);
    if (offset < 100) {
      const sessions = Array.from({ length: 100 }, (_, i) => ({ id: `s${offset + i}`, name: `S${offset + i}` }));
      return json(res, 200, { sessions, count: 150 });
    }
    if (failure === 'drop') return res.socket?.destroy();
    json(res, failure, { detail: `status ${failure}` });
  });
  servers.push(srv);
  return { srv, failed: () => srv.requests.filter((r) => r.url.includes('offset=100')).length };
}

const client = (url: string, extra: object = {}) =>
  new BrainstemClient({
    url,
    token: 't',
    tokenStore: null,
    interactive: false,
    logLevel: 'off',
    backoff: { initialMs: 1, maxMs: 2 },
    concurrency: 1,
    ...extra,
  });

async function failedWalk(run: () => Promise<unknown>): Promise<BrainstemError> {
  const err = await run().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BrainstemError);
  return err as BrainstemError;
}

describe('attempts one failing page gets', () => {
  it('the stated budget: request attempts × (1 + walk carry-ons) = PAGE_ATTEMPTS', () => {
    expect(PAGE_ATTEMPTS).toBe(RETRY_BUDGET.readAttempts * (1 + RETRY_BUDGET.walkRetries));
    expect(PAGE_ATTEMPTS).toBe(18);
  });

  for (const failure of [408, 429, 502, 503, 504, 'drop'] as const) {
    it(`${failure}: loadAll asks for the page PAGE_ATTEMPTS times, then stops with resume at it`, async () => {
      const { srv, failed } = await brokenAt100(failure);
      const err = await failedWalk(() => client(srv.url).loadAll('session'));
      expect(failed()).toBe(PAGE_ATTEMPTS);
      expect(err.resume).toMatchObject({ offset: 100, loaded: 100 });
    });
  }

  it('iterate spends the same budget', async () => {
    const { srv, failed } = await brokenAt100(503);
    const seen: unknown[] = [];
    const err = await failedWalk(async () => {
      for await (const s of client(srv.url).iterate('session')) seen.push(s);
    });
    expect(seen).toHaveLength(100);
    expect(failed()).toBe(PAGE_ATTEMPTS);
    expect(err.resume?.offset).toBe(100);
  });

  it('maxRetries and walkRetries set the two factors', async () => {
    const { srv, failed } = await brokenAt100(503);
    await failedWalk(() => client(srv.url, { maxRetries: 1, walkRetries: 3 }).loadAll('session'));
    expect(failed()).toBe(2 * 4);
  });

  it('a failure a request does not retry (500, 400) is not carried on either: one attempt', async () => {
    for (const status of [500, 400]) {
      const { srv, failed } = await brokenAt100(status);
      const err = await failedWalk(() => client(srv.url).loadAll('session'));
      expect(failed(), String(status)).toBe(1);
      expect(err.resume?.offset).toBe(100);
    }
  });
});
