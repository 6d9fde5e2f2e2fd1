/** Validation per the docs' field tables, DRF-shaped errors, and no partial writes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../src/index.js';
import { demoServer, type TestClient, UNKNOWN_UUID } from './helpers.js';

let c: TestClient;
let placeCells: string;
let carolProject: string;
let subjectId: string;
beforeAll(async () => {
  c = await demoServer();
  placeCells = (await c.get(`api/private/stem/project/?filter{name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}`))
    .body.projects[0].id;
  carolProject = (await c.get('api/private/stem/project/', 'carol')).body.projects[0].id;
  subjectId = (await c.get('api/private/stem/subject/?filter{name}=PC-M01')).body.subjects[0].id;
});
afterAll(() => c.close());

const post = (path: string, body: unknown) => c.req('POST', path, { body });
const session = (extra: Record<string, unknown>) =>
  post('api/private/stem/session/', { name: `v-${Math.random()}`, projects: [placeCells], ...extra });

describe('field rules', () => {
  it('required fields on POST and PUT, not on PATCH', async () => {
    const r = await post('api/private/stem/session/', {});
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ name: ['This field is required.'], projects: ['This field is required.'] });
    const ok = await session({});
    const put = await c.req('PUT', `api/private/stem/session/${ok.body.session.id}/`, { body: { description: 'x' } });
    expect(put.status).toBe(400);
    expect(Object.keys(put.body).sort()).toEqual(['name', 'projects']);
    const patch = await c.req('PATCH', `api/private/stem/session/${ok.body.session.id}/`, {
      body: { description: 'x' },
    });
    expect(patch.status).toBe(200);
  });

  it('requiredOnCreateOnly: subject name/sex needed on POST, not on PUT', async () => {
    const strain = (await c.get('api/private/taxonomies/strain/?filter{name}=C57BL/6J')).body.strains[0].id;
    const r = await post('api/private/stem/subject/', { projects: [placeCells], strain });
    expect(Object.keys(r.body).sort()).toEqual(['name', 'sex']);
    const put = await c.req('PUT', `api/private/stem/subject/${subjectId}/`, {
      body: { projects: [placeCells], strain },
    });
    expect(put.status).toBe(200);
    expect(put.body.subject.name).toBe('PC-M01');
  });

  it('PUT replaces: optional fields left out go back to their defaults', async () => {
    const s = await session({ description: 'before', tags: ['a'] });
    const put = await c.req('PUT', `api/private/stem/session/${s.body.session.id}/`, {
      body: { name: s.body.session.name, projects: [placeCells], description: 'after' },
    });
    expect(put.status).toBe(200);
    expect(put.body.session.description).toBe('after');
    expect(put.body.session.tags).toEqual([]);
  });

  it('max length, blank, null', async () => {
    const r = await session({ name: 'x'.repeat(101) });
    expect(r.body).toEqual({ name: ['Ensure this field has no more than 100 characters.'] });
    expect((await session({ name: '' })).body).toEqual({ name: ['This field may not be blank.'] });
    expect((await session({ name: null })).body).toEqual({ name: ['This field may not be null.'] });
    expect((await session({ name: 'x'.repeat(100) })).status).toBe(201);
  });

  it('unique', async () => {
    const r = await session({ name: 'PC-M01_2024-03-01' });
    expect(r.status).toBe(400);
    expect(r.body.name[0]).toMatch(/already exists/);
    const p = await post('api/private/stem/project/', { name: DEMO_PROJECTS.carol });
    expect(p.body.name[0]).toMatch(/project with this name already exists/);
  });

  it('enum choices', async () => {
    const r = await post('api/private/modules/subjectlog/', { type: 'Dancing', subject: subjectId });
    expect(r.body.type[0]).toMatch(/^"Dancing" is not a valid choice\. Choices: FoodConsumption, .*, Wellness\.$/);
  });

  it('types: integers, booleans, dates, date-times, lists, strings', async () => {
    const b = await post('api/private/stem/breeding/', {
      name: 'b',
      project: placeCells,
      mother: subjectId,
      father: subjectId,
      litter_size: 'many',
      birth_date: '2024-13-01',
      tags: 'x',
    });
    expect(b.body).toMatchObject({
      litter_size: ['A valid integer is required.'],
      birth_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'],
      tags: ['Expected a list of items but got type "str".'],
    });
    expect((await session({ date_time: 'yesterday' })).body.date_time[0]).toMatch(/Datetime has wrong format/);
    expect((await post('api/private/stem/project/', { name: 'bool', is_public: 'perhaps' })).body).toEqual({
      is_public: ['Must be a valid boolean.'],
    });
    expect((await session({ description: { a: 1 } })).body).toEqual({ description: ['Not a valid string.'] });
    expect((await session({ projects: placeCells })).body.projects[0]).toMatch(/Expected a list/);
  });

  it('relations must exist, be UUIDs and be visible to the caller', async () => {
    expect((await session({ projects: [UNKNOWN_UUID] })).body.projects[0]).toMatch(/object does not exist/);
    expect((await session({ projects: ['not-a-uuid'] })).body.projects[0]).toMatch(/not a valid UUID/);
    // Carol's project exists but Alice cannot see it: same answer as a missing one.
    expect((await session({ projects: [carolProject] })).body.projects[0]).toMatch(/object does not exist/);
    expect((await session({ projects: [] })).body).toEqual({ projects: ['This list may not be empty.'] });
  });

  it('extra_fields: key pattern and scalar values', async () => {
    expect((await session({ extra_fields: { ok_key: 1, other: 'x' } })).status).toBe(201);
    expect((await session({ extra_fields: { '1bad': 1 } })).body.extra_fields[0]).toMatch(/Invalid key "1bad"/);
    expect((await session({ extra_fields: { 'bad-key': 1 } })).body.extra_fields[0]).toMatch(/bad-key/);
    expect((await session({ extra_fields: { nested: { a: 1 } } })).body.extra_fields[0]).toMatch(/strings or numbers/);
    expect((await session({ extra_fields: [1] })).body.extra_fields[0]).toMatch(/dictionary/);
  });

  it('download_links: repository enum and URL scheme', async () => {
    const ok = await session({ download_links: [{ repository: 'Zenodo', url: 'ftp://files.example.org/x' }] });
    expect(ok.status).toBe(201);
    expect(ok.body.session.download_links).toEqual([{ repository: 'Zenodo', url: 'ftp://files.example.org/x' }]);
    const bad = await session({ download_links: [{ repository: 'Dropbox', url: 'dandiarchive.org/x' }] });
    expect(bad.body.download_links.join(' ')).toMatch(/Dropbox.*not a valid repository/);
    expect(bad.body.download_links.join(' ')).toMatch(/must start with http/);
    expect((await session({ download_links: {} })).body.download_links[0]).toMatch(/Expected a list/);
  });

  it('read-only fields are ignored; write-once fields are ignored on update; unknown keys are ignored', async () => {
    const s = await session({
      id: UNKNOWN_UUID,
      behaviors: [UNKNOWN_UUID],
      name_used_in_storage: 'hack',
      colour: 'blue',
    });
    expect(s.status).toBe(201);
    expect(s.body.session.id).not.toBe(UNKNOWN_UUID);
    expect(s.body.session.behaviors).toEqual([]);
    expect(s.body.session.name_used_in_storage).toBe(s.body.session.name);
    expect(s.body.session).not.toHaveProperty('colour');
    const log = await post('api/private/modules/subjectlog/', {
      type: 'Weighing',
      subject: subjectId,
      user: 99,
      entries: [{ x: 1 }],
    });
    expect(log.status).toBe(201);
    expect(log.body.subject_log).toMatchObject({ user: 1, entries: [] });
    const changed = await c.req('PATCH', `api/private/modules/subjectlog/${log.body.subject_log.id}/`, {
      body: { type: 'Housing', description: 'd' },
    });
    expect(changed.body.subject_log).toMatchObject({ type: 'Weighing', description: 'd' });
  });

  it('a whole list response PATCHed back with a new description changes only description', async () => {
    const list = await c.get(`api/private/stem/project/?filter{name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}`);
    const record = { ...list.body.projects[0], description: 'updated via recipe' };
    const r = await c.req('PATCH', `api/private/stem/project/${record.id}/`, { body: record });
    expect(r.status).toBe(200);
    expect(r.body.project).toEqual(record);
    // Bob (a read-only member) sending the record back unchanged is not a change either… but a new description is.
    const asBob = await c.req('PATCH', `api/private/stem/project/${record.id}/`, {
      as: 'bob',
      body: { ...record, description: 'bob' },
    });
    expect(asBob.status).toBe(403);
  });

  it('a non-object body is a non_field_errors 400', async () => {
    for (const body of [[], 'text', 42, null]) {
      const r = await post('api/private/stem/session/', body);
      expect(r.status).toBe(400);
      expect(r.body.non_field_errors[0]).toMatch(/Expected a dictionary/);
    }
  });
});

describe('malformed requests', () => {
  it('malformed JSON is 400 {"detail"}', async () => {
    const r = await c.req('POST', 'api/private/stem/session/', { raw: '{"name": ' });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/JSON parse error/);
  });

  it('non-JSON content types are 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await c.req('POST', 'api/private/stem/session/', { raw: 'name=x', contentType: type });
      expect(r.status, type).toBe(415);
      expect(r.body.detail).toMatch(/[Uu]nsupported media type/);
    }
  });

  it('an invalid write leaves nothing behind', async () => {
    const before = (await c.get('api/private/stem/session/?limit=1')).body.count;
    // projects valid, datastorage invalid: the session row must not be written alone.
    const r = await session({ datastorage: [UNKNOWN_UUID] });
    expect(r.status).toBe(400);
    expect((await c.get('api/private/stem/session/?limit=1')).body.count).toBe(before);
  });
});
