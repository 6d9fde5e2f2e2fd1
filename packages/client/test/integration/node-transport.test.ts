// The Node entry sends requests on node:http(s) (no undici unless a proxy is set): the same behaviour as fetch —
// walks under 20 % faults, per-attempt timeouts, the caller's abort, redirects that drop the token across origins,
// and compressed bodies — against the real local server and, for shapes it cannot produce, a loopback server.
import { gzipSync } from 'node:zlib';
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, BrainstemClient, TimeoutError } from '../../src/node.js';
import { json, startHttp } from '../helpers/http.js';
import { DEMO_USERS, startDemo } from '../helpers/server.js';

const make = (url: string, extra: object = {}) =>
  new BrainstemClient({
    url,
    token: DEMO_USERS.alice.token,
    tokenStore: null,
    interactive: false,
    logLevel: 'off',
    backoff: { initialMs: 10, maxMs: 50 },
    ...extra,
  });

describe('Node transport against the real server', () => {
  let faulty: RunningServer;
  let clean: RunningServer;
  beforeAll(async () => {
    faulty = await startDemo({ faultRate: 0.2, faultSeed: 4, seedSessions: 700 });
    clean = await startDemo({ seedSessions: 700 });
  });
  afterAll(async () => {
    await faulty.close();
    await clean.close();
  });

  it('loadAll and iterate are exact under 20 % faults (dropped connections included)', async () => {
    const truth = (await make(clean.url).loadAll('session', { sort: ['name'] })).sessions.map((s) => s.name);
    const all = await make(faulty.url).loadAll('session', { sort: ['name'] });
    expect(all.sessions.map((s) => s.name)).toEqual(truth);
    const names: string[] = [];
    for await (const s of make(faulty.url).iterate('session', { sort: ['name'] })) names.push(s.name);
    expect(names).toEqual(truth);
  });

  it('a per-attempt timeout and the caller signal', async () => {
    const slow = await startDemo({ latency: 300 });
    try {
      const err = await make(slow.url, { timeout: 50, maxRetries: 1 })
        .load('session')
        .catch((e) => e);
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err.attempts).toBe(2);
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 50);
      await expect(make(slow.url).load('session', { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    } finally {
      await slow.close();
    }
  });
});

describe('Node transport against a loopback server', () => {
  it('decodes gzip bodies, and follows redirects without sending the token to another origin', async () => {
    const other = await startHttp((req, res) =>
      json(res, 200, { sessions: [{ id: 'x', auth: req.headers.authorization ?? null }] }),
    );
    const srv = await startHttp((req, res) => {
      if (req.url.includes('offset=5')) {
        res.writeHead(302, { location: `${other.url}api/private/stem/session/` });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ sessions: [{ id: 'a', auth: req.headers.authorization }] })));
    });
    try {
      const page = await make(srv.url).load('session');
      expect(page.sessions).toEqual([{ id: 'a', auth: `Bearer ${DEMO_USERS.alice.token}` }]);
      expect(srv.requests[0]!.headers['accept-encoding']).toMatch(/gzip/);
      const moved = await make(srv.url).load('session', { offset: 5 });
      expect(moved.sessions).toEqual([{ id: 'x', auth: null }]);
    } finally {
      await srv.close();
      await other.close();
    }
  });
});
