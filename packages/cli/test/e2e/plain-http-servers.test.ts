// A lab server on plain http, reached under a name that is not loopback (`lab-server.example`, which a forward
// proxy on loopback maps to the local server: nothing leaves the machine). Without `--allow-insecure` or the saved
// per-server setting, the token, a password and a device login are refused before anything is sent (the proxy sees
// nothing) and the message names the flag and the config command; with either, every command works. Loopback
// needs neither.
import { DEMO_USERS } from 'brainstem-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ForwardProxy, startProxy } from '../../../client/test/helpers/proxy.js';
import { demoServerForFile, runCli } from './harness.js';

const demo = demoServerForFile();
const LAB = 'http://lab-server.example:8000/';
const { alice } = DEMO_USERS;
let proxy: ForwardProxy;
beforeAll(async () => {
  proxy = await startProxy({ hosts: { 'lab-server.example:8000': `127.0.0.1:${new URL(demo.server.url).port}` } });
});
afterAll(async () => {
  await proxy.close();
});
beforeEach(() => {
  proxy.seen.length = 0;
});

const env = () => ({ ...demo.home.env, HTTP_PROXY: proxy.url });
const cli = (args: string[], stdin?: string) => runCli(args, { env: env(), ...(stdin ? { stdin } : {}) });
const CONFIG_COMMAND = `brainstem config set allow-insecure true --url ${LAB}`;

describe('a non-loopback http:// server without --allow-insecure', () => {
  it('a command with a token is refused, naming the flag and the config command; nothing is sent', async () => {
    const r = await cli(['load', 'project', '--url', LAB, '--token', alice.token]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Refusing to send the API token over plain http:// to lab-server.example:8000');
    expect(r.stderr).toContain('pass --allow-insecure');
    expect(r.stderr).toContain(CONFIG_COMMAND);
    expect(r.stderr).not.toContain('allowInsecure');
    expect(proxy.seen).toEqual([]);
  });

  it('password login is refused before the password is asked for or sent', async () => {
    const r = await cli(['login', '--password', '--email', alice.email, '--url', LAB], `${alice.password}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Refusing to send your password over plain http:// to lab-server.example:8000');
    expect(r.stderr).toContain(CONFIG_COMMAND);
    expect(r.stderr).not.toContain('Password:');
    expect(proxy.seen).toEqual([]);
  });

  it('device login is refused before it starts', async () => {
    const r = await cli(['login', '--headless', '--url', LAB]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Refusing to receive a token from a device login over plain http://');
    expect(r.stderr).toContain(CONFIG_COMMAND);
    expect(proxy.seen).toEqual([]);
  });

  it('token login (--token) is refused before the token is checked', async () => {
    const r = await cli(['login', '--token', alice.token, '--url', LAB]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Refusing to send the API token over plain http://');
    expect(proxy.seen).toEqual([]);
  });

  it('loopback over http needs no flag', async () => {
    const r = await cli(['load', 'project', '--url', demo.server.url, '--token', alice.token, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).projects.length).toBeGreaterThan(0);
  });
});

describe('plain http on purpose', () => {
  it('--allow-insecure: the command goes through (via the proxy, to the lab server)', async () => {
    const r = await cli(['load', 'project', '--url', LAB, '--token', alice.token, '--allow-insecure', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).projects.length).toBeGreaterThan(0);
    expect(proxy.seen).toEqual(['GET http://lab-server.example:8000/api/private/stem/project/']);
  });

  it('the saved setting for the server: password login, then every command, until it is unset', async () => {
    const set = await cli(['config', 'set', 'allow-insecure', 'true', '--url', LAB]);
    expect(set.code, set.stderr).toBe(0);
    expect((await cli(['config', 'get', 'allow-insecure', '--url', LAB])).stdout).toBe('true\n');
    // Another server keeps the default.
    expect((await cli(['config', 'get', 'allow-insecure', '--url', 'http://other.example/'])).stdout).toBe('false\n');

    const login = await cli(['login', '--password', '--email', alice.email, '--url', LAB], `${alice.password}\n`);
    expect(login.code, login.stderr).toBe(0);
    expect(proxy.seen).toContain('POST http://lab-server.example:8000/api/token/');

    // The cached token, the saved default server (login --url) and the saved setting: no flag on any command.
    const whoami = await cli(['whoami']);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.stdout).toContain(alice.email);
    const saved = await cli(['save', 'project', '--data', '{"name":"lab over http"}', '--format', 'json']);
    expect(saved.code, saved.stderr).toBe(0);
    const id = JSON.parse(saved.stdout).project.id as string;
    const loaded = await cli(['load', 'project', '--id', id, '--format', 'json']);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout).project.name).toBe('lab over http');
    const all = await cli(['load', 'project', '--all', '--format', 'ndjson']);
    expect(all.code, all.stderr).toBe(0);
    const deleted = await cli(['delete', 'project', '--id', id]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(proxy.seen.every((line) => line.includes('http://lab-server.example:8000/'))).toBe(true);

    const unset = await cli(['config', 'unset', 'allow-insecure', '--url', LAB]);
    expect(unset.code, unset.stderr).toBe(0);
    proxy.seen.length = 0;
    const refused = await cli(['load', 'project']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(CONFIG_COMMAND);
    expect(proxy.seen).toEqual([]);
  });

  it('config set allow-insecure takes true or false only', async () => {
    const r = await cli(['config', 'set', 'allow-insecure', 'yes please', '--url', LAB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('allow-insecure must be true or false, got "yes please"');
  });
});
