// Output as it reaches its reader: ndjson records stream while pages load, JSON is indented on a terminal, and a
// reader closing the pipe ends the command quietly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEMO_USERS, startServer } from 'brainstem-server';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, demoServerForFile, runShell, sh } from './harness.js';

const hasScript = existsSync('/usr/bin/script');
const ALICE = DEMO_USERS.alice.token;
const demo = demoServerForFile({ seedSessions: 120 });
const { home } = demo;

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
    const cmd = `${sh(process.execPath)} ${sh(BIN)} load project --limit 1 --url ${demo.server.url} --token ${ALICE}`;
    const r = await runShell(`script -qec ${sh(cmd)} /dev/null`, { env: home.env });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^\{\r?\n {2}"projects": \[/);
    expect(r.stdout).not.toContain(ALICE);
  });

  it('stops quietly when the reader closes the pipe (| head -n 1)', async () => {
    const cmd = `${sh(process.execPath)} ${sh(BIN)} load session --all --format ndjson --url ${demo.server.url} --token ${ALICE} | head -n 1`;
    const r = await runShell(cmd, { env: home.env });
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});
