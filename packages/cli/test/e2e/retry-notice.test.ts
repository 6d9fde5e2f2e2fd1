// A request being retried says so: its first retry prints one line on stderr (what failed, attempt n of m, the
// wait), later retries print nothing more, `--quiet` prints none; `--retries N` sets the client's retries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RETRY_BUDGET } from 'brainstem-api-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { memoryIo } from '../helpers.js';
import { ensureBuilt, runCli, tempHome } from './harness.js';

const home = tempHome();
let busy: Server;
let busyUrl: string;
let requests = 0;

beforeAll(async () => {
  ensureBuilt();
  // A loopback server that is always overloaded: every request gets a 503 with a short Retry-After.
  busy = createServer((_req, res) => {
    requests++;
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
    res.end('{"detail":"busy"}');
  });
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyUrl = `http://127.0.0.1:${(busy.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  home.cleanup();
});

const retryLines = (stderr: string) => stderr.split('\n').filter((l) => /attempt \d+ of \d+/.test(l));

describe('retry notice', () => {
  it('a server that is down: one line on the first retry, then the error', async () => {
    // Port 1 on loopback: nothing listens, every attempt is refused.
    const r = await runCli(['load', 'session', '--url', 'http://127.0.0.1:1/', '--token', 't', '--retries', '2'], {
      env: home.env,
    });
    expect(r.code).toBe(6);
    const lines = retryLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^brainstem: GET http:\/\/127\.0\.0\.1:1\/\S+ failed: .*ECONNREFUSED.*; attempt 1 of 3, next try in \d+\.\d s$/,
    );
    expect(r.stderr).toMatch(/gave up after 3 attempts/);
  });

  it('an HTTP failure names its status; --quiet prints no notice', async () => {
    requests = 0;
    const r = await runCli(['load', 'session', '--url', busyUrl, '--token', 't', '--retries', '1'], { env: home.env });
    expect(r.code).toBe(6);
    expect(requests).toBe(2);
    expect(retryLines(r.stderr)).toEqual([
      expect.stringMatching(/failed: HTTP 503; attempt 1 of 2, next try in 0\.0 s$/),
    ]);
    const quiet = await runCli(['load', 'session', '--url', busyUrl, '--token', 't', '--retries', '1', '--quiet'], {
      env: home.env,
    });
    expect(quiet.code).toBe(6);
    expect(retryLines(quiet.stderr)).toEqual([]);
  });

  it('--retries 0 makes one attempt; the default is the client budget', async () => {
    requests = 0;
    const none = await runCli(['load', 'session', '--url', busyUrl, '--token', 't', '--retries', '0'], {
      env: home.env,
    });
    expect(none.code).toBe(6);
    expect(requests).toBe(1);
    expect(retryLines(none.stderr)).toEqual([]);
    requests = 0;
    const byDefault = await runCli(['load', 'session', '--url', busyUrl, '--token', 't'], { env: home.env });
    expect(byDefault.code).toBe(6);
    expect(requests).toBe(RETRY_BUDGET.readAttempts);
    expect(retryLines(byDefault.stderr)).toEqual([
      expect.stringContaining(`attempt 1 of ${RETRY_BUDGET.readAttempts},`),
    ]);
  });

  it('--retries names itself when it is not a count, and its help states the budget', async () => {
    const bad = await runCli(['load', 'session', '--url', busyUrl, '--retries', 'many'], { env: home.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--retries/);
    const help = await runCli(['--help'], { env: { ...home.env, COLUMNS: '200' } });
    expect(help.stdout).toContain(
      `default ${RETRY_BUDGET.readAttempts - 1} for reads, ${RETRY_BUDGET.writeAttempts - 1} for writes`,
    );
  });

  it('a drawn progress bar is erased before the notice', async () => {
    // 250 sessions in pages of 100; the first request for the second page gets a 503, the retry succeeds.
    let failedOnce = false;
    const flaky = createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const offset = Number(q.get('offset') ?? 0);
      const limit = Number(q.get('limit') ?? 20);
      res.setHeader('content-type', 'application/json');
      if (offset >= 100 && !failedOnce) {
        failedOnce = true;
        res.writeHead(503, { 'retry-after': '0' });
        res.end('{"detail":"busy"}');
        return;
      }
      const n = Math.max(0, Math.min(limit, 250 - offset));
      const sessions = Array.from({ length: n }, (_, i) => ({ id: `s${offset + i}`, name: `S${offset + i}` }));
      res.end(JSON.stringify({ sessions, count: 250 }));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/`;
      const m = memoryIo({ stderrTTY: true });
      const args = ['load', 'session', '--all', '--concurrency', '1', '--format', 'json', '--url', url, '--token', 't'];
      const code = await run(args, m.io, new AbortController().signal);
      expect(code, m.stderr()).toBe(0);
      const err = m.stderr();
      expect(err).toMatch(/▏/);
      const at = err.indexOf('brainstem: GET');
      expect(at).toBeGreaterThan(0);
      expect(err.slice(at - 4, at)).toBe('\r\x1b[K');
      expect(JSON.parse(m.stdout()).sessions).toHaveLength(250);
    } finally {
      await new Promise((resolve) => flaky.close(resolve));
    }
  });
});
