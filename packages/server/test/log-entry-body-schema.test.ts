/**
 * The log-entry actions (`add_entry`, `change_entry`, `remove_entry`) validate their bodies with the route's JSON
 * Schema (actions/entry-schema.ts): a malformed entry is a DRF-style 400 naming the field, raised by the route's
 * schema hook before the handler, after the permission check; the OpenAPI document files that very schema object.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { openApiDocument, openApiPath } from '../src/openapi/document.js';
import { registeredRoutes } from '../src/routes/registered.js';
import { demoServer, type Res, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

const logOf = async (model: 'subjectlog' | 'procedurelog', type: string) => {
  const key = model === 'subjectlog' ? 'subject_logs' : 'procedure_logs';
  const log = (await c.get(`api/private/modules/${model}/?filter{type}=${type}`)).body[key][0];
  return { url: `api/private/modules/${model}/${log.id}`, key: key.replace(/s$/, ''), entries: log.entries };
};
const patch = (url: string, action: string, body: unknown, as?: 'alice' | 'bob' | 'carol'): Promise<Res> =>
  c.req('PATCH', `${url}/${action}/`, { body, ...(as ? { as } : {}) });

describe('a malformed entry body is refused by the route schema', () => {
  it('names each field whose value has the wrong type, in DRF wording, and leaves the log as it was', async () => {
    const log = await logOf('subjectlog', 'Weighing');
    const r = await patch(log.url, 'add_entry', { date_time: 20240303, notes: 7 });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      date_time: [
        'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
      ],
      notes: ['Not a valid string.'],
    });
    expect((await c.get(log.url.replace(/$/, '/'))).body.subject_log.entries).toEqual(log.entries);
  });

  it('refuses a body that is not an object before the handler reads it', async () => {
    const log = await logOf('procedurelog', 'Impedances');
    const r = await patch(log.url, 'add_entry', [{ date_time: '2024-03-01T08:00:00Z' }]);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  });

  it('says a null date-time may not be null, and notes longer than 500 characters are too long', async () => {
    const log = await logOf('procedurelog', 'Impedances');
    const r = await patch(log.url, 'change_entry', { date_time: null, notes: 'n'.repeat(501) });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      date_time: ['This field may not be null.'],
      notes: ['Ensure this field has no more than 500 characters.'],
    });
  });

  it('names the fields of the shape the log type takes, not those of the other shape', async () => {
    const housing = await logOf('subjectlog', 'Housing');
    expect((await patch(housing.url, 'add_entry', { notes: 'x' })).body).toEqual({
      start_date_time: ['This field is required.'],
      end_date_time: ['This field is required.'],
    });
    const weighing = await logOf('subjectlog', 'Weighing');
    expect((await patch(weighing.url, 'add_entry', { notes: 'x' })).body).toEqual({
      date_time: ['This field is required.'],
    });
  });
});

describe('permission before body', () => {
  const bodies: [string, unknown][] = [
    ['a list', [1, 2]],
    ['wrong types', { date_time: 5, notes: 7 }],
    ['no fields', {}],
  ];
  it.each(bodies)('a read-only member gets 403 whatever the body (%s)', async (_what, body) => {
    const log = await logOf('subjectlog', 'Weighing');
    expect((await patch(log.url, 'add_entry', body, 'bob')).status).toBe(403);
  });

  it.each(bodies)('a caller who cannot read the log gets 404 whatever the body (%s)', async (_what, body) => {
    const log = await logOf('subjectlog', 'Weighing');
    expect((await c.get(`${log.url}/`, 'carol')).status).toBe(404);
    expect((await patch(log.url, 'remove_entry', body, 'carol')).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildApp({ seed: 'demo', quiet: true }));
  });
  afterAll(() => app.close());

  it("files add_entry's request body as the very schema object its route validates with", () => {
    const doc = openApiDocument();
    const route = registeredRoutes(app).find(
      (r) => r.method === 'PATCH' && r.url === '/api/private/modules/subjectlog/:id/add_entry',
    );
    const body = (route?.schema as { body?: unknown } | undefined)?.body;
    expect(body).toBeDefined();
    const op = doc.paths[openApiPath('/api/private/modules/subjectlog/:id/add_entry')]?.patch as {
      requestBody: { content: { 'application/json': { schema: { $ref: string } } } };
    };
    const name = op.requestBody.content['application/json'].schema.$ref.split('/').pop() as string;
    expect((doc.components as { schemas: Record<string, unknown> }).schemas[name]).toBe(body);
  });
});
