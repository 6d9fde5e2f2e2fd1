// loadAll/iterate against a loopback server that speaks each pagination style the docs leave open (count, only
// meta, only next, nothing). The BrainSTEM server produces 'full' and 'minimal'; the other styles need this one.
import { afterEach, describe, expect, it } from 'vitest';
import { BrainstemClient } from '../../src/index.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

type Style = 'count' | 'meta' | 'next' | 'nothing';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function listServer(
  total: number,
  style: Style,
  opts: { jitter?: boolean; shiftAfter?: number; slow?: { offset: number; ms: number } } = {},
) {
  let inFlight = 0;
  let maxInFlight = 0;
  let served = 0;
  let received = 0;
  /** Requests received by the time the slow page answered. */
  let receivedBeforeSlow = 0;
  const records = Array.from({ length: total }, (_, i) => ({ id: `p${String(i).padStart(5, '0')}`, name: `P ${i}` }));
  const srv = await startHttp(async (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const u = new URL(req.url, 'http://x');
    const limit = Number(u.searchParams.get('limit') ?? 20);
    const offset = Number(u.searchParams.get('offset') ?? 0);
    // Later pages answer faster, so out-of-order completion is the norm.
    if (opts.jitter) await new Promise((r) => setTimeout(r, Math.max(0, 40 - offset / 10) + Math.random() * 5));
    received++;
    if (opts.slow?.offset === offset) {
      await new Promise((r) => setTimeout(r, opts.slow?.ms));
      receivedBeforeSlow = received;
    }
    served++;
    // Simulate a record inserted at the front after the first page was served: later offsets shift by one.
    const list =
      opts.shiftAfter !== undefined && served > opts.shiftAfter ? [{ id: 'new', name: 'new' }, ...records] : records;
    const page = list.slice(offset, offset + limit);
    const body: Record<string, unknown> = { projects: page };
    const nextUrl = offset + limit < list.length ? `http://x/?limit=${limit}&offset=${offset + limit}` : null;
    if (style === 'count') Object.assign(body, { count: list.length, next: nextUrl, previous: null });
    if (style === 'meta') body.meta = { total_results: list.length, per_page: limit };
    if (style === 'next') body.next = nextUrl;
    inFlight--;
    json(res, 200, body);
  });
  servers.push(srv);
  return { srv, stats: () => ({ maxInFlight, served, receivedBeforeSlow }) };
}

const client = (url: string, extra: object = {}) =>
  new BrainstemClient({ url, token: 't', tokenStore: null, interactive: false, logLevel: 'off', ...extra });

describe('loadAll', () => {
  for (const style of ['count', 'meta', 'next', 'nothing'] as Style[]) {
    for (const total of [0, 1, 99, 100, 250, 300]) {
      it(`${style} style, ${total} records: all, in order, no duplicates`, async () => {
        const { srv } = await listServer(total, style, { jitter: total > 100 });
        const all = await client(srv.url).loadAll('project', { portal: 'public' });
        expect(all.projects.map((p) => p.id)).toEqual(
          Array.from({ length: total }, (_, i) => `p${String(i).padStart(5, '0')}`),
        );
        expect(all.count).toBe(total);
        const offsets = srv.requests.map((r) => Number(new URL(r.url, 'http://x').searchParams.get('offset')));
        // With a total (count/meta) nothing past the end is requested.
        if (style === 'count' || style === 'meta') expect(Math.max(...offsets)).toBeLessThan(Math.max(total, 1));
        // Full pages of 100, except that without hints a short page is not trusted as the end: the rest of its
        // range is asked for once (and comes back empty).
        const limits = srv.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('limit'));
        const probes = style === 'nothing' && total % 100 !== 0 ? [String(100 - (total % 100))] : [];
        expect(limits.filter((l) => l !== '100')).toEqual(probes);
      });
    }
  }

  it('keeps `concurrency` page requests in flight when the total is known', async () => {
    const { srv, stats } = await listServer(1000, 'count', { jitter: true });
    const all = await client(srv.url, { concurrency: 3 }).loadAll('project', { portal: 'public' });
    expect(all.projects).toHaveLength(1000);
    expect(stats().maxInFlight).toBe(3);
    const one = await listServer(500, 'count', { jitter: true });
    await client(one.srv.url).loadAll('project', { portal: 'public', concurrency: 1 });
    expect(one.stats().maxInFlight).toBe(1);
  });

  it('a slow page does not hold back the requests behind it: up to twice `concurrency` pages ahead', async () => {
    const { srv, stats } = await listServer(2000, 'count', { slow: { offset: 100, ms: 300 } });
    const all = await client(srv.url, { concurrency: 3 }).loadAll('project', { portal: 'public' });
    expect(all.projects).toHaveLength(2000);
    // The first page alone, then pages from offset 100 on: the slow one and 5 more behind it, never more than 3
    // in flight at once.
    expect(stats().receivedBeforeSlow).toBe(1 + 6);
    expect(stats().maxInFlight).toBeLessThanOrEqual(3);
  });

  it('drops records repeated because an insert shifted the pages', async () => {
    const { srv } = await listServer(250, 'nothing', { shiftAfter: 1 });
    const all = await client(srv.url, { concurrency: 1 }).loadAll('project', { portal: 'public' });
    const ids = all.projects.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('p00249');
  });

  it('reports progress and honours offset/pageSize/filters', async () => {
    const { srv } = await listServer(120, 'count');
    const seen: [number, number | undefined][] = [];
    const all = await client(srv.url).loadAll('project', {
      portal: 'public',
      pageSize: 50,
      offset: 10,
      filters: { 'name.icontains': 'P' },
      onProgress: (p) => seen.push([p.loaded, p.total]),
    });
    expect(all.projects).toHaveLength(110);
    expect(seen.at(-1)).toEqual([110, 110]);
    expect(srv.requests[0]?.url).toContain('filter%7Bname.icontains%7D=P');
    expect(srv.requests[0]?.url).toContain('limit=50&offset=10');
  });

  it('rejects bad pageSize/concurrency before any request', async () => {
    const { srv } = await listServer(10, 'count');
    await expect(client(srv.url).loadAll('project', { portal: 'public', pageSize: 500 })).rejects.toMatchObject({
      argument: 'limit',
    });
    await expect(client(srv.url).loadAll('project', { portal: 'public', concurrency: 0 })).rejects.toMatchObject({
      argument: 'concurrency',
    });
    expect(srv.requests).toHaveLength(0);
  });
});

