// `.withResponse()` on every single-request call: the parsed body together with the HTTP status, headers and URL of
// the answer, against the real local server — a plain answer, and one whose embedded list the server cut (the
// X-Brainstem-Truncated-Includes header). Awaiting the call is unchanged.
import { TRUNCATED_INCLUDES_HEADER, truncatedIncludes } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIPromise,
  type BrainstemClient,
  InvalidArgumentError,
  NotFoundError,
  ValidationError,
} from '../../src/index.js';
import { clientFor, countingFetch, startDemo } from '../helpers/server.js';

/** More sessions than an embedded list holds (1,000), added to Alice's "Hippocampal place cells". */
const EXTRA_SESSIONS = 1001;
let server: Awaited<ReturnType<typeof startDemo>>;
let client: BrainstemClient;
let placeCells: string;

beforeAll(async () => {
  server = await startDemo({ seedSessions: EXTRA_SESSIONS });
  client = clientFor(server, 'alice');
  const { projects } = await client.load('project', { filters: { 'name.icontains': 'place cells' } });
  placeCells = projects[0]!.id;
});
afterAll(() => server?.close());

describe('a plain answer', () => {
  it('gives the body awaiting would give, with status 200, the JSON content type, the URL and no truncation', async () => {
    const call = client.load('session', { filters: { 'name.icontains': 'cooling' }, sort: ['name'] });
    expect(call).toBeInstanceOf(APIPromise);
    expect(call).toBeInstanceOf(Promise);
    const { data, response } = await call.withResponse();
    expect(data.sessions.map((s) => s.name)).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    expect(await call).toBe(data);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.url).toBe(
      `${server.url}api/private/stem/session/?filter%7Bname.icontains%7D=cooling&sort%5B%5D=name`,
    );
    expect(response.headers.get(TRUNCATED_INCLUDES_HEADER)).toBeNull();
    expect(truncatedIncludes(response.headers)).toEqual([]);
  });

  it('sends the request once whether it is awaited, asked for its response, or both', async () => {
    const counting = countingFetch();
    const c = clientFor(server, 'alice', { fetch: counting.fetch });
    const call = c.load('project', { id: placeCells });
    const [body, { data }] = await Promise.all([call, call.withResponse()]);
    expect(body).toBe(data);
    expect(counting.count()).toBe(1);
  });

  it('tells a create (201) from an update (200) and gives a delete its 204 with no body', async () => {
    const created = await client
      .save('session', { data: { name: 'withResponse session', projects: [placeCells] } })
      .withResponse();
    expect(created.response.status).toBe(201);
    const id = created.data.session.id;
    const updated = await client.save('session', { id, data: { description: 'changed' } }).withResponse();
    expect(updated.response.status).toBe(200);
    expect(updated.data.session.description).toBe('changed');
    const deleted = await client.delete('session', { id }).withResponse();
    expect(deleted).toEqual({ data: undefined, response: expect.objectContaining({ status: 204 }) });
    expect(await client.delete('session', { id }).catch((e) => e)).toBeInstanceOf(NotFoundError);
  });

  it('works on the aliases, a convenience loader, a named action and a raw request', async () => {
    expect((await client.loadModel('project', { portal: 'public' }).withResponse()).response.status).toBe(200);
    const loaded = await client.loadSession({ name: 'cooling', sort: ['name'] }).withResponse();
    expect(loaded.data.sessions.map((s) => s.name)).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    expect(loaded.response.url).toContain('include%5B%5D=');
    const { groups } = await client.load('group', { filters: { name: 'Christensen Lab' } });
    const joined = await client.joinGroup(groups[0]!.id).withResponse();
    expect(joined.response.status).toBe(200);
    expect(joined.data).toEqual({ detail: 'A request to join the group has been created.' });
    const raw = await client
      .request('GET', '/api/public/stem/project/', { query: 'limit=1', auth: 'none' })
      .withResponse();
    expect(raw.response.status).toBe(200);
    expect((raw.data as { projects: unknown[] }).projects).toHaveLength(1);
  });
});

describe('an answer whose embedded list was cut', () => {
  it('names the cut include in X-Brainstem-Truncated-Includes, beside the body with the first 1,000 records', async () => {
    const { data, response } = await client.load('project', { id: placeCells, include: ['sessions'] }).withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-brainstem-truncated-includes')).toBe('sessions');
    expect(truncatedIncludes(response.headers)).toEqual(['sessions']);
    expect(data.project.sessions).toHaveLength(1000);
  });

  it('the same project without the include lists every session id, and nothing is cut', async () => {
    const { data, response } = await client.load('project', { id: placeCells }).withResponse();
    expect(data.project.sessions?.length).toBeGreaterThan(EXTRA_SESSIONS);
    expect(truncatedIncludes(response.headers)).toEqual([]);
  });
});

describe('failures', () => {
  it('reject withResponse() with the error awaiting gives: a server error, and bad input before any request', async () => {
    const counting = countingFetch();
    const c = clientFor(server, 'alice', { fetch: counting.fetch });
    const missing = await c
      .load('session', { id: '00000000-0000-4000-8000-000000000000' })
      .withResponse()
      .catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.status).toBe(404);
    const invalid = await c
      .save('session', { data: { name: '', projects: [] } })
      .withResponse()
      .catch((e) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(counting.count()).toBe(2);
    // A misspelt filter: the call returns a promise that rejects, nothing is sent.
    const call = c.load('session', { filters: { 'nme.icontains': 'x' } as never });
    const bad = await call.withResponse().catch((e) => e);
    expect(bad).toBeInstanceOf(InvalidArgumentError);
    expect(bad.message).toContain('nme.icontains');
    expect(await call.catch((e) => e)).toBe(bad);
    expect(await c.loadSession({ nmae: 'x' } as never).catch((e) => e)).toBeInstanceOf(InvalidArgumentError);
    expect(await c.action('session', 'not-a-uuid', 'join').catch((e) => e)).toBeInstanceOf(InvalidArgumentError);
    expect(counting.count()).toBe(2);
  });
});
