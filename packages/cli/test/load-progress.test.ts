// The progress bar of `load --all` with streaming output, run in-process against the real local server with a
// terminal on stderr (stdout piped), so the bar is drawn.
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { memoryIo } from './helpers.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', seedSessions: 250, quiet: true });
});
afterAll(() => server.close());

describe('load --all progress', () => {
  it('every frame of the bar shows fetched/total from the pager, never a per-record count', async () => {
    for (const format of ['ndjson', 'json']) {
      const m = memoryIo({ stderrTTY: true });
      const args = ['load', 'session', '--all', '--format', format, '--url', server.url];
      const code = await run([...args, '--token', DEMO_USERS.alice.token], m.io, new AbortController().signal);
      expect(code, m.stderr()).toBe(0);
      const frames = m
        .stderr()
        .split('\r\x1b[K')
        .filter((f) => f !== '');
      expect(frames.length, format).toBeGreaterThan(0);
      for (const f of frames) expect(f, format).toMatch(/^sessions ▕[█░]+▏ \d[\d,]*\/\d[\d,]* +\d+%/);
      expect(frames.some((f) => /records/.test(f))).toBe(false);
    }
  });
});
