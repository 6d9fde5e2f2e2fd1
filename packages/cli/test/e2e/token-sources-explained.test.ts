// Which token a command uses, said out loud: `login` warns when an environment token differs from the one it
// cached (and so wins), a 401 names the source of the refused token and what to change there, and `status`
// speaks of `brainstem login`, not of the library's calls.
import { FileTokenStore } from 'brainstem-api-tools/node';
import { DEMO_USERS } from 'brainstem-server';
import { describe, expect, it } from 'vitest';
import { demoServerForFile, runCli, tempHome } from './harness.js';

const demo = demoServerForFile();
const good = DEMO_USERS.alice.token;
const stale = 'stale-token-0000';
const url = () => demo.server.url;

describe('token sources', () => {
  it('login --token says that a different BRAINSTEM_TOKEN will be used, and why', async () => {
    const env = { ...demo.home.env, BRAINSTEM_TOKEN: stale };
    const r = await runCli(['login', '--token', good, '--url', url()], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /later commands will use the token from environment variable BRAINSTEM_TOKEN, not this login: it differs from the token just cached and comes before the cache\. To use this login, unset BRAINSTEM_TOKEN/,
    );
    expect(r.stderr).not.toContain(stale);
    expect(r.stderr).not.toContain(good);
    // Without the variable, or with the same token in it, nothing is said.
    for (const extra of [{}, { BRAINSTEM_TOKEN: good }]) {
      const quiet = await runCli(['login', '--token', good, '--url', url()], { env: { ...demo.home.env, ...extra } });
      expect(quiet.code, quiet.stderr).toBe(0);
      expect(quiet.stderr).not.toMatch(/later commands will use/);
    }
  });

  it('a 401 names the environment variable whose token was refused', async () => {
    const r = await runCli(['whoami', '--url', url()], { env: { ...demo.home.env, BRAINSTEM_TOKEN: stale } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/The token from environment variable BRAINSTEM_TOKEN is invalid or expired/);
    expect(r.stderr).toMatch(/unset BRAINSTEM_TOKEN/);
    const api = await runCli(['whoami', '--url', url()], { env: { ...demo.home.env, BRAINSTEM_API_TOKEN: stale } });
    expect(api.stderr).toMatch(/environment variable BRAINSTEM_API_TOKEN is invalid or expired/);
  });

  it('a 401 names --token when the token came from the command line', async () => {
    const r = await runCli(['load', 'session', '--url', url(), '--token', stale], { env: demo.home.env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/The token given with --token is invalid or expired: pass a new --token/);
    expect(r.stderr).not.toMatch(/BRAINSTEM_TOKEN is invalid/);
  });

  it('status speaks CLI words about a refused token', async () => {
    for (const format of ['table', 'json']) {
      const r = await runCli(['status', '--url', url(), '--format', format], {
        env: { ...demo.home.env, BRAINSTEM_TOKEN: stale },
      });
      expect(r.code).toBe(3);
      expect(r.stdout).not.toMatch(/client\.login|await /);
      expect(r.stdout).toMatch(/brainstem login/);
      expect(r.stdout).toMatch(/environment variable BRAINSTEM_TOKEN/);
    }
  });

  it('a 401 for a cached login says to log in again', async () => {
    const other = tempHome();
    try {
      await new FileTokenStore({ ...process.env, ...other.env }).set(url(), stale);
      const r = await runCli(['whoami', '--url', url()], { env: other.env });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/The cached login token is invalid or expired: run `brainstem login --url \S+` again/);
    } finally {
      other.cleanup();
    }
  });
});
