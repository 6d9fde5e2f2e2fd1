// The default server sticks: `login --url` / `use` / `config set url` save it (config.json, 0600), later
// commands use it, BRAINSTEM_URL and --url override it; `status` reports server, source, reachability and user.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusedUrl } from '../../../client/test/helpers/http.js';
import { ensureBuilt, runCli, tempHome } from './harness.js';

let server: RunningServer;
let other: RunningServer;
let closedUrl: string;
const home = tempHome();
const env = home.env;
const configFile = join(home.home, '.config', 'brainstem', 'config.json');

beforeAll(async () => {
  ensureBuilt();
  [server, other, closedUrl] = await Promise.all([
    startServer({ port: 0, seed: 'demo', quiet: true }),
    startServer({ port: 0, seed: 'demo', quiet: true }),
    refusedUrl(),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), other?.close()]);
  home.cleanup();
});
beforeEach(async () => {
  await runCli(['logout', '--all', '--quiet'], { env });
  await runCli(['config', 'unset', 'url', '--quiet'], { env });
});

describe('default server', () => {
  it('login --url makes the server the default for later commands (file 0600)', async () => {
    const login = await runCli(['login', '--url', server.url, '--token', DEMO_USERS.alice.token], { env });
    expect(login.code).toBe(0);
    expect(login.stderr).toContain(`Default server: ${server.url}`);
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({ url: server.url });
    expect(statSync(configFile).mode & 0o777).toBe(0o600);

    const who = await runCli(['whoami', '--format', 'json'], { env });
    expect(who.code).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({ url: server.url, user: { email: DEMO_USERS.alice.email } });
    const pub = await runCli(['load', 'project', '--portal', 'public', '--fields', 'name', '--format', 'csv'], {
      env,
    });
    expect(pub.code).toBe(0);
    expect(pub.stdout).toContain('Allen Institute');
  });

  it('BRAINSTEM_URL overrides the saved default, and --url overrides both', async () => {
    await runCli(['use', server.url], { env });
    const viaEnv = await runCli(['whoami', '--format', 'json', '--token', DEMO_USERS.bob.token], {
      env: { ...env, BRAINSTEM_URL: other.url },
    });
    expect(JSON.parse(viaEnv.stdout).url).toBe(other.url);
    const viaFlag = await runCli(['whoami', '--format', 'json', '--token', DEMO_USERS.bob.token, '--url', server.url], {
      env: { ...env, BRAINSTEM_URL: other.url },
    });
    expect(JSON.parse(viaFlag.stdout).url).toBe(server.url);
    const get = await runCli(['config', 'get', 'url'], { env: { ...env, BRAINSTEM_URL: other.url } });
    expect(get.stdout).toBe(`${server.url}\n`);
    expect(get.stderr).toContain(`BRAINSTEM_URL=${other.url} is set and overrides this default`);
  });

  it('use / config get|set|unset switch and print the default; bad input exits 2 and changes nothing', async () => {
    expect((await runCli(['use'], { env })).stdout).toBe('https://www.brainstem.org/\n');
    expect((await runCli(['config', 'set', 'url', other.url], { env })).code).toBe(0);
    expect((await runCli(['use'], { env })).stdout).toBe(`${other.url}\n`);
    const bad = await runCli(['use', 'www.example.org'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('url must be an absolute http(s) URL');
    const key = await runCli(['config', 'get', 'colour'], { env });
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('unknown setting "colour"; settings: url, allow-insecure');
    expect((await runCli(['config', 'get', 'url'], { env })).stdout).toBe(`${other.url}\n`);
    expect((await runCli(['config', 'unset', 'url'], { env })).code).toBe(0);
    expect((await runCli(['config', 'get', 'url'], { env })).stdout).toBe('https://www.brainstem.org/\n');
  });
});

describe('status', () => {
  it('exit 0: server and why, reachable, user, token source', async () => {
    await runCli(['login', '--url', server.url, '--token', DEMO_USERS.alice.token], { env });
    const r = await runCli(['status'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Server:      ${server.url} (default saved in ${configFile})`);
    expect(r.stdout).toMatch(/Reachable: {3}yes, answered in \d+ ms/);
    expect(r.stdout).toContain('User:        Alice Andersen <alice@example.org>');
    expect(r.stdout).toContain('Token from:  token cache');
    expect(r.stdout).not.toContain(DEMO_USERS.alice.token);
    const j = JSON.parse((await runCli(['status', '--format', 'json'], { env })).stdout);
    expect(j).toMatchObject({ url: server.url, reachable: true, logged_in: true, token_source: 'cache' });
  });

  it('exit 3 when not logged in (server reachable), naming the login command', async () => {
    const r = await runCli(['status', '--url', server.url], { env });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Reachable:   yes');
    expect(r.stdout).toContain(`not logged in (run \`brainstem login --url ${server.url}\``);
  });

  it('exit 3 when the token is rejected', async () => {
    const r = await runCli(['status', '--url', server.url, '--token', 'bst_not_a_real_token_0000'], { env });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('User:        token rejected');
  });

  it('exit 6 when the server cannot be reached', async () => {
    const r = await runCli(['status', '--format', 'json'], { env: { ...env, BRAINSTEM_URL: closedUrl } });
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout)).toMatchObject({
      url: closedUrl,
      url_source: 'environment variable BRAINSTEM_URL',
      reachable: false,
    });
  });
});
