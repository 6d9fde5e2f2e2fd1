/**
 * Token authentication on the public portal, as DRF's `TokenAuthentication` answers on any view: no token is
 * anonymous, a valid token reads the same public data, a Bearer token that is not valid is 401 — on the public
 * portal as on the private one — so a client with an expired token learns it instead of silently reading less.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

const get = (path: string, authorization?: string) =>
  fetch(c.url + path, { headers: authorization ? { Authorization: authorization } : {} });

describe.each(['public', 'private'])('the %s portal', (portal) => {
  it('answers 401 {"detail": "Invalid token."} for an invalid Bearer token', async () => {
    const res = await get(`api/${portal}/stem/project/`, 'Bearer not-a-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toEqual({ detail: 'Invalid token.' });
  });

  it('answers 401 for a revoked-looking token on a record route too', async () => {
    const res = await get(
      `api/${portal}/stem/project/00000000-0000-4000-8000-000000000000/`,
      `Bearer ${DEMO_USERS.alice.token}x`,
    );
    expect(res.status).toBe(401);
  });

  it('answers 200 for a valid token', async () => {
    const res = await get(`api/${portal}/stem/project/`, `Bearer ${DEMO_USERS.alice.token}`);
    expect(res.status).toBe(200);
  });
});

describe('the public portal without a token', () => {
  it('is anonymous: 200', async () => {
    const res = await get('api/public/stem/project/');
    expect(res.status).toBe(200);
  });

  it('reads the same records with and without a valid token', async () => {
    const anonymous = await (await get('api/public/stem/project/')).json();
    const withToken = await (await get('api/public/stem/project/', `Bearer ${DEMO_USERS.alice.token}`)).json();
    expect(withToken).toEqual(anonymous);
  });
});
