// Transport rules against loopback servers that misbehave on purpose (exact statuses, Retry-After values,
// redirects, hung responses): things the BrainSTEM server's random fault injection cannot produce on demand.
import { afterEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  BrainstemClient,
  BrainstemError,
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  VERSION,
} from '../../src/index.js';
import { json, type LocalServer, refusedUrl, startHttp } from '../helpers/http.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const fast = { backoff: { initialMs: 5, maxMs: 20 } };
const make = (url: string, extra: object = {}) =>
  new BrainstemClient({
    url,
    token: 'tok_secret_123',
    tokenStore: null,
    interactive: false,
    logLevel: 'off',
    ...fast,
    ...extra,
  });

/** Answers the statuses in `script` in turn, then 200 with an empty list. */
async function scripted(script: { status: number; headers?: Record<string, string>; hang?: boolean }[]) {
  let i = 0;
  const srv = await startHttp((_req, res) => {
    const step = script[i++];
    if (!step) return json(res, 200, { sessions: [], session: { id: ID } });
    if (step.hang) return; // never answers
    json(res, step.status, step.status === 204 ? undefined : { detail: `status ${step.status}` }, step.headers ?? {});
  });
  servers.push(srv);
  return srv;
}

describe('headers', () => {
  it('sends Bearer token, Accept, User-Agent and JSON bodies', async () => {
    const srv = await scripted([]);
    await make(srv.url).save('session', { data: { name: 'x', projects: [ID] } });
    const r = srv.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/api/private/stem/session/');
    expect(r.headers.authorization).toBe('Bearer tok_secret_123');
    expect(r.headers['user-agent']).toBe(`brainstem-api-tools/${VERSION}`);
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toEqual({ name: 'x', projects: [ID] });
  });

  it('calls a token function before every attempt (rotation)', async () => {
    const srv = await scripted([{ status: 503 }]);
    let n = 0;
    await make(srv.url, { token: async () => `rot${++n}` }).load('session');
    expect(srv.requests.map((r) => r.headers.authorization)).toEqual(['Bearer rot1', 'Bearer rot2']);
  });
});

