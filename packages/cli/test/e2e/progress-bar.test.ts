// The progress bar: drawn on a terminal stderr only, fetched/total from the pager, erased before output; never with
// --quiet or a pipe. Unit tests of the bar, then `load --all` in-process and through the built CLI.
import { existsSync } from 'node:fs';
import { DEMO_USERS, startServer } from 'brainstem-server';
import { describe, expect, it } from 'vitest';
import { ProgressBar, progressEnabled } from '../../src/progress.js';
import { run } from '../../src/run.js';
import { memoryIo } from '../helpers.js';
import { BIN, demoServerForFile, runCli, runShell, sh } from './harness.js';

const alice = DEMO_USERS.alice;
const demo = demoServerForFile({ seedSessions: 250 });
const { home } = demo;
const env = home.env;
const hasScript = existsSync('/usr/bin/script');

describe('progress bar', () => {
  it('draws only on a terminal and not with --quiet', () => {
    expect(progressEnabled(memoryIo({ stderrTTY: true }).io, false)).toBe(true);
    expect(progressEnabled(memoryIo({ stderrTTY: false }).io, false)).toBe(false);
    expect(progressEnabled(memoryIo({ stderrTTY: true }).io, true)).toBe(false);
    expect(progressEnabled(memoryIo({ stderrTTY: true, env: { TERM: 'dumb' } }).io, false)).toBe(false);
  });

  it('shows fetched/total, percent and rate, then erases itself', () => {
    let now = 0;
    const m = memoryIo({ stderrTTY: true });
    const bar = new ProgressBar(m.io, { label: 'sessions', enabled: true, now: () => now, width: 10 });
    now = 2000;
    bar.update({ loaded: 500, total: 1000 });
    expect(bar.render(2000)).toBe('sessions ▕█████░░░░░▏ 500/1,000  50%  250 rec/s');
    expect(m.stderr()).toContain('500/1,000');
    bar.done();
    expect(m.stderr().endsWith('\r\x1b[K')).toBe(true);
  });

  it('shows a count when the total is unknown and throttles redraws', () => {
    let now = 0;
    const m = memoryIo({ stderrTTY: true });
    const bar = new ProgressBar(m.io, { label: 'x', enabled: true, now: () => now });
    now = 1000;
    bar.update({ loaded: 10 });
    now = 1010;
    bar.update({ loaded: 20 });
    expect(m.stderr().match(/\r/g)).toHaveLength(1);
    expect(bar.render(1000)).toBe('x 20 records  20 rec/s');
  });

  it('writes nothing when disabled', () => {
    const m = memoryIo();
    const bar = new ProgressBar(m.io, { label: 'x', enabled: false });
    bar.update({ loaded: 1, total: 2 });
    bar.done();
    expect(m.stderr()).toBe('');
  });
});

describe('load --all progress', () => {
  it('every frame of the bar shows fetched/total from the pager, never a per-record count', async () => {
    for (const format of ['ndjson', 'json']) {
      const m = memoryIo({ stderrTTY: true });
      const args = ['load', 'session', '--all', '--format', format, '--url', demo.server.url];
      const code = await run([...args, '--token', alice.token], m.io, new AbortController().signal);
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

describe('progress bar on a terminal', () => {
  it.skipIf(!hasScript)('draws on a terminal stderr, not with --quiet', async () => {
    const big = await startServer({ port: 0, seed: 'demo', seedSessions: 400, quiet: true });
    try {
      const base = `${sh(process.execPath)} ${sh(BIN)} load session --all --url ${big.url} --token ${alice.token} --format ndjson`;
      const shown = await runShell(`script -qec ${sh(`${base} > /dev/null`)} /dev/null`, { env });
      expect(shown.code, shown.stdout).toBe(0);
      expect(shown.stdout).toMatch(/sessions (▕|\d)/);
      expect(shown.stdout).toMatch(/rec\/s/);
      expect(shown.stdout).not.toContain(alice.token);
      const quiet = await runShell(`script -qec ${sh(`${base} --quiet > /dev/null`)} /dev/null`, { env });
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).not.toMatch(/rec\/s/);
      // stdout on the terminal too: buffered JSON still gets the bar (erased before the output); streamed ndjson
      // records are their own progress, so no bar is drawn between them.
      const both = `${sh(process.execPath)} ${sh(BIN)} load session --all --url ${big.url} --token ${alice.token}`;
      const json = await runShell(`script -qec ${sh(both)} /dev/null`, { env });
      expect(json.stdout).toMatch(/rec\/s/);
      const nd = await runShell(`script -qec ${sh(`${both} --format ndjson`)} /dev/null`, { env });
      expect(nd.code).toBe(0);
      expect(nd.stdout).not.toMatch(/rec\/s/);
    } finally {
      await big.close();
    }
  });
});

describe('progress bar in a pipe', () => {
  it('no progress bar or other stderr output when piped', async () => {
    const r = await runCli(
      ['load', 'session', '--all', '--format', 'ndjson', '--url', demo.server.url, '--token', alice.token],
      {
        env,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
