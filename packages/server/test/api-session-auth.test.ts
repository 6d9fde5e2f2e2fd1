/**
 * The website's sign-in cookie authenticates API requests (DRF's SessionAuthentication): safe methods with the
 * cookie alone; unsafe ones only with the session's CSRF token and a same-origin Origin/Referer. A Bearer token
 * wins over the cookie, and a request with neither stays 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { csrfOf, WebClient } from './web-client.js';

let server: RunningServer;
let base: string;
let alice: WebClient;
let csrf: string;

beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
  base = server.url.replace(/\/$/, '');
  alice = new WebClient(base);
  expect((await alice.signIn(DEMO_USERS.alice.email, DEMO_USERS.alice.password)).status).toBe(303);
  csrf = csrfOf((await alice.get('/private/users/tokens/')).html);
});
afterAll(async () => {
  await server?.close();
});

const cookie = () => [...alice.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('the sign-in cookie on the API', () => {
  it('reads the private portal as the signed-in user with the cookie alone', async () => {
    const viaCookie = await send('GET', '/api/private/stem/project/', { cookie: cookie() });
    const viaToken = await send('GET', '/api/private/stem/project/', {
      authorization: `Bearer ${DEMO_USERS.alice.token}`,
    });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body).toEqual(viaToken.body);
    expect(viaCookie.body.projects.length).toBeGreaterThan(0);
  });

  it('refuses an unsafe request without the CSRF token with 403 in DRF words, and writes nothing', async () => {
    const res = await send(
      'POST',
      '/api/private/stem/project/',
      { cookie: cookie(), origin: base },
      {
        name: 'csrf-less',
      },
    );
    expect(res).toEqual({ status: 403, body: { detail: 'CSRF Failed: CSRF token missing.' } });
    const wrong = await send(
      'POST',
      '/api/private/stem/project/',
      { cookie: cookie(), origin: base, 'x-csrftoken': 'not-the-token' },
      { name: 'csrf-less' },
    );
    expect(wrong).toEqual({ status: 403, body: { detail: 'CSRF Failed: CSRF token incorrect.' } });
    const list = await send('GET', '/api/private/stem/project/?filter{name}=csrf-less', { cookie: cookie() });
    expect(list.body.projects).toEqual([]);
  });

  it('refuses the CSRF token from another origin, and without Origin or Referer', async () => {
    const headers = { cookie: cookie(), 'x-csrftoken': csrf };
    const cross = await send(
      'POST',
      '/api/private/stem/project/',
      { ...headers, origin: 'http://evil.example' },
      {
        name: 'cross-origin',
      },
    );
    expect(cross).toEqual({
      status: 403,
      body: { detail: 'CSRF Failed: Origin checking failed - http://evil.example does not match any trusted origins.' },
    });
    const badReferer = await send(
      'POST',
      '/api/private/stem/project/',
      { ...headers, referer: 'http://evil.example/page' },
      { name: 'cross-origin' },
    );
    expect(badReferer.status).toBe(403);
    expect(badReferer.body.detail).toMatch(/^CSRF Failed: Referer checking failed/);
    const none = await send('POST', '/api/private/stem/project/', headers, { name: 'cross-origin' });
    expect(none).toEqual({ status: 403, body: { detail: 'CSRF Failed: Referer checking failed - no Referer.' } });
  });

  it('writes with the CSRF token and a same-origin Origin or Referer, as the signed-in user', async () => {
    const headers = { cookie: cookie(), 'x-csrftoken': csrf };
    const made = await send(
      'POST',
      '/api/private/stem/project/',
      { ...headers, origin: base },
      {
        name: 'made-in-the-browser',
      },
    );
    expect(made.status).toBe(201);
    const id = made.body.project.id;
    const patched = await send(
      'PATCH',
      `/api/private/stem/project/${id}/`,
      { ...headers, referer: `${base}/x` },
      {
        description: 'patched by cookie',
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.project.description).toBe('patched by cookie');
    // Bob cannot see it: the permissions were Alice's.
    const asBob = await send('GET', `/api/private/stem/project/${id}/`, {
      authorization: `Bearer ${DEMO_USERS.bob.token}`,
    });
    expect(asBob.status).toBe(404);
  });

  it('lets a Bearer token win over the cookie, needing no CSRF token', async () => {
    // Bob's token with Alice's cookie acts as Bob: Alice's project is not his to read.
    const mine = await send('GET', '/api/private/stem/project/', { cookie: cookie() });
    const id = mine.body.projects[0].id;
    const asBob = await send('GET', `/api/private/stem/project/${id}/`, {
      cookie: cookie(),
      authorization: `Bearer ${DEMO_USERS.bob.token}`,
    });
    const bobAlone = await send('GET', `/api/private/stem/project/${id}/`, {
      authorization: `Bearer ${DEMO_USERS.bob.token}`,
    });
    expect(asBob).toEqual(bobAlone);
    const bad = await send('GET', '/api/private/stem/project/', { cookie: cookie(), authorization: 'Bearer nope' });
    expect(bad).toEqual({ status: 401, body: { detail: 'Invalid token.' } });
    const write = await send(
      'POST',
      '/api/private/stem/project/',
      { cookie: cookie(), authorization: `Bearer ${DEMO_USERS.alice.token}`, origin: 'http://evil.example' },
      { name: 'token-write' },
    );
    expect(write.status).toBe(201);
  });

  it('answers 401 with neither, with an anonymous cookie, and after sign-out; the public portal stays open', async () => {
    const anonymous = new WebClient(base);
    await anonymous.get('/', { accept: 'text/html' });
    const anonCookie = [...anonymous.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect(anonCookie).toMatch(/brainstem_session=/);
    for (const headers of [{}, { cookie: anonCookie }] as Record<string, string>[]) {
      expect(await send('GET', '/api/private/stem/project/', headers)).toEqual({
        status: 401,
        body: { detail: 'Authentication credentials were not provided.' },
      });
    }
    expect((await send('GET', '/api/public/stem/project/', { cookie: anonCookie })).status).toBe(200);
    const other = new WebClient(base);
    await other.signIn(DEMO_USERS.bob.email, DEMO_USERS.bob.password);
    const bobCookie = [...other.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await send('GET', '/api/private/stem/project/', { cookie: bobCookie })).status).toBe(200);
    const page = await other.get('/private/users/tokens/');
    await other.post('/account/logout/', { csrfmiddlewaretoken: csrfOf(page.html) });
    expect((await send('GET', '/api/private/stem/project/', { cookie: bobCookie })).status).toBe(401);
  });
});