describe('retries', () => {
  it('retries GET on 408/429/502/503/504, then succeeds', async () => {
    for (const status of [408, 429, 502, 503, 504]) {
      const srv = await scripted([{ status }, { status }]);
      await make(srv.url).load('session');
      expect(srv.requests, String(status)).toHaveLength(3);
    }
  });

  it('gives up after maxRetries with the mapped error', async () => {
    const srv = await scripted([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    await expect(make(srv.url, { maxRetries: 1 }).load('session')).rejects.toBeInstanceOf(ServerError);
    expect(srv.requests).toHaveLength(2);
  });

  it('does not retry 500 or 4xx other than 408/429', async () => {
    for (const status of [500, 400, 401, 403, 404]) {
      const srv = await scripted([{ status }]);
      await expect(make(srv.url).load('session')).rejects.toMatchObject({ status });
      expect(srv.requests, String(status)).toHaveLength(1);
    }
  });

  it('POST/PATCH are retried only when the request surely never ran: 429, 503 + Retry-After', async () => {
    const cases: [string, { status: number; headers?: Record<string, string> }, number][] = [
      ['POST', { status: 503 }, 1],
      ['POST', { status: 502 }, 1],
      ['POST', { status: 504 }, 1],
      ['POST', { status: 429 }, 2],
      ['POST', { status: 503, headers: { 'retry-after': '0' } }, 2],
      ['PATCH', { status: 503 }, 1],
      ['PATCH', { status: 429 }, 2],
      ['PUT', { status: 503 }, 2],
      ['DELETE', { status: 502 }, 2],
    ];
    for (const [method, step, expected] of cases) {
      const srv = await scripted([step]);
      const c = make(srv.url);
      const call =
        method === 'POST'
          ? c.save('session', { data: { name: 'x', projects: [ID] } })
          : method === 'DELETE'
            ? c.delete('session', { id: ID })
            : c.save('session', { id: ID, data: { name: 'x' }, method: method === 'PUT' ? 'put' : 'patch' });
      await call.catch(() => {});
      expect(srv.requests, `${method} ${JSON.stringify(step)}`).toHaveLength(expected);
      expect(srv.requests[0]!.method).toBe(method);
    }
  });

  it('honours retry-after-ms / Retry-After, and refuses to sleep through a long one', async () => {
    const srv = await scripted([{ status: 429, headers: { 'retry-after-ms': '300' } }]);
    const t0 = Date.now();
    await make(srv.url).load('session');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    expect(srv.requests).toHaveLength(2);

    const long = await scripted([{ status: 429, headers: { 'retry-after': '3600' } }]);
    const err = await make(long.url)
      .load('session')
      .catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(long.requests).toHaveLength(1);
  });

  it('retries a refused connection even for POST (it never reached a server)', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const err = await make(await refusedUrl(), { fetch: counting, maxRetries: 2 })
      .save('session', { data: { name: 'x', projects: [ID] } })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(calls).toBe(3);
  });
});

describe('timeouts and abort', () => {
  it('times out per attempt; GET is retried, POST is not', async () => {
    const get = await scripted(Array.from({ length: 6 }, () => ({ status: 0, hang: true })));
    const err = await make(get.url, { timeout: 100 })
      .load('session')
      .catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.timeout).toBe(100);
    expect(err.attempts).toBe(6);
    expect(get.requests).toHaveLength(6);

    const post = await scripted([{ status: 0, hang: true }]);
    await expect(
      make(post.url, { timeout: 100 }).save('session', { data: { name: 'x', projects: [ID] } }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(post.requests).toHaveLength(1);
  });

  it('per-call timeout overrides the client option', async () => {
    const srv = await scripted([{ status: 0, hang: true }]);
    await expect(
      make(srv.url, { timeout: 60_000 }).load('session', { timeout: 50, maxRetries: 0 }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  it('the caller signal aborts at once and is never retried', async () => {
    const srv = await scripted([
      { status: 0, hang: true },
      { status: 0, hang: true },
    ]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const err = await make(srv.url)
      .load('session', { signal: ac.signal })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(srv.requests).toHaveLength(1);
    const pre = new AbortController();
    pre.abort();
    await expect(make(srv.url).load('session', { signal: pre.signal })).rejects.toBeInstanceOf(AbortError);
    expect(srv.requests).toHaveLength(1);
  });

  it('aborts a retry wait too', async () => {
    const srv = await scripted([{ status: 503, headers: {} }]);
    const ac = new AbortController();
    const c = make(srv.url, { backoff: { initialMs: 10_000, maxMs: 10_000 } });
    setTimeout(() => ac.abort(), 50);
    await expect(c.load('session', { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
  });

  it('a retried DELETE that meets 404 counts as done', async () => {
    const srv = await scripted([{ status: 0, hang: true }, { status: 404 }]);
    await expect(make(srv.url, { timeout: 100 }).delete('session', { id: ID })).resolves.toBeUndefined();
    expect(srv.requests).toHaveLength(2);
    const first = await scripted([{ status: 404 }]);
    await expect(make(first.url).delete('session', { id: ID })).rejects.toMatchObject({ status: 404 });
  });
});

describe('redirects and transport security', () => {
  it('follows same-origin redirects with the token and drops it across origins', async () => {
    const other = await startHttp((_req, res) => json(res, 200, { sessions: [] }), 'localhost');
    servers.push(other);
    const srv = await startHttp((req, res) => {
      if (req.url.startsWith('/api/private/stem/session/')) {
        res.writeHead(301, { location: '/moved/' });
        return res.end();
      }
      if (req.url === '/moved/') {
        res.writeHead(307, { location: `${other.url}elsewhere/` });
        return res.end();
      }
      json(res, 500, {});
    });
    servers.push(srv);
    await make(srv.url).load('session');
    expect(srv.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/api/private/stem/session/', 'Bearer tok_secret_123'],
      ['/moved/', 'Bearer tok_secret_123'],
    ]);
    expect(other.requests[0]?.url).toBe('/elsewhere/');
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses a token over plain http to a non-loopback host unless allowInsecure', async () => {
    // The guard must act before fetch; a non-loopback host cannot be served by a local test server, so a
    // recording fetch stands in for the network here.
    const seen: string[] = [];
    const recording: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(JSON.stringify({ sessions: [] }), { headers: { 'content-type': 'application/json' } });
    };
    const err = await make('http://brainstem.example.org/', { fetch: recording })
      .load('session')
      .catch((e) => e);
    expect(err).toBeInstanceOf(BrainstemError);
    expect(err.message).toMatch(/plain http/);
    expect(seen).toHaveLength(0);
    await make('http://brainstem.example.org/', { fetch: recording, allowInsecure: true }).load('session');
    await make('https://brainstem.example.org/', { fetch: recording }).load('session');
    // Anonymous public requests carry no token, so plain http is fine.
    await new BrainstemClient({
      url: 'http://brainstem.example.org/',
      fetch: recording,
      tokenStore: null,
      interactive: false,
    }).load('project', { portal: 'public' });
    expect(seen).toHaveLength(3);
  });

  it('maps a 401 body and parses non-JSON error bodies', async () => {
    const srv = await startHttp((req, res) => {
      if (req.url.includes('session')) return json(res, 401, { detail: 'Invalid token.' });
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    servers.push(srv);
    const e401 = await make(srv.url)
      .load('session')
      .catch((e) => e);
    expect(e401).toBeInstanceOf(AuthenticationError);
    expect(e401.body).toEqual({ detail: 'Invalid token.' });
    expect(e401.message).toContain('Invalid token.');
    expect(e401.url).toBe(`${srv.url}api/private/stem/session/`);
    const e502 = await make(srv.url, { maxRetries: 0 })
      .load('project')
      .catch((e) => e);
    expect(e502).toBeInstanceOf(ServerError);
    expect(e502.body).toBe('<html>bad gateway</html>');
  });
});

describe('logging', () => {
  it('BRAINSTEM_LOG=debug logs requests with the token redacted', async () => {
    const srv = await scripted([{ status: 503 }]);
    const lines: string[] = [];
    const logger = {
      debug: (m: string) => lines.push(m),
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    const prev = process.env.BRAINSTEM_LOG;
    process.env.BRAINSTEM_LOG = 'debug';
    try {
      await new BrainstemClient({
        url: `${srv.url}?token=tok_secret_123`,
        token: 'tok_secret_123',
        tokenStore: null,
        logger,
        ...fast,
      }).load('session');
    } finally {
      if (prev === undefined) delete process.env.BRAINSTEM_LOG;
      else process.env.BRAINSTEM_LOG = prev;
    }
    expect(lines.some((l) => l.includes('→ GET') && l.includes('/api/private/stem/session/'))).toBe(true);
    expect(lines.some((l) => l.includes('← 503'))).toBe(true);
    expect(lines.some((l) => l.includes('retrying'))).toBe(true);
    expect(lines.join('\n')).not.toContain('tok_secret_123');
  });

  it('is quiet at the default level', async () => {
    const srv = await scripted([]);
    const lines: string[] = [];
    const logger = {
      debug: (m: string) => lines.push(m),
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    await new BrainstemClient({ url: srv.url, token: 't', tokenStore: null, logger }).load('session');
    expect(lines).toEqual([]);
  });
});
