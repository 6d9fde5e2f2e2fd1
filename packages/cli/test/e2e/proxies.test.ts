// The built CLI behind a forward proxy configured like Squid's default (CONNECT to port 443 only): an http://
// server at any port is reached through the proxy in absolute form, an https:// server through a CONNECT tunnel
// (`lab-server.example`, which the proxy maps to a TLS front of the local server: nothing leaves the machine), and a
// tunnel the proxy refuses is reported with the proxy's address and status (exit 6), after one attempt.
import { DEMO_USERS } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ForwardProxy, startProxy } from '../../../client/test/helpers/proxy.js';
import { LAB_CERT, startTlsFront, type TlsFront } from '../../../client/test/helpers/tls-front.js';
import { demoServerForFile, runCli } from './harness.js';

const demo = demoServerForFile();
let proxy: ForwardProxy;
let tls: TlsFront;
beforeAll(async () => {
  tls = await startTlsFront(Number(new URL(demo.server.url).port));
  proxy = await startProxy({ hosts: { 'lab-server.example:443': tls.address } });
});
afterAll(async () => {
  await proxy.close();
  await tls.close();
});

const token = DEMO_USERS.alice.token;

describe('the CLI through a forward proxy', () => {
  it('an http:// server goes through the proxy in absolute form', async () => {
    proxy.seen.length = 0;
    const r = await runCli(['load', 'project', '--url', demo.server.url, '--token', token, '--format', 'json'], {
      env: { ...demo.home.env, HTTP_PROXY: proxy.url },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).projects.length).toBeGreaterThan(0);
    const host = new URL(demo.server.url).host;
    expect(proxy.seen).toEqual([`GET http://${host}/api/private/stem/project/`]);
  });

  it('an https:// server goes through a CONNECT tunnel to port 443, token and all', async () => {
    proxy.seen.length = 0;
    const r = await runCli(
      ['load', 'project', '--url', 'https://lab-server.example/', '--token', token, '--format', 'json'],
      { env: { ...demo.home.env, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: LAB_CERT } },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).projects.length).toBeGreaterThan(0);
    expect(proxy.seen).toEqual(['CONNECT lab-server.example:443']);
  });

  it('a CONNECT the proxy refuses: exit 6, naming the proxy, its status and the variable', async () => {
    proxy.seen.length = 0;
    const https = demo.server.url.replace(/^http:/, 'https:');
    const port = new URL(demo.server.url).port;
    const r = await runCli(['load', 'project', '--url', https, '--token', token], {
      env: { ...demo.home.env, HTTPS_PROXY: proxy.url },
    });
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `The proxy ${proxy.url} (from HTTPS_PROXY) refused the tunnel to 127.0.0.1:${port} (CONNECT): 403 Forbidden.`,
    );
    expect(r.stderr).not.toContain('UND_ERR');
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${port}`]);
  });
});
