/** Deleting a record deletes what depends on it and unlinks what merely refers to it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('deleting a project', () => {
  it('deletes sessions/subjects whose only project it was and frees their names; others just lose the link', async () => {
    const p1 = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'del-p1' } })).body.project;
    const p2 = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'del-p2' } })).body.project;
    const only = (await c.req('POST', 'api/private/stem/session/', { body: { name: 'del-s1', projects: [p1.id] } }))
      .body.session;
    const both = (
      await c.req('POST', 'api/private/stem/session/', { body: { name: 'del-s2', projects: [p1.id, p2.id] } })
    ).body.session;
    const subj = await c.req('POST', 'api/private/stem/subject/', {
      body: {
        name: 'del-m1',
        projects: [p1.id],
        sex: 'M',
        strain: (await c.get('api/private/taxonomies/strain/')).body.strains[0].id,
      },
    });
    expect((await c.req('DELETE', `api/private/stem/project/${p1.id}/`)).status).toBe(204);
    expect((await c.get(`api/private/stem/session/${only.id}/`)).status).toBe(404);
    expect(subj.status).toBe(201);
    expect((await c.get(`api/private/stem/subject/${subj.body.subject.id}/`)).status).toBe(404);
    const kept = await c.get(`api/private/stem/session/${both.id}/`);
    expect(kept.status).toBe(200);
    expect(kept.body.session.projects).toEqual([p2.id]);
    // The name of the deleted session is free again.
    const again = await c.req('POST', 'api/private/stem/session/', { body: { name: 'del-s1', projects: [p2.id] } });
    expect(again.status).toBe(201);
  });
});