describe('count check', () => {
  it('warns when the records loaded differ from the reported count', async () => {
    const srv = await startHttp((req, res) => {
      const offset = Number(new URL(req.url, 'http://x').searchParams.get('offset'));
      json(res, 200, { projects: offset === 0 ? [{ id: 'a' }, { id: 'b' }] : [], count: 5 });
    });
    servers.push(srv);
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const all = await client(srv.url, { logger, logLevel: 'warn' }).loadAll('project', { portal: 'public' });
    expect(all.projects).toHaveLength(2);
    expect(all.count).toBe(2);
    expect(warnings.join()).toMatch(/reported 5 records but 2 were loaded/);
  });
});

describe('iterate', () => {
  it('streams every record in order', async () => {
    const { srv } = await listServer(230, 'next');
    const ids: string[] = [];
    for await (const p of client(srv.url).iterate('project', { portal: 'public' })) ids.push(p.id);
    expect(ids).toHaveLength(230);
    expect(ids[229]).toBe('p00229');
  });

  it('stops fetching when the loop breaks (at most `concurrency` pages ahead)', async () => {
    const { srv } = await listServer(5000, 'count');
    let n = 0;
    for await (const _ of client(srv.url).iterate('project', { portal: 'public', concurrency: 2 })) {
      if (++n === 150) break;
    }
    await new Promise((r) => setTimeout(r, 100));
    // Pages 1 and 2 were consumed (150 records); pages 3 and 4 may have been prefetched; nothing after.
    expect(srv.requests.length).toBeLessThanOrEqual(4);
    expect(srv.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('behind a slow page, keeps at most `concurrency` pages ahead of the loop', async () => {
    const { srv, stats } = await listServer(2000, 'count', { slow: { offset: 100, ms: 300 } });
    let n = 0;
    for await (const _ of client(srv.url, { concurrency: 3 }).iterate('project', { portal: 'public' })) n++;
    expect(n).toBe(2000);
    expect(stats().receivedBeforeSlow).toBe(1 + 3);
  });

  it('prefetches pages while the consumer works, by default', async () => {
    const { srv } = await listServer(1000, 'count');
    let requestsSeenAtFirstRecord = 0;
    for await (const _ of client(srv.url).iterate('project', { portal: 'public' })) {
      // While the consumer works on record 1, the next pages are requested: 4 in flight at first, plus the one
      // the first page's fast answer added (slow start). No more until the consumer moves on.
      for (let i = 0; i < 100 && srv.requests.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      requestsSeenAtFirstRecord = srv.requests.length;
      break;
    }
    expect(requestsSeenAtFirstRecord).toBe(6);
  });
});
