/** The `brainstem-server` process: the one stdout line, demo tokens on stderr, SIGTERM/SIGINT close cleanly. */
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, isLoopback } from '../src/index.js';
import { spawnServer } from './server-process.js';

describe('brainstem-server', () => {
  it.each([
    'SIGTERM',
    'SIGINT',
  ] as const)('prints exactly one stdout line, serves, and exits 0 on %s', async (signal) => {
    const p = spawnServer(['--port', '0', '--seed', 'demo']);
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
      const p = spawnServer(args);
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
