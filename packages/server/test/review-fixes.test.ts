/** Defects from the server review (issues 3 and 4): each test fails without its fix. */
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
    // Bob cannot read the private project either.
    const bob = await c.get(`api/private/stem/session/${s.id}/`, 'bob');
    if (bob.status === 200) expect(bob.body.session.projects).not.toContain(priv.id);
  });
});

describe('max lengths count characters (code points), as Django does', () => {
  it('a 100-emoji session name is accepted, 101 is not; device client_name likewise', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'len-p' } })).body.project;
    const ok = await c.req('POST', 'api/private/stem/session/', { body: { name: '🐭'.repeat(100), projects: [p.id] } });
    expect(ok.status).toBe(201);
    expect(ok.body.session.name).toBe('🐭'.repeat(100));
    const tooLong = await c.req('POST', 'api/private/stem/session/', {
      body: { name: '🐭'.repeat(101), projects: [p.id] },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.name[0]).toMatch(/no more than 100 characters/);
    const device = await c.req('POST', 'api/auth/device/', { as: null, body: { client_name: '🐭'.repeat(200) } });
    expect(device.status).toBe(200);
    const deviceLong = await c.req('POST', 'api/auth/device/', { as: null, body: { client_name: '🐭'.repeat(201) } });
    expect(deviceLong.status).toBe(400);
  });
});

describe('impossible date-times', () => {
  it('2024-02-30T10:00:00Z and 25:00 are 400 naming the field, not rolled over', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'dt-p' } })).body.project;
    for (const bad of ['2024-02-30T10:00:00Z', '2023-02-29T10:00:00Z', '2024-01-01T25:00:00Z', '2024-01-01T10:61Z']) {
      const r = await c.req('POST', 'api/private/stem/session/', {
        body: { name: `dt-${bad}`, projects: [p.id], date_time: bad },
      });
      expect(r.status, bad).toBe(400);
      expect(r.body.date_time[0]).toMatch(/Datetime has wrong format/);
    }
    const ok = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'dt-ok', projects: [p.id], date_time: '2024-02-29T10:00:00+01:00' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.session.date_time).toBe('2024-02-29T09:00:00Z');
  });
});

