/** The `brainstem-server` process: the one stdout line, demo tokens on stderr, SIGTERM/SIGINT close cleanly. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, isLoopback } from '../src/index.js';

const bin = join(import.meta.dirname, '../src/bin.ts');
const root = join(import.meta.dirname, '../../..');

function start(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/\S+\/)\n/.exec(stdout);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, out: () => stdout, err: () => stderr };
}

describe('brainstem-server', () => {
  it.each([
    'SIGTERM',
    'SIGINT',
  ] as const)('prints exactly one stdout line, serves, and exits 0 on %s', async (signal) => {
    const p = start(['--port', '0', '--seed', 'demo']);
    const url = await p.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(p.out()).toBe(`BrainSTEM API server listening on ${url}\n`);
    expect(p.err()).toContain(DEMO_USERS.alice.token);
    const r = await fetch(`${url}api/private/stem/project/`, {
      headers: { Authorization: `Bearer ${DEMO_USERS.bob.token}` },
    });
    expect(r.status).toBe(200);
    p.child.kill(signal);
    expect(await p.exited).toBe(0);
    expect(p.out().split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('rejects bad flags with exit code 2 and a message naming them', async () => {
    for (const args of [
      ['--port', 'abc'],
      ['--fault-rate', '2'],
      ['--seed', 'lots'],
      ['--bogus'],
      ['--device-interval', '0'],
      ['--device-interval', '0.5'],
    ]) {
      const p = start(args);
      await expect(p.ready).rejects.toThrow();
      expect(await p.exited).toBe(2);
      expect(p.err()).toMatch(
        args[0] === '--bogus'
          ? /bogus/
          : args[0] === '--device-interval'
            ? /[dD]evice-?[iI]nterval/
            : new RegExp(args[0]?.slice(2).split('-')[0] ?? ''),
      );
    }
  });

  it('knows which hosts are loopback (non-loopback binds print a warning)', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.5')).toBe(false);
  });
});
