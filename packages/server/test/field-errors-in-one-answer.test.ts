/**
 * One 400 names every invalid field, whether the route's body schema refused it (types, lengths, choices) or a
 * check the schema cannot make did (a relation that does not exist), as DRF's serializer reports all fields.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoServer, type TestClient, UNKNOWN_UUID } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

it('reports a schema-refused field and an unknown relation together', async () => {
  const r = await c.req('POST', 'api/private/stem/session/', {
    body: { name: ['not', 'a', 'string'], projects: [UNKNOWN_UUID] },
  });
  expect(r.status).toBe(400);
  expect(r.body).toEqual({
    name: ['Not a valid string.'],
    projects: [`Invalid pk "${UNKNOWN_UUID}" - object does not exist.`],
  });
});

it('reports a missing required field beside a wrong type', async () => {
  const r = await c.req('POST', 'api/private/stem/session/', { body: { projects: 'one' } });
  expect(r.status).toBe(400);
  expect(r.body).toEqual({
    name: ['This field is required.'],
    projects: ['Expected a list of items but got type "str".'],
  });
});

it('lists the fields in the model’s order, whichever check refused each', async () => {
  // The body schema refuses the empty project list, a check after it the blank name: DRF names `name` first.
  const r = await c.req('POST', 'api/private/stem/session/', { body: { name: '', projects: [] } });
  expect(r.status).toBe(400);
  expect(Object.keys(r.body)).toEqual(['name', 'projects']);
});
