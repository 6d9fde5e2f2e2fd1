// The Node entry honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and the lower-case forms): requests to the real local
// server pass through a forward proxy on loopback (http:// targets in absolute form, as curl sends them), or go
// direct when NO_PROXY names the host.
import type { RunningServer } from 'brainstem-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrainstemClient, proxyConfigured } from '../../src/node.js';
import { type ForwardProxy, startProxy } from '../helpers/proxy.js';
import { DEMO_USERS, startDemo } from '../helpers/server.js';

const VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
function setEnv(vars: Record<string, string>) {
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, vars);
}

let server: RunningServer;
let proxy: ForwardProxy;
beforeAll(async () => {
  server = await startDemo({ seedSessions: 250 });
  proxy = await startProxy();
});
afterEach(() => {
  setEnv({});
  proxy.seen.length = 0;
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  await proxy.close();
  await server.close();
});

const client = () =>
  new BrainstemClient({ url: server.url, token: DEMO_USERS.alice.token, tokenStore: null, interactive: false });
const host = () => new URL(server.url).host;

describe('proxies from the environment', () => {
  for (const name of ['HTTP_PROXY', 'http_proxy']) {
    it(`${name}: every request goes through the proxy`, async () => {
      setEnv({ [name]: proxy.url });
      expect(proxyConfigured()).toBe(true);
      const all = await client().loadAll('session');
      expect(all.sessions.length).toBeGreaterThan(250);
      expect(proxy.seen.length).toBeGreaterThan(0);
      // An http:// target goes to the proxy in absolute form, never through CONNECT (which this proxy, like
      // Squid, allows to port 443 only).
      for (const line of proxy.seen) expect(line).toMatch(new RegExp(`^GET http://${host()}/api/`));
    });
  }

  it('NO_PROXY naming the host sends requests direct', async () => {
    setEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    const { sessions } = await client().load('session', { limit: 5 });
    expect(sessions).toHaveLength(5);
    expect(proxy.seen).toEqual([]);
    setEnv({ http_proxy: proxy.url, no_proxy: `example.org,${host()}` });
    await client().load('session', { limit: 5 });
    expect(proxy.seen).toEqual([]);
  });

  it('without proxy variables nothing passes through the proxy', async () => {
    expect(proxyConfigured()).toBe(false);
    await client().load('session', { limit: 5 });
    expect(proxy.seen).toEqual([]);
  });

  it('HTTPS_PROXY alone applies to https only: plain http goes direct', async () => {
    setEnv({ HTTPS_PROXY: proxy.url });
    await client().load('session', { limit: 5 });
    expect(proxy.seen).toEqual([]);
  });
});
