// Edge cases of the built CLI against the local server: .env tokens, --timeout, servers without counts, pretty
// JSON on a terminal, a closed pipe, and the in-process entry point.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { memoryIo } from '../helpers.js';
import { BIN, cleanEnv, ensureBuilt, runCli, runShell, sh, tempHome } from './harness.js';

const ALICE = DEMO_USERS.alice.token;
const home = tempHome();
const hasScript = existsSync('/usr/bin/script');
let server: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', seedSessions: 120, quiet: true });
});
afterAll(async () => {
  await server?.close();
  home.cleanup();
});

describe('token sources', () => {
  it('reads BRAINSTEM_TOKEN from a .env file in the working directory', async () => {
    writeFileSync(join(home.home, '.env'), `BRAINSTEM_TOKEN=${ALICE}\n`);
    const r = await runCli(['whoami', '--url', server.url, '--format', 'json'], { env: home.env, cwd: home.home });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ user: { email: 'alice@example.org' }, token_source: '.env' });
  });
});

describe('servers', () => {
  it('--all works against a server that sends no count/next (stops at the first short page)', async () => {
    const minimal = await startServer({ port: 0, seed: 'demo', seedSessions: 120, pagination: 'minimal', quiet: true });
    try {
      const full = JSON.parse(
        (await runCli(['load', 'session', '--all', '--url', server.url, '--token', ALICE], { env: home.env })).stdout,
      );
      const r = await runCli(
        ['load', 'session', '--all', '--format', 'ndjson', '--url', minimal.url, '--token', ALICE],
        { env: home.env },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(full.sessions.length);
    } finally {
      await minimal.close();
    }
  });

  it('--timeout gives up on a slow server with exit 6', async () => {
    const slow = await startServer({ port: 0, seed: 'demo', latency: 5000, quiet: true });
    try {
      const r = await runCli(['load', 'project', '--timeout', '0.3', '--url', slow.url, '--token', ALICE], {
        env: home.env,
        timeoutMs: 30_000,
      });
      expect(r.code).toBe(6);
      expect(r.stderr).toMatch(/^brainstem: .*timed out/);
    } finally {
      await slow.close();
    }
  });
});

describe('streaming', () => {
  it('load --all --format ndjson writes records while later pages are still being fetched', async () => {
    // Every response takes 500 ms, and 350+ sessions need 4+ pages of 100: the first records must reach stdout
    // at least one page-time before the command ends.
    const slow = await startServer({ port: 0, seed: 'demo', seedSessions: 350, latency: 500, quiet: true });
    try {
      const child = spawn(
        process.execPath,
        [BIN, 'load', 'session', '--all', '--format', 'ndjson', '--url', slow.url, '--token', ALICE],
        {
          env: cleanEnv(home.env),
        },
      );
      let firstAt = 0;
      let lines = 0;
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        firstAt ||= Date.now();
        lines += d.split('\n').length - 1;
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const endAt = Date.now();
      expect(code).toBe(0);
      expect(lines).toBeGreaterThanOrEqual(350);
      expect(endAt - firstAt).toBeGreaterThanOrEqual(450);
    } finally {
      await slow.close();
    }
  });
});

describe('terminals and pipes', () => {
  it.skipIf(!hasScript)('indents JSON when stdout is a terminal', async () => {
    const cmd = `${sh(process.execPath)} ${sh(BIN)} load project --limit 1 --url ${server.url} --token ${ALICE}`;
    const r = await runShell(`script -qec ${sh(cmd)} /dev/null`, { env: home.env });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^\{\r?\n {2}"projects": \[/);
    expect(r.stdout).not.toContain(ALICE);
  });

  it('stops quietly when the reader closes the pipe (| head -n 1)', async () => {
    const cmd = `${sh(process.execPath)} ${sh(BIN)} load session --all --format ndjson --url ${server.url} --token ${ALICE} | head -n 1`;
    const r = await runShell(cmd, { env: home.env });
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe('--headless on any command', () => {
  // A fake `xdg-open` on PATH (with a DISPLAY set) records whether the client tried to open a browser.
  async function lazyLogin(extra: string[]): Promise<{ out: string; opened: boolean }> {
    const bin = join(home.home, 'bin');
    mkdirSync(bin, { recursive: true });
    const marker = join(home.home, 'browser-opened');
    rmSync(marker, { force: true });
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > ${sh(marker)}\n`, { mode: 0o755 });
    const cmd = `${sh(process.execPath)} ${sh(BIN)} load session ${extra.join(' ')} --url ${server.url}`;
    const env = { ...home.env, PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99' };
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const shown = new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (/Waiting for authorization/.test(out)) resolve();
      });
    });
    const closed = new Promise((resolve) => child.on('close', resolve));
    await Promise.race([shown, closed]);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await closed;
    return { out, opened: existsSync(marker) };
  }

  it.skipIf(!hasScript)('a command on a terminal without a token starts a login that prints URL + code', async () => {
    const headless = await lazyLogin(['--headless']);
    expect(headless.out).toContain(`${server.url}account/authorize/`);
    expect(headless.out).toMatch(/enter the code: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(headless.opened).toBe(false);
    // Control: without --headless the same command opens the browser.
    const browser = await lazyLogin([]);
    expect(browser.opened).toBe(true);
  });
});

describe('in-process entry point', () => {
  it('run() returns exit codes and writes to the given streams', async () => {
    const m = memoryIo();
    expect(await run(['models', 'session', '--format', 'json'], m.io, new AbortController().signal)).toBe(0);
    expect(JSON.parse(m.stdout()).name).toBe('session');
    const bad = memoryIo();
    expect(await run(['models', 'sesion'], bad.io, new AbortController().signal)).toBe(2);
    expect(bad.stderr()).toMatch(/unknown model `sesion`; did you mean `session`/);
  });
});
