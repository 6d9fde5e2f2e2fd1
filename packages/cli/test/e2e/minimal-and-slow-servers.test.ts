// load against servers that make it harder: one that sends no count/next, one that answers too slowly.
import { DEMO_USERS, startServer } from 'brainstem-server';
import { describe, expect, it } from 'vitest';
import { demoServerForFile, runCli } from './harness.js';

const ALICE = DEMO_USERS.alice.token;
const demo = demoServerForFile({ seedSessions: 120 });
const { home } = demo;

describe('servers', () => {
  it('--all works against a server that sends no count/next (stops at the first short page)', async () => {
    const minimal = await startServer({ port: 0, seed: 'demo', seedSessions: 120, pagination: 'minimal', quiet: true });
    try {
      const full = JSON.parse(
        (await runCli(['load', 'session', '--all', '--url', demo.server.url, '--token', ALICE], { env: home.env }))
          .stdout,
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
