// Credentials over plain http to a host that is not loopback: the token, a password and a device login are refused
// with InsecureTransportError before anything is sent, unless `allowInsecure: true`. The host is a name
// (`lab-server.example`) that a forward proxy on loopback maps to the local server, so nothing leaves the machine
// and the proxy's log shows what was sent.
import type { RunningServer } from 'brainstem-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrainstemClient, InsecureTransportError } from '../../src/node.js';
import { type ForwardProxy, startProxy } from '../helpers/proxy.js';
import { DEMO_USERS, startDemo } from '../helpers/server.js';

const LAB = 'http://lab-server.example:8000/';
const { alice } = DEMO_USERS;
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy };

let server: RunningServer;
let proxy: ForwardProxy;
beforeAll(async () => {
  server = await startDemo();
  proxy = await startProxy({ hosts: { 'lab-server.example:8000': `127.0.0.1:${new URL(server.url).port}` } });
  delete process.env.http_proxy;
  process.env.HTTP_PROXY = proxy.url;
});
afterEach(() => {
  proxy.seen.length = 0;
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  await proxy.close();
  await server.close();
});

const client = (opts: { allowInsecure?: boolean; token?: string } = {}) =>
  new BrainstemClient({ url: LAB, tokenStore: null, interactive: false, ...opts });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as InsecureTransportError,
  );

describe('credentials over plain http to a non-loopback host', () => {
  it('a token, a password and a device login are refused before anything is sent', async () => {
    const token = await refusal(client({ token: alice.token }).load('project'));
    expect(token).toBeInstanceOf(InsecureTransportError);
    expect(token).toMatchObject({ host: 'lab-server.example:8000', credential: 'token' });
    expect(token.message).toContain('pass allowInsecure: true');

    const password = await refusal(
      client().login({ method: 'password', email: alice.email, password: alice.password }),
    );
    expect(password).toMatchObject({ credential: 'password' });
    expect(password.message).toMatch(
      /^Refusing to send your password over plain http:\/\/ to lab-server\.example:8000/,
    );

    const device = await refusal(client().login({ headless: true, onVerification: () => {} }));
    expect(device).toMatchObject({ credential: 'device' });

    const checked = await refusal(client().login({ method: 'token', token: alice.token, save: false }));
    expect(checked).toMatchObject({ credential: 'token' });
    expect(proxy.seen).toEqual([]);
  });

  it('allowInsecure: true lets the password login and the token through', async () => {
    const c = client({ allowInsecure: true });
    const { token } = await c.login({ method: 'password', email: alice.email, password: alice.password, save: false });
    expect(token).toBeTruthy();
    const { projects } = await c.load('project');
    expect(projects.length).toBeGreaterThan(0);
    expect(proxy.seen).toEqual([
      'POST http://lab-server.example:8000/api/token/',
      'GET http://lab-server.example:8000/api/private/stem/project/',
    ]);
  });

  it('anonymous public reads need no allowInsecure', async () => {
    const { projects } = await client().load('project', { portal: 'public' });
    expect(projects.length).toBeGreaterThan(0);
    expect(proxy.seen).toEqual(['GET http://lab-server.example:8000/api/public/stem/project/']);
  });
});
