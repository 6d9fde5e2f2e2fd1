// A proxy that refuses a request is named in the error, with its status and the variable that set it: a CONNECT to
// a port the proxy does not allow (Squid's default: 443 only), a proxy that wants credentials (407), a proxy that
// answers 502 to CONNECT. Nothing reaches the server, and a refusal is not retried.
import type { RunningServer } from 'brainstem-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrainstemClient, ConnectionError } from '../../src/node.js';
import { type ForwardProxy, startProxy } from '../helpers/proxy.js';
import { DEMO_USERS, startDemo } from '../helpers/server.js';

const VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
function setEnv(vars: Record<string, string>) {
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, vars);
}

let server: RunningServer;
let squid: ForwardProxy;
let wantsCredentials: ForwardProxy;
let broken: ForwardProxy;
beforeAll(async () => {
  server = await startDemo();
  squid = await startProxy();
  wantsCredentials = await startProxy({ refuseAll: 407 });
  broken = await startProxy({ refuseAll: 502 });
});
afterEach(() => {
  setEnv({});
  for (const p of [squid, wantsCredentials, broken]) p.seen.length = 0;
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  await Promise.all([squid, wantsCredentials, broken].map((p) => p.close()));
  await server.close();
});

/** The local server's port, asked for over https: a proxy sees `CONNECT 127.0.0.1:<port>`. */
const httpsUrl = () => server.url.replace(/^http:/, 'https:');
const port = () => new URL(server.url).port;
const client = (url: string) =>
  new BrainstemClient({ url, token: DEMO_USERS.alice.token, tokenStore: null, interactive: false });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as ConnectionError,
  );

describe('a proxy that refuses', () => {
  it('CONNECT to a port other than 443: the error names the status, the proxy and HTTPS_PROXY; no retry', async () => {
    setEnv({ HTTPS_PROXY: squid.url });
    const err = await failure(client(httpsUrl()).load('project'));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.message).toContain(
      `The proxy ${squid.url} (from HTTPS_PROXY) refused the tunnel to 127.0.0.1:${port()} (CONNECT): 403 Forbidden.`,
    );
    expect(err.message).not.toContain('UND_ERR_ABORTED');
    expect(err.attempts).toBe(1);
    expect(squid.seen).toEqual([`CONNECT 127.0.0.1:${port()}`]);
  });

  it('an https target falls back to HTTP_PROXY, and the error says so', async () => {
    setEnv({ http_proxy: squid.url });
    const err = await failure(client(httpsUrl()).load('project'));
    expect(err.message).toContain(`The proxy ${squid.url} (from http_proxy) refused the tunnel`);
  });

  it('407 to an absolute-form request: the error says the proxy wants credentials', async () => {
    setEnv({ HTTP_PROXY: wantsCredentials.url });
    const err = await failure(client(server.url).load('project'));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.message).toContain(
      `The proxy ${wantsCredentials.url} (from HTTP_PROXY) refused the request: 407 Proxy Authentication Required.`,
    );
    expect(err.message).toContain('add a user name and password to the proxy URL in HTTP_PROXY');
    expect(err.attempts).toBe(1);
    expect(wantsCredentials.seen).toEqual([expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/api\//)]);
  });

  it('407 and 502 to CONNECT are reported with their status', async () => {
    setEnv({ HTTPS_PROXY: wantsCredentials.url });
    expect((await failure(client(httpsUrl()).load('project'))).message).toContain(
      '(CONNECT): 407 Proxy Authentication Required.',
    );
    setEnv({ HTTPS_PROXY: broken.url });
    const err = await failure(client(httpsUrl()).load('project'));
    expect(err.message).toContain(`The proxy ${broken.url} (from HTTPS_PROXY) refused the tunnel`);
    expect(err.message).toContain('(CONNECT): 502 Bad Gateway.');
  });

  it('credentials in the proxy URL never appear in the error', async () => {
    const withCredentials = squid.url.replace('http://', 'http://me:s3cret@');
    setEnv({ HTTPS_PROXY: withCredentials });
    const err = await failure(client(httpsUrl()).load('project'));
    expect(err.message).toContain(`The proxy ${squid.url} (from HTTPS_PROXY)`);
    expect(err.message).not.toContain('s3cret');
  });
});