describe('unparseable filter values', () => {
  it('date, datetime and uuid filters answer 400 naming the filter', async () => {
    for (const q of [
      'filter{id}=not-a-uuid',
      'filter{id.in}=not-a-uuid',
      'filter{projects.id}=nope',
      'filter{date_time.gte}=yesterday',
      'filter{date_time.lt}=2024-02-30T10:00:00Z',
    ]) {
      const r = await c.get(`api/private/stem/session/?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.detail, q).toContain(q.slice(0, q.indexOf('=')));
    }
    const date = await c.get('api/private/stem/breeding/?filter{birth_date}=2024-13-01');
    expect(date.status).toBe(400);
    expect(date.body.detail).toContain('filter{birth_date}');
    expect((await c.get('api/private/stem/breeding/?filter{birth_date.gte}=2024-02-29')).status).toBe(200);
    // Valid values still filter; a date is midnight UTC for a date-time filter.
    expect((await c.get('api/private/stem/session/?filter{date_time.gte}=2000-01-01')).status).toBe(200);
    expect((await c.get('api/private/stem/session/?filter{id}=00000000-0000-4000-8000-000000000000')).body.count).toBe(
      0,
    );
  });
});

describe('user email', () => {
  it('rejects blank, null, invalid and case-duplicate emails; stores them lower-case', async () => {
    const bob = (await c.get('api/auth/whoami/', 'bob')).body.user;
    const path = `api/private/users/user/${bob.id}/`;
    for (const [email, msg] of [
      ['', /may not be blank/],
      [null, /may not be null/],
      ['not-an-email', /valid email/],
      ['ALICE@example.org', /already exists/],
      [' Alice@Example.ORG ', /already exists/],
    ] as const) {
      const r = await c.req('PATCH', path, { as: 'bob', body: { email } });
      expect(r.status, String(email)).toBe(400);
      expect(r.body.email[0], String(email)).toMatch(msg);
    }
    const ok = await c.req('PATCH', path, { as: 'bob', body: { email: 'Bob.Builder@Example.org' } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe('bob.builder@example.org');
    expect((await c.get('api/auth/whoami/', 'bob')).body.user.email).toBe('bob.builder@example.org');
    // Alice still signs in as herself.
    expect((await c.get('api/auth/whoami/', 'alice')).body.user.email).toBe('alice@example.org');
  });
});

describe('group names', () => {
  it('are unique regardless of case and at most 150 characters', async () => {
    const dup = await c.req('POST', 'api/private/users/group/', { as: 'bob', body: { name: 'andersen LAB' } });
    expect(dup.status).toBe(400);
    expect(dup.body.name[0]).toMatch(/already exists/);
    const long = await c.req('POST', 'api/private/users/group/', { as: 'bob', body: { name: 'g'.repeat(151) } });
    expect(long.status).toBe(400);
    expect(long.body.name[0]).toMatch(/no more than 150 characters/);
    const g = await c.req('POST', 'api/private/users/group/', { as: 'bob', body: { name: 'g'.repeat(150) } });
    expect(g.status).toBe(201);
    // Renaming to its own name (other case) is fine; to another group's name is not.
    const id = g.body.group.id;
    expect(
      (await c.req('PATCH', `api/private/users/group/${id}/`, { as: 'bob', body: { name: 'G'.repeat(150) } })).status,
    ).toBe(200);
    const clash = await c.req('PATCH', `api/private/users/group/${id}/`, {
      as: 'bob',
      body: { name: 'Christensen lab' },
    });
    expect(clash.status).toBe(400);
  });
});

describe('approvals of deleted records', () => {
  it('accepting a Change whose record was deleted is 400 and re-creates nothing; rejecting still works', async () => {
    const sp = (
      await c.req('POST', 'api/private/taxonomies/species/', { as: 'reviewer', body: { name: 'Gone-species' } })
    ).body;
    const id = (sp.species ?? sp.species_approval)?.id;
    let speciesId = sp.species?.id as string | undefined;
    if (!speciesId) {
      await c.req('PATCH', `api/private/taxonomies/speciesapproval/${id}/accept/`, { as: 'reviewer' });
      speciesId = (await c.get('api/private/taxonomies/species/?filter{name}=Gone-species')).body.species[0].id;
    }
    const change = await c.req('PATCH', `api/private/taxonomies/species/${speciesId}/`, {
      as: 'carol',
      body: { description: 'late change' },
    });
    const approvalId = change.body.species_approval.id;
    expect((await c.req('DELETE', `api/private/taxonomies/species/${speciesId}/`, { as: 'reviewer' })).status).toBe(
      204,
    );
    const acc = await c.req('PATCH', `api/private/taxonomies/speciesapproval/${approvalId}/accept/`, {
      as: 'reviewer',
    });
    expect(acc.status).toBe(400);
    expect(acc.body.detail).toMatch(/no longer exists/);
    expect((await c.get('api/private/taxonomies/species/?filter{name}=Gone-species')).body.count).toBe(0);
    const rej = await c.req('PATCH', `api/private/taxonomies/speciesapproval/${approvalId}/reject/`, {
      as: 'reviewer',
    });
    expect(rej.body.species_approval.status).toBe('Rejected');
  });
});

describe('extra_fields values', () => {
  it('only strings and finite numbers; Infinity (1e400), null and booleans are 400 naming the key', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'xf-p' } })).body.project;
    for (const [raw, key] of [
      ['{"big":1e400}', 'big'],
      ['{"nothing":null}', 'nothing'],
      ['{"flag":true}', 'flag'],
      ['{"nested":{"a":1}}', 'nested'],
    ]) {
      const r = await c.req('POST', 'api/private/stem/session/', {
        raw: `{"name":"xf-s","projects":["${p.id}"],"extra_fields":${raw}}`,
      });
      expect(r.status, raw).toBe(400);
      expect(r.body.extra_fields[0], raw).toContain(`"${key}"`);
    }
    const ok = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'xf-s', projects: [p.id], extra_fields: { a: 'x', b: 1.5, c: -2 } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.session.extra_fields).toEqual({ a: 'x', b: 1.5, c: -2 });
  });
});

describe('text that cannot be stored', () => {
  it('NUL characters and lone surrogates are 400; null for a non-nullable optional string is 400', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'txt-p' } })).body.project;
    const nul = await c.req('POST', 'api/private/stem/session/', {
      raw: `{"name":"a\\u0000b","projects":["${p.id}"]}`,
    });
    expect(nul.status).toBe(400);
    expect(nul.body.name).toEqual(['Null characters are not allowed.']);
    const lone = await c.req('POST', 'api/private/stem/session/', {
      raw: `{"name":"ok-lone","description":"x\\ud800y","projects":["${p.id}"],"tags":["t\\u0000"]}`,
    });
    expect(lone.status).toBe(400);
    expect(lone.body.description[0]).toMatch(/surrogate/);
    expect(lone.body.tags).toEqual(['Null characters are not allowed.']);
    const nulled = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'txt-null', projects: [p.id], description: null },
    });
    expect(nulled.status).toBe(400);
    expect(nulled.body.description).toEqual(['This field may not be null.']);
    // A surrogate pair (an emoji) is fine.
    const ok = await c.req('POST', 'api/private/stem/session/', {
      raw: `{"name":"txt-\\ud83d\\udc2d","projects":["${p.id}"]}`,
    });
    expect(ok.status).toBe(201);
  });
});

describe('framework errors keep the DRF shape', () => {
  it('bad percent-encoding is 400 {detail}; an over-long request line is 431 {detail}', async () => {
    const bad = await c.get('api/private/stem/session/%E0%A4%A/');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(['detail']);
    expect(bad.body.detail).toMatch(/percent-encoding/);
    const huge = await c.get(`api/private/stem/session/?filter{name.in}=${'x,'.repeat(20_000)}`);
    expect(huge.status).toBe(431);
    expect(Object.keys(huge.body)).toEqual(['detail']);
  });
});

describe('no JavaScript wording in errors', () => {
  it('an empty JSON POST names each required field; a download link without url says url is required', async () => {
    const empty = await c.req('POST', 'api/private/stem/session/', { raw: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ name: ['This field is required.'], projects: ['This field is required.'] });
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'js-p' } })).body.project;
    const link = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'js-s', projects: [p.id], download_links: [{ repository: 'DANDI' }] },
    });
    expect(link.status).toBe(400);
    expect(link.text).not.toMatch(/undefined/);
    expect(link.body.download_links.join(' ')).toMatch(/url: This field is required\./);
  });
});

describe('messages say what is wrong', () => {
  it('a private-only action on the public portal names the action; an unknown field behind a relation names it', async () => {
    const join = await c.get('api/public/users/group/1/join/', null);
    expect(join.body.detail).toMatch(/"join" action of group is not available on the public portal/);
    const f = await c.get('api/private/stem/session/?filter{behaviors.name}=x');
    expect(f.status).toBe(400);
    expect(f.body.detail).toMatch(/Unknown field "name" on behavior in filter\{behaviors\.name\}/);
    expect(f.body.detail).not.toMatch(/operator/);
    // A real operator typo on a plain field still says operator.
    expect((await c.get('api/private/stem/session/?filter{name.icontain}=x')).body.detail).toMatch(/operator/);
  });
});

describe('query parameters', () => {
  it('an unknown parameter is 400 naming it (curl globbing); documented ones and format=json pass', async () => {
    const glob = await c.get('api/private/stem/session/?filtername.icontains=rat');
    expect(glob.status).toBe(400);
    expect(glob.body.detail).toMatch(/Unknown query parameter "filtername.icontains"/);
    expect(glob.body.detail).toMatch(/-g/);
    const page = await c.get('api/private/stem/session/?page=2');
    expect(page.status).toBe(400);
    expect(page.body.detail).toContain('"page"');
    const detailBad = await c.get(
      `api/private/stem/project/${(await c.get('api/private/stem/project/')).body.projects[0].id}/?bogus=1`,
    );
    expect(detailBad.status).toBe(400);
    expect(
      (
        await c.get(
          'api/private/stem/session/?format=json&filter{name.icontains}=a&sort[]=name&include[]=projects.*&limit=2&offset=1',
        )
      ).status,
    ).toBe(200);
  });

  it('repeated filter{x.in} values merge into one IN list', async () => {
    const all = (await c.get('api/private/stem/session/?limit=3&sort[]=name')).body.sessions as {
      id: string;
      name: string;
    }[];
    const [a, b] = all;
    const r = await c.get(`api/private/stem/session/?filter{id.in}=${a?.id}&filter{id.in}=${b?.id}&sort[]=name`);
    expect(r.status).toBe(200);
    expect(r.body.sessions.map((s: { id: string }) => s.id)).toEqual([a?.id, b?.id]);
    const names = await c.get(
      `api/private/stem/session/?filter{name.in}=${encodeURIComponent(a?.name ?? '')}&filter{name.in}=${encodeURIComponent(b?.name ?? '')}`,
    );
    expect(names.body.count).toBe(2);
  });
});
