/**
 * The device flow and pages inside the real server (startServer, demo seed): route registration, the core's
 * JSON-only API parsing next to the pages' form parsing, and whoami accepting the issued token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDeviceSession, DEMO_USERS, findUserByEmail, type RunningServer, startServer } from '../src/index.js';
import { postJson } from './device-harness.js';
import { csrfOf, WebClient } from './web-client.js';

let server: RunningServer;
let base: string;
beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', deviceInterval: 2, quiet: true });
  base = server.url.replace(/\/$/, '');
});
afterAll(async () => {
  await server?.close();
});

describe('device login in the full server', () => {
  it('advertises the configured interval and this server in the URIs; MATLAB-style {} works', async () => {
    const r = await postJson(`${base}/api/auth/device/`, {});
    expect(r.status).toBe(200);
    expect(r.body.interval).toBe(2);
    expect(r.body.verification_uri).toBe(`${server.url}account/authorize/`);
  });

  it('issues a token the API accepts, after approval through the package export approveDeviceSession', async () => {
    const s = (await postJson(`${base}/api/auth/device/`, { client_name: 'brainstem-cli' })).body as {
      device_code: string;
      user_code: string;
    };
    const carol = findUserByEmail(server.ctx.db, DEMO_USERS.carol.email);
    expect(approveDeviceSession(server.ctx, s.user_code, carol?.id ?? -1)).toBe('ok');
    const polled = await postJson(`${base}/api/auth/device/token`, { device_code: s.device_code }); // no slash
    expect(polled.body.status).toBe('success');
    const who = await fetch(`${base}/api/auth/whoami/`, { headers: { authorization: `Bearer ${polled.body.token}` } });
    expect(((await who.json()) as { user: { email: string } }).user.email).toBe(DEMO_USERS.carol.email);
  });

  it('keeps the API JSON-only (415 for a form body) while the pages take forms', async () => {
    const api = await fetch(`${base}/api/auth/device/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_name=x',
    });
    expect(api.status).toBe(415);
    const web = new WebClient(base);
    const r = await web.signIn(DEMO_USERS.alice.email, DEMO_USERS.alice.password);
    expect(r.status).toBe(303);
    const page = await web.get('/private/users/tokens'); // without the trailing slash too
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Signed in as ${DEMO_USERS.alice.email}`);
    const created = await web.post('/private/users/tokens/', { csrfmiddlewaretoken: csrfOf(page.html), name: 'e2e' });
    expect(created.status).toBe(303); // Post/Redirect/Get: the new token is shown once on the page redirected to
  });
});
