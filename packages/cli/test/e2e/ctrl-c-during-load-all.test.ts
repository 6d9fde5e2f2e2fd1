// Ctrl-C during `load --all`: exit 130 and one "interrupted" line in every format, the progress bar erased before
// it, and, when records were streamed, a resume command that runs as pasted and fetches exactly the rest.
import { spawn } from 'node:child_process';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { memoryIo } from '../helpers.js';
import { BIN, cleanEnv, ensureBuilt, runShell, sh, tempHome } from './harness.js';

const home = tempHome();
const token = DEMO_USERS.alice.token;
let slow: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  // Every response takes 250 ms: a walk of 1,000 sessions is still going when the test presses Ctrl-C.
  slow = await startServer({ port: 0, seed: 'demo', seedSessions: 1000, latency: 250, quiet: true });
}, 60_000);
afterAll(async () => {
  await slow?.close();
  home.cleanup();
});

/**
 * Spawn the CLI, press Ctrl-C once stdout has `afterBytes` (or `afterMs` after the server saw its first request),
 * and collect the outcome.
 */
function interruptCli(
  args: string[],
  when: { afterBytes?: number; afterMs?: number },
  env: Record<string, string> = {},
) {
  const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv({ ...home.env, ...env }) });
  let stdout = '';
  let stderr = '';
  let sent = false;
  const press = () => {
    if (!sent) {
      sent = true;
      child.kill('SIGINT');
    }
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    if (when.afterBytes !== undefined && stdout.length >= when.afterBytes) press();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  if (when.afterMs !== undefined) {
    const ms = when.afterMs;
    slow.app.server.once('request', () => setTimeout(press, ms));
  }
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string; sent: boolean }>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, sent });
    });
  });
}

const walk = () => ['load', 'session', '--all', '--sort', 'name', '--url', slow.url];

describe('Ctrl-C during load --all', () => {
  it.each([['json'], ['csv'], ['table']])('%s (buffered): exit 130, one line, no error text', async (format) => {
    const r = await interruptCli([...walk(), '--format', format], { afterMs: 200 }, { BRAINSTEM_TOKEN: token });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toBe('brainstem: interrupted\n');
    expect(r.stdout).toBe('');
  });

  it.each([
    ['ndjson', ['--format', 'ndjson']],
    ['csv --fields', ['--format', 'csv', '--fields', 'id,name']],
  ])(
    '%s (streamed): exit 130 and a resume command that fetches exactly the rest',
    async (_, format) => {
      const r = await interruptCli([...walk(), ...format], { afterBytes: 1 }, { BRAINSTEM_TOKEN: token });
      expect(r.code, r.stderr).toBe(130);
      expect(r.stderr).not.toMatch(/aborted/i);
      const lines = r.stderr.split('\n');
      expect(lines[0]).toMatch(
        /^brainstem: interrupted; output holds the records before offset \d+\. Fetch the rest with:$/,
      );
      const command = (lines[1] as string).trim();
      expect(command).not.toContain('…');
      expect(command).toMatch(/^brainstem load session --all --offset \d+ --sort name --url /);
      // Paste it: the rest, appended to what was written, is the whole list, each record once.
      const rest = await runShell(`${sh(process.execPath)} ${sh(BIN)} ${command.slice('brainstem '.length)}`, {
        env: { ...home.env, BRAINSTEM_TOKEN: token },
        timeoutMs: 30_000,
      });
      expect(rest.code, rest.stderr).toBe(0);
      const full = await runShell(`${sh(process.execPath)} ${sh(BIN)} ${[...walk(), ...format].map(sh).join(' ')}`, {
        env: { ...home.env, BRAINSTEM_TOKEN: token },
        timeoutMs: 30_000,
      });
      const body = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('id,'));
      expect([...body(r.stdout), ...body(rest.stdout)]).toEqual(body(full.stdout));
      expect(body(r.stdout).length).toBeGreaterThan(0);
    },
    60_000,
  );

  it('the resume command leaves out --token and says so', async () => {
    const r = await interruptCli([...walk(), '--format', 'ndjson', '--token', token], { afterBytes: 1 });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).not.toContain(token);
    expect(r.stderr).toContain('--token is left out');
  });

  it('a drawn progress bar is erased before the interrupted line', async () => {
    for (const format of ['ndjson', 'json']) {
      const m = memoryIo({ stderrTTY: true });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 700);
      const code = await run([...walk(), '--format', format, '--token', token], m.io, controller.signal);
      expect(code, format).toBe(130);
      const err = m.stderr();
      expect(err, format).toMatch(/▏/);
      // Everything after the last erase is the message, starting a line of its own.
      const after = err.slice(err.lastIndexOf('\r\x1b[K') + 4);
      expect(after, format).toMatch(/^brainstem: interrupted/);
    }
  });
});
