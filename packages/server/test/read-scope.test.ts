/** Rendered records show only the related ids the caller may read, whatever was cached for someone else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('id lists are scoped to what the caller may read', () => {
  it('the public portal shows neither private project ids nor private datastorage ids', async () => {
    const pub = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'scope-pub', is_public: true } }))
      .body.project;
    const priv = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'scope-priv' } })).body.project;
    const ds = (
      await c.req('POST', 'api/private/personal_attributes/datastorage/', {
        body: { name: 'scope-ds', is_public: false },
      })
    ).body.datastorage;
    const s = (
      await c.req('POST', 'api/private/stem/session/', {
        body: { name: 'scope-s', projects: [pub.id, priv.id], datastorage: [ds.id] },
      })
    ).body.session;
    // Warm the record cache through the private portal first: the cached rendering must not leak.
    expect((await c.get(`api/private/stem/session/${s.id}/`)).body.session.projects).toEqual([pub.id, priv.id]);
    expect((await c.get('api/private/stem/session/?filter{name}=scope-s')).body.sessions[0].datastorage).toEqual([
      ds.id,
    ]);
    for (let i = 0; i < 2; i++) {
      const detail = await c.get(`api/public/stem/session/${s.id}/`, null);
      expect(detail.status).toBe(200);
      expect(detail.body.session.projects).toEqual([pub.id]);
      expect(detail.body.session.datastorage).toEqual([]);
      const list = await c.get('api/public/stem/session/?filter{name}=scope-s', null);
      expect(list.body.sessions[0].projects).toEqual([pub.id]);
      expect(list.body.sessions[0].datastorage).toEqual([]);
    }
    const users = await c.get('api/public/users/user/?limit=100', null);
    const all = users.body.users.flatMap((u: { active_projects: string[] }) => u.active_projects);
    expect(all).toContain(pub.id);
    expect(all).not.toContain(priv.id);
    // Bob, in neither project, cannot read the session through the private portal: the private project's id
    // never reaches him.
    const bob = await c.get(`api/private/stem/session/${s.id}/`, 'bob');
    expect(bob.status).toBe(404);
    expect(bob.text).not.toContain(priv.id);
  });
});
