/**
 * Absolute URLs in responses (API roots, a list's `next`, the device flow's `verification_uri`, the landing page's
 * JSON) all start with the origin the client reached: the Host header when it is a plain host[:port], the socket's
 * address when it is not.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
let port: number;
beforeAll(async () => {
  c = await demoServer();
  port = c.server.port;
});
afterAll(() => c.close());

// biome-ignore lint/suspicious/noExplicitAny: tests index into arbitrary JSON responses
type Json = any;

/** A request over loopback with a Host header of our choosing; resolves with the parsed JSON body. */
function withHost(method: string, path: string, host: string, body?: string): Promise<{ status: number; json: Json }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, authorization: `Bearer ${DEMO_USERS.alice.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (chunk) => {
        data += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Every absolute URL a response carries, for each place that builds one. */
async function absoluteUrls(host: string): Promise<string[]> {
  const root = await withHost('GET', '/api/private/', host);
  const list = await withHost('GET', '/api/private/stem/session/?limit=1', host);
  const device = await withHost('POST', '/api/auth/device/', host, '{}');
  const landing = await withHost('GET', '/', host);
  expect([root.status, list.status, device.status, landing.status]).toEqual([200, 200, 200, 200]);
  return [
    root.json.session,
    list.json.next,
    device.json.verification_uri,
    device.json.verification_uri_complete,
    landing.json.api,
  ];
}

describe('the origin of absolute URLs', () => {
  it('is the Host the client used, in every response that carries one', async () => {
    const urls = await absoluteUrls(`localhost:${port}`);
    expect(urls).toHaveLength(5);
    for (const url of urls) expect(url).toMatch(new RegExp(`^http://localhost:${port}/`));
  });

  it('is the socket address when the Host header is not a plain host[:port]', async () => {
    const urls = await absoluteUrls('evil.example/"><x y');
    expect(urls).toHaveLength(5);
    for (const url of urls) expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/`));
  });
});
