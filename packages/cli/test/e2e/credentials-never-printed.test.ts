// Against a server that echoes request headers, bodies and the bare token in its errors (the echo server of the
// client's test helpers: something the BrainSTEM server never does), `brainstem` prints no credential on stdout or
// stderr, with or without --debug: not the token (from --token or BRAINSTEM_TOKEN), the password, or the device code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECHO_DEVICE_CODE, ECHO_MODEL_STATUS, startEchoServer } from '../../../client/test/helpers/echo-server.js';
import type { LocalServer } from '../../../client/test/helpers/http.js';
import { ensureBuilt, runCli, tempHome } from './harness.js';

const TOKEN = 'tok-9b3e7d1f5a2c';
const PASSWORD = 'pw-battery-staple-42';
const home = tempHome();
let srv: LocalServer;

beforeAll(async () => {
  ensureBuilt();
  srv = await startEchoServer();
});
afterAll(async () => {
  await srv?.close();
  home.cleanup();
});

const run = (args: string[], env: Record<string, string> = {}, stdin?: string) =>
  runCli([...args, '--url', srv.url], {
    env: { ...home.env, ...env },
    timeoutMs: 60_000,
    ...(stdin !== undefined ? { stdin } : {}),
  });

describe('brainstem against a server that echoes the token in its errors', () => {
  const cases = Object.entries(ECHO_MODEL_STATUS).flatMap(([model, status]) =>
    [false, true].map((debug) => ({ model, status, debug })),
  );
  it.each(cases)('load $model ($status), debug $debug: the token is printed nowhere', async ({ model, debug }) => {
    const r = await run(['load', model, '--token', TOKEN, ...(debug ? ['--debug'] : [])]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^brainstem: /m);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it.each([false, true])('whoami with BRAINSTEM_TOKEN, debug %s: the token is printed nowhere', async (debug) => {
    const r = await run(['whoami', ...(debug ? ['--debug'] : [])], { BRAINSTEM_TOKEN: TOKEN });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('--debug prints the echoed body, with the token replaced', async () => {
    const r = await run(['load', 'project', '--token', TOKEN, '--debug']);
    expect(r.stderr).toContain('response body: ');
    expect(r.stderr).toContain('[REDACTED]');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });
});

describe('brainstem login against a server that echoes what it was sent', () => {
  it.each([false, true])('login --password, debug %s: the password is printed nowhere', async (debug) => {
    const r = await run(
      ['login', '--password', '--email', 'alice@example.org', ...(debug ? ['--debug'] : [])],
      {},
      `${PASSWORD}\n`,
    );
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it.each([false, true])('login --headless, debug %s: the device code is printed nowhere', async (debug) => {
    const r = await run(['login', '--headless', ...(debug ? ['--debug'] : [])]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('ABCD-EFGH');
    expect(r.stdout + r.stderr).not.toContain(ECHO_DEVICE_CODE);
  });

  it.each([false, true])('login --token, debug %s: the token is printed nowhere', async (debug) => {
    const r = await run(['login', '--token', TOKEN, ...(debug ? ['--debug'] : [])]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });
});
