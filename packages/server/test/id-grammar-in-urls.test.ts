/**
 * A record URL's id follows the id grammar of the API description (`parseId`, `idJsonSchema`), which the client
 * applies too: an id the client would refuse names no record on the server either — 404, as an unknown id is,
 * before any permission check, with the grammar's sentence the client says.
 */
import { idProblem } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

const USERS = 'api/private/users/user/';

async function firstUserId(): Promise<number> {
  const r = await c.get(`${USERS}?limit=1`);
  expect(r.status).toBe(200);
  return r.body.users[0].id as number;
}

describe('integer ids in record URLs', () => {
  it('answer the record for its digits', async () => {
    const id = await firstUserId();
    expect((await c.get(`${USERS}${id}/`)).status).toBe(200);
  });

  it('are 404 with a leading zero, as the client refuses them', async () => {
    const id = await firstUserId();
    const r = await c.get(`${USERS}0${id}/`);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ detail: idProblem('user', `0${id}`) });
    expect(r.body.detail).toMatch(/without leading zeros/);
  });

  it('are 404 for zero and for a change, before the permission check', async () => {
    expect((await c.get(`${USERS}0/`)).status).toBe(404);
    const id = await firstUserId();
    const r = await c.req('PATCH', `${USERS}0${id}/`, { as: 'bob', body: { first_name: 'x' } });
    expect(r.status).toBe(404);
  });
});

describe('UUID ids in record URLs', () => {
  it('are 404 when not a UUID', async () => {
    const r = await c.get('api/private/stem/session/not-a-uuid/');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ detail: idProblem('session', 'not-a-uuid') });
    expect(r.body.detail).toMatch(/must be a UUID/);
  });
});
