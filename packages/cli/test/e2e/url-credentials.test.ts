// `--url http://user:<token>@host/` is refused as a usage error, and the token is printed nowhere (not with
// --debug, not by whoami/login, not from BRAINSTEM_URL).
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempHome } from './harness.js';

const token = DEMO_USERS.alice.token;
let server: RunningServer;
let withToken: string;
const home = tempHome();

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
  withToken = server.url.replace('http://', `http://alice:${token}@`);
});
afterAll(async () => {
  await server?.close();
  home.cleanup();
});

describe('credentials in --url', () => {
  it.each([
    'load session --debug',
    'whoami',
    'login --headless',
    'login --token bst_other',
  ])('brainstem %s refuses the URL with exit code 2 and never prints the token', async (command) => {
    const r = await runCli([...command.split(' '), '--url', withToken], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('url must not contain a user name or password');
    expect(r.stderr).toContain(`http://***@127.0.0.1:${server.port}/`);
    expect(r.stderr + r.stdout).not.toContain(token);
  });

  it('refuses BRAINSTEM_URL with credentials the same way', async () => {
    const r = await runCli(['load', 'project', '--debug'], { env: { ...home.env, BRAINSTEM_URL: withToken } });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).not.toContain(token);
  });

  it('does not echo credentials of a URL that does not parse', async () => {
    const r = await runCli(['load', 'project', '--url', `http://alice:${token}@[bad/`, '--debug'], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).not.toContain(token);
  });
});
