/**
 * Permissions are checked before the body is read (DRF checks `has_permission` / `has_object_permission` before the
 * serializer runs): a caller without the right gets 403 whatever the body holds — invalid fields, malformed JSON
 * or a valid body alike — and an anonymous caller on the private portal gets 401 before its body is parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

async function firstId(path: string, filter = ''): Promise<string | number> {
  const r = await c.get(`${path}?limit=1${filter}`, 'reviewer');
  const key = Object.keys(r.body).find((k) => Array.isArray(r.body[k])) as string;
  return r.body[key][0].id;
}

const INVALID = { name: 12, acronym: ['x'.repeat(5000)], email: 'not an email', title: { no: 'object' } };

describe('a staff-only model (brain regions)', () => {
  const path = 'api/private/taxonomies/brainregion/';

  it('refuses a non-staff create with an invalid body: 403, not field errors', async () => {
    const r = await c.req('POST', path, { as: 'alice', body: INVALID });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'Only administrators can change this model.' });
  });

  it('refuses a non-staff create with malformed JSON: 403, not a parse error', async () => {
    const r = await c.req('POST', path, { as: 'alice', raw: '{"name": ' });
    expect(r.status).toBe(403);
  });

  it('refuses a non-staff change with an invalid body: 403', async () => {
    const id = await firstId(path);
    const r = await c.req('PATCH', `${path}${id}/`, { as: 'alice', body: INVALID });
    expect(r.status).toBe(403);
  });

  it('still validates the body of staff', async () => {
    const r = await c.req('POST', path, { as: 'reviewer', body: {} });
    expect(r.status).toBe(400);
    expect(r.body.name).toEqual(['This field is required.']);
  });
});

describe('object rules that need no body', () => {
  it("another user's profile: 403 for an invalid body", async () => {
    const alice = await firstId('api/private/users/user/', '&filter{email}=alice@example.org');
    const r = await c.req('PATCH', `api/private/users/user/${alice}/`, { as: 'bob', body: { email: 'not an email' } });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'Users can only change their own profiles.' });
  });

  it("someone else's publication: 403 for an invalid body", async () => {
    const paper = await firstId('api/private/dissemination/publication/');
    const r = await c.req('PATCH', `api/private/dissemination/publication/${paper}/`, {
      as: 'bob',
      body: { title: { not: 'a string' } },
    });
    expect(r.status).toBe(403);
  });

  it('the creator of the publication gets the field errors', async () => {
    const paper = await firstId('api/private/dissemination/publication/');
    const r = await c.req('PATCH', `api/private/dissemination/publication/${paper}/`, {
      as: 'alice',
      body: { title: { not: 'a string' } },
    });
    expect(r.status).toBe(400);
    expect(r.body).toHaveProperty('title');
  });
});

describe('authentication comes first', () => {
  it('anonymous malformed JSON on the private portal is 401, not a parse error', async () => {
    const r = await c.req('POST', 'api/private/stem/project/', { as: null, raw: '{"name": ' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('an authenticated caller with the right still gets the parse error', async () => {
    const r = await c.req('POST', 'api/private/stem/project/', { as: 'alice', raw: '{"name": ' });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/^JSON parse error/);
  });
});
