// How often a request is sent: reads get 6 attempts, writes 3, state-changing GET actions follow the write rules,
// and no retry starts once the time budget is spent. A scripted loopback server gives exact statuses in turn
// (the BrainSTEM server's fault injection is random).
import { afterEach, describe, expect, it } from 'vitest';
import { BrainstemClient, RateLimitError, ServerError, TimeoutError } from '../../src/index.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const make = (url: string, extra: object = {}) =>
  new BrainstemClient({
    url,
    token: 't',
    tokenStore: null,
    interactive: false,
    logLevel: 'off',
    backoff: { initialMs: 5, maxMs: 20 },
    ...extra,
  });

/** Answers the steps in turn (a status, or a hang), then 200. */
async function scripted(steps: (number | 'hang')[]) {
  let i = 0;
  const srv = await startHttp((_req, res) => {
    const step = steps[i++];
    if (step === 'hang') return;
    if (step === undefined) return json(res, 200, { sessions: [], detail: 'ok' });
    json(res, step, { detail: `status ${step}` }, step === 429 ? { 'retry-after-ms': '5' } : {});
  });
  servers.push(srv);
  return srv;
}

describe('attempts per request', () => {
  it('a read is sent up to 6 times, and the error names the attempts', async () => {
    const srv = await scripted(Array(7).fill(503));
    const err = await make(srv.url)
      .load('session')
      .catch((e) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err.attempts).toBe(6);
    expect(err.message).toMatch(/gave up after 6 attempts over [\d.]+ s/);
    expect(srv.requests).toHaveLength(6);
  });

  it('a read that recovers on the 6th attempt succeeds', async () => {
    const srv = await scripted(Array(5).fill(502));
    await expect(make(srv.url).load('session')).resolves.toMatchObject({ sessions: [] });
    expect(srv.requests).toHaveLength(6);
  });

  it('writes keep 3 attempts; maxRetries overrides reads and writes alike', async () => {
    const del = await scripted(Array(7).fill(503));
    const err = await make(del.url)
      .delete('session', { id: ID })
      .catch((e) => e);
    expect(err.attempts).toBe(3);
    expect(del.requests).toHaveLength(3);
    const read = await scripted(Array(7).fill(503));
    await make(read.url, { maxRetries: 1 })
      .load('session')
      .catch(() => {});
    expect(read.requests).toHaveLength(2);
  });

  it('no retry starts once retryBudgetMs has passed since the first attempt', async () => {
    const srv = await scripted(Array(7).fill(503));
    // Backoff 100, 200, … ms (less up to 25 % jitter): the first wait fits in 150 ms, the second does not.
    const err = await make(srv.url, { backoff: { initialMs: 100, maxMs: 1000 }, retryBudgetMs: 150 })
      .load('session')
      .catch((e) => e);
    expect(err.attempts).toBe(2);
    expect(srv.requests).toHaveLength(2);
  });

  it('a single failed attempt says nothing about retries', async () => {
    const srv = await scripted([500]);
    const err = await make(srv.url)
      .load('session')
      .catch((e) => e);
    expect(err.attempts).toBe(1);
    expect(err.message).not.toMatch(/attempts/);
  });
});

describe('GET actions that change state', () => {
  const calls: [string, (c: BrainstemClient) => Promise<unknown>][] = [
    ['accept invitation', (c) => c.acceptInvitation('projectmembershipinvitation', ID)],
    ['reject invitation', (c) => c.rejectInvitation('groupmembershipinvitation', ID)],
    ['cancel invitation', (c) => c.cancelInvitation('projectgroupmembershipinvitation', ID)],
    ['join group', (c) => c.joinGroup(7)],
    ['leave group', (c) => c.leaveGroup(7)],
    ['accept request', (c) => c.acceptInvitation('groupmembershiprequest', ID)],
  ];
  for (const [name, call] of calls) {
    it(`${name}: sent once after 502, 503 or a timeout`, async () => {
      for (const step of [502, 503, 504] as const) {
        const srv = await scripted([step]);
        await expect(call(make(srv.url))).rejects.toBeInstanceOf(ServerError);
        expect(srv.requests, String(step)).toHaveLength(1);
        expect(srv.requests[0]!.method).toBe('GET');
      }
      const hung = await scripted(['hang']);
      await expect(call(make(hung.url, { timeout: 100 }))).rejects.toBeInstanceOf(TimeoutError);
      expect(hung.requests).toHaveLength(1);
    });
  }

  it('a 429 (the action never ran) is retried, like a POST', async () => {
    const srv = await scripted([429]);
    await make(srv.url).joinGroup(7);
    expect(srv.requests).toHaveLength(2);
    const twice = await scripted([429, 429, 429, 429]);
    await expect(make(twice.url).joinGroup(7)).rejects.toBeInstanceOf(RateLimitError);
    expect(twice.requests).toHaveLength(3);
  });

  it('the same GET as a plain read is retried', async () => {
    const srv = await scripted([502]);
    await make(srv.url).request('GET', '/api/private/users/group/7/join/');
    expect(srv.requests).toHaveLength(2);
  });
});

describe('onRetry', () => {
  it('is told before each retry: what failed, attempt n of m, the wait; not for the last failure', async () => {
    const srv = await scripted([503, 502, 'hang']);
    const notices: { reason: string; attempt: number; attempts: number; delayMs: number; method: string }[] = [];
    const client = make(srv.url, {
      timeout: 200,
      maxRetries: 3,
      onRetry: (n: (typeof notices)[number]) => notices.push(n),
    });
    await expect(client.load('session')).resolves.toMatchObject({ sessions: [] });
    expect(notices.map((n) => [n.reason, n.attempt, n.attempts, n.method])).toEqual([
      ['HTTP 503', 1, 4, 'GET'],
      ['HTTP 502', 2, 4, 'GET'],
      ['timed out after 200 ms', 3, 4, 'GET'],
    ]);
    for (const n of notices) expect(n.delayMs).toBeGreaterThanOrEqual(0);
    const down = await scripted([503, 503]);
    const seen: number[] = [];
    await make(down.url, { maxRetries: 1, onRetry: (n: { attempt: number }) => seen.push(n.attempt) })
      .load('session')
      .catch(() => {});
    expect(seen).toEqual([1]);
  });
});
