// `brainstem load --all` under real network trouble: the built CLI against the real local server with 20 % injected
// faults (exact output in every format), against a loopback server that breaks down part-way (no more attempts than
// the retry budget gives, JSON never partial, streamed output marked incomplete with exit 7 and a resume command),
// and through a forward proxy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE_ATTEMPTS, RETRY_BUDGET } from 'brainstem-api-tools';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProxy } from '../../../client/test/helpers/proxy.js';
import { ensureBuilt, runCli, tempHome } from './harness.js';

const home = tempHome();
let faulty: RunningServer;
let clean: RunningServer;
let truth: string[];
const token = DEMO_USERS.alice.token;

beforeAll(async () => {
  ensureBuilt();
  faulty = await startServer({ port: 0, seed: 'demo', seedSessions: 900, faultRate: 0.2, faultSeed: 5, quiet: true });
  clean = await startServer({ port: 0, seed: 'demo', seedSessions: 900, quiet: true });
  const r = await runCli(
    ['load', 'session', '--all', '--sort', 'name', '--format', 'ndjson', '--url', clean.url, '--token', token],
    {
      env: home.env,
    },
  );
  truth = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).name);
}, 60_000);
afterAll(async () => {
  await faulty.close();
  await clean.close();
  home.cleanup();
});

describe('load --all under 20 % faults (default settings)', () => {
  const base = () => ['load', 'session', '--all', '--sort', 'name', '--url', faulty.url, '--token', token, '--quiet'];
  it('json, ndjson and csv are exact', async () => {
    expect(truth.length).toBeGreaterThan(900);
    const json = await runCli([...base(), '--format', 'json'], { env: home.env, timeoutMs: 60_000 });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).sessions.map((s: { name: string }) => s.name)).toEqual(truth);
    const nd = await runCli([...base(), '--format', 'ndjson'], { env: home.env, timeoutMs: 60_000 });
    expect(nd.code, nd.stderr).toBe(0);
    expect(
      nd.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).name),
    ).toEqual(truth);
    const csv = await runCli([...base(), '--format', 'csv', '--fields', 'name'], { env: home.env, timeoutMs: 60_000 });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.trim().split(/\r?\n/)).toEqual(['name', ...truth.map((n) => (/[",\n]/.test(n) ? `"${n}"` : n))]);
  }, 120_000);
});

describe('a server that breaks down part-way', () => {
  let broken: Server;
  let url: string;
  /** What requests from offset 200 on get, and how many of them came. */
  let failWith = 503;
  let failed = 0;
  beforeAll(async () => {
    // 250 records; every request from offset 200 on fails, so no retry or resume can finish the walk. A 503 asks
    // for a 5 ms wait, so spending the whole retry budget takes well under a second.
    broken = createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const offset = Number(q.get('offset') ?? 0);
      const limit = Number(q.get('limit') ?? 20);
      res.setHeader('content-type', 'application/json');
      if (offset >= 200) {
        failed++;
        res.statusCode = failWith;
        if (failWith === 503) res.setHeader('retry-after-ms', '5');
        res.end(JSON.stringify({ detail: 'boom' }));
        return;
      }
      const n = Math.min(limit, 250 - offset);
      const sessions = Array.from({ length: n }, (_, i) => ({ id: `s${offset + i}`, name: `S${offset + i}` }));
      res.end(JSON.stringify({ sessions, count: 250 }));
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/`;
  });
  beforeEach(() => {
    failWith = 503;
    failed = 0;
  });
  afterAll(() => new Promise<void>((r) => broken.close(() => r())));
  const args = () => ['load', 'session', '--all', '--url', url, '--token', 't', '--concurrency', '1'];

  it('json: nothing on stdout, exit 6, after exactly the attempts the retry budget gives one page', async () => {
    const r = await runCli([...args(), '--format', 'json'], { env: home.env });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/stopped at offset 200 with 200 records loaded/);
    expect(r.stderr).toMatch(/carrying on at offset 200 \(2\/2\)/);
    expect(failed).toBe(RETRY_BUDGET.readAttempts * (1 + RETRY_BUDGET.walkRetries));
    expect(failed).toBe(PAGE_ATTEMPTS);
  });

  it('--quiet leaves out the carry-on warnings, not the error', async () => {
    const r = await runCli([...args(), '--format', 'json', '--quiet'], { env: home.env });
    expect(r.code).toBe(6);
    expect(r.stderr).not.toMatch(/carrying on/);
    expect(r.stderr).toMatch(/stopped at offset 200 with 200 records loaded/);
  });

  it('a 500 is not retried: the failing page is asked for once', async () => {
    failWith = 500;
    const r = await runCli([...args(), '--format', 'json'], { env: home.env });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/stopped at offset 200 with 200 records loaded/);
    expect(failed).toBe(1);
  });

  it('ndjson: the records streamed stay, exit 7, and stderr says how to fetch the rest', async () => {
    const r = await runCli([...args(), '--format', 'ndjson'], { env: home.env });
    expect(r.code).toBe(7);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(Array.from({ length: 200 }, (_, i) => `s${i}`));
    expect(r.stderr).toMatch(/output is incomplete: it holds the records before offset 200/);
    expect(r.stderr).toContain(
      `  brainstem load session --all --offset 200 --url ${url} --concurrency 1 --format ndjson\n` +
        '  (--token is left out: add it back, or set BRAINSTEM_TOKEN)\n',
    );
  });

  it('--offset with --all starts the walk there', async () => {
    const r = await runCli(
      [
        'load',
        'session',
        '--all',
        '--offset',
        '150',
        '--url',
        url,
        '--token',
        't',
        '--format',
        'ndjson',
        '--concurrency',
        '1',
      ],
      {
        env: home.env,
      },
    );
    // Offsets 150–249 come in one page (the breakdown starts at requests from offset 200 on).
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(Array.from({ length: 100 }, (_, i) => `s${150 + i}`));
  });
});

describe('proxy', () => {
  it('HTTP_PROXY routes the CLI through the proxy; NO_PROXY bypasses it', async () => {
    const proxy = await startProxy();
    try {
      const args = ['load', 'project', '--portal', 'public', '--url', clean.url, '--format', 'json'];
      const via = await runCli(args, { env: { ...home.env, HTTP_PROXY: proxy.url } });
      expect(via.code, via.stderr).toBe(0);
      expect(JSON.parse(via.stdout).projects.length).toBeGreaterThan(0);
      expect(via.stderr).toBe('');
      expect(proxy.seen.length).toBeGreaterThan(0);
      const before = proxy.seen.length;
      const direct = await runCli(args, { env: { ...home.env, http_proxy: proxy.url, no_proxy: '127.0.0.1' } });
      expect(direct.code, direct.stderr).toBe(0);
      expect(proxy.seen.length).toBe(before);
    } finally {
      await proxy.close();
    }
  });
});
