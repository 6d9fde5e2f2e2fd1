// Exact record sets whatever page size the server chooses, in every list style (count, meta only, next only,
// nothing). The BrainSTEM server always honours `limit`, so a loopback server plays one that caps its pages.
import { afterEach, describe, expect, it } from 'vitest';
import { BrainstemClient } from '../../src/index.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

type Style = 'count' | 'meta' | 'next' | 'nothing';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const idAt = (i: number) => `p${String(i).padStart(5, '0')}`;

/** Serves `total` projects, never more than `cap` per page, with the hints of `style`. */
async function cappedServer(total: number, style: Style, cap: number) {
  const srv = await startHttp(async (req, res) => {
    const u = new URL(req.url, 'http://x');
    const limit = Number(u.searchParams.get('limit') ?? 20);
    const offset = Number(u.searchParams.get('offset') ?? 0);
    await new Promise((r) => setTimeout(r, Math.random() * 4)); // answers arrive out of order
    const n = Math.max(0, Math.min(limit, cap, total - offset));
    const page = Array.from({ length: n }, (_, i) => ({ id: idAt(offset + i), name: `P ${offset + i}` }));
    const body: Record<string, unknown> = { projects: page };
    const next = offset + n < total ? `http://x/api/public/stem/project/?limit=${cap}&offset=${offset + n}` : null;
    if (style === 'count') Object.assign(body, { count: total, next, previous: null });
    if (style === 'meta') body.meta = { total_results: total };
    if (style === 'next') body.next = next;
    json(res, 200, body);
  });
  servers.push(srv);
  return srv;
}

const client = (url: string, extra: object = {}) =>
  new BrainstemClient({ url, token: 't', tokenStore: null, interactive: false, logLevel: 'off', ...extra });
const expected = (total: number) => Array.from({ length: total }, (_, i) => idAt(i));

describe('a server that returns fewer records than asked', () => {
  for (const style of ['count', 'meta', 'next', 'nothing'] as Style[]) {
    for (const [total, cap] of [
      [1010, 50],
      [333, 7],
      [100, 30],
    ] as const) {
      it(`${style} style, ${total} records, ${cap} per page: loadAll and iterate get every record once`, async () => {
        const srv = await cappedServer(total, style, cap);
        const all = await client(srv.url).loadAll('project', { portal: 'public' });
        expect(all.projects.map((p) => p.id)).toEqual(expected(total));
        const streamed: string[] = [];
        for await (const p of client(srv.url).iterate('project', { portal: 'public' })) streamed.push(p.id);
        expect(streamed).toEqual(expected(total));
      });
    }
  }

  it('learns the cap: after the first short page it asks for that many', async () => {
    const srv = await cappedServer(1010, 'count', 50);
    await client(srv.url, { concurrency: 1 }).loadAll('project', { portal: 'public' });
    const asked = srv.requests.map((r) => new URL(r.url, 'http://x').searchParams);
    expect(asked[0]?.get('limit')).toBe('100');
    expect(asked.slice(1).every((q) => q.get('limit') === '50')).toBe(true);
    expect(asked.map((q) => Number(q.get('offset')))).toEqual(Array.from({ length: 21 }, (_, i) => i * 50));
  });

  it('starting at an offset, with pages of 1', async () => {
    const srv = await cappedServer(40, 'next', 1);
    const all = await client(srv.url).loadAll('project', { portal: 'public', offset: 25, pageSize: 3 });
    expect(all.projects.map((p) => p.id)).toEqual(expected(40).slice(25));
  });
});

describe('next links', () => {
  it('a next link that skips ahead is followed', async () => {
    // A server whose pages hide a gap of ids: its `next` says where the data goes on.
    const srv = await startHttp((req, res) => {
      const offset = Number(new URL(req.url, 'http://x').searchParams.get('offset') ?? 0);
      if (offset === 0) return json(res, 200, { projects: [{ id: 'a' }, { id: 'b' }], next: '/x/?offset=10&limit=2' });
      if (offset === 10) return json(res, 200, { projects: [{ id: 'c' }], next: null });
      return json(res, 200, { projects: [{ id: `wrong-${offset}` }], next: null });
    });
    servers.push(srv);
    const all = await client(srv.url, { concurrency: 1 }).loadAll('project', { portal: 'public', pageSize: 2 });
    expect(all.projects.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});
