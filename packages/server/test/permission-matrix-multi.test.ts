/**
 * Records that reference several projects or data storages (api/stem/session.md: "Callers must have
 * `change_project` permission for each project and `change_datastorage` for each data storage referenced"):
 * visible if any referenced project is visible, changeable only with change rights on every one referenced.
 *
 * Extra fixtures on top of the matrix world: project R (owner's; `contributor` and `member` are members of it,
 * read-only) and data storage D_ro (owner's; every other role with rights on P has only member level on it).
 */
import { getModel } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stmt } from '../src/db/statements.js';
import { projectLevel, ROLES, type Role } from './permission-matrix-rules.js';
import { buildWorld, emailOf, type Id, type World } from './permission-matrix-world.js';

let world: World;
let R: string;
let dRo: string;
let sessionPR: string;
beforeAll(async () => {
  world = await buildWorld();
  const created = await world.api('owner', 'POST', '/api/private/stem/project/', { name: 'Matrix project R' });
  R = (created.body.project as { id: string }).id;
  await world.api('owner', 'PATCH', `/api/private/stem/project/${R}/`, {
    users: { [emailOf('contributor')]: {}, [emailOf('member')]: {} },
  });
  const ds = await world.api('owner', 'POST', '/api/private/personal_attributes/datastorage/', { name: 'Matrix D_ro' });
  dRo = (ds.body.datastorage as { id: string }).id;
  const ins = stmt(
    world.ctx.db,
    'INSERT INTO attr_grants (model, record_id, user_id, group_id, level) VALUES (?, ?, ?, ?, 1)',
  );
  for (const r of ['manager', 'contributor', 'member'] as const) ins.run('datastorage', dRo, world.userIds[r], null);
  for (const g of Object.values(world.ids.groups)) ins.run('datastorage', dRo, null, g);
  world.ctx.invalidateCaches();
  const s = await world.api('owner', 'POST', '/api/private/stem/session/', {
    name: 'Matrix S_PR',
    projects: [world.ids.P, R],
  });
  sessionPR = (s.body.session as { id: string }).id;
}, 120_000);
afterAll(async () => {
  await world?.close();
});

/** Level on R: `contributor` and `member` are read-only members, `owner` owns it. */
const levelR = (role: Role) => (role === 'owner' ? 4 : role === 'contributor' || role === 'member' ? 1 : 0);
let n = 0;

describe('a session in projects P and R', () => {
  for (const role of ROLES) {
    const sees = projectLevel(role) >= 1 || levelR(role) >= 1;
    const detail = role === 'anonymous' ? 401 : sees ? 200 : 404;
    it(`detail as ${role} → ${detail} (visible if any project is)`, async () => {
      expect((await world.api(role, 'GET', `/api/private/stem/session/${sessionPR}/`)).status).toBe(detail);
    });

    const change = role === 'anonymous' ? 401 : role === 'owner' ? 200 : sees ? 403 : 404;
    it(`change as ${role} → ${change} (change rights on every project)`, async () => {
      const r = await world.api(role, 'PATCH', `/api/private/stem/session/${sessionPR}/`, {
        description: `by ${role} ${++n}`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(change);
    });

    // Creating in [P, R]: R must be visible (else 400, as DRF's related-field check) and changeable (else 403).
    const create = role === 'anonymous' ? 401 : role === 'owner' ? 201 : levelR(role) >= 1 ? 403 : 400;
    it(`create in [P, R] as ${role} → ${create}`, async () => {
      const r = await world.api(role, 'POST', '/api/private/stem/session/', {
        name: `S ${role} ${++n}`,
        projects: [world.ids.P, R],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(create);
    });

    // Moving a P-only session into R as well needs change rights on R too ("before and after").
    const seesP = projectLevel(role) >= 1;
    const move =
      role === 'anonymous'
        ? 401
        : role === 'owner'
          ? 200
          : !seesP
            ? 404
            : projectLevel(role) < 2 || levelR(role) >= 1
              ? 403
              : 400;
    it(`add R to a P session as ${role} → ${move}`, async () => {
      const s = await world.api('owner', 'POST', '/api/private/stem/session/', {
        name: `S move ${role} ${++n}`,
        projects: [world.ids.P],
      });
      const id = (s.body.session as { id: Id }).id;
      const r = await world.api(role, 'PATCH', `/api/private/stem/session/${id}/`, { projects: [world.ids.P, R] });
      expect(r.status, JSON.stringify(r.body)).toBe(move);
      const after = await world.api('owner', 'GET', `/api/private/stem/session/${id}/`);
      expect((after.body.session as { projects: string[] }).projects).toHaveLength(move === 200 ? 2 : 1);
    });
  }
});

describe('a session referencing a data storage the caller may only read', () => {
  for (const role of ROLES) {
    const level = projectLevel(role);
    // change_datastorage on D_ro: only its owner. Everyone with change_project on P sees D_ro read-only.
    const status = role === 'anonymous' ? 401 : role === 'owner' ? 201 : level >= 2 ? 403 : level >= 1 ? 403 : 400;
    it(`create in P with D_ro as ${role} → ${status}`, async () => {
      const r = await world.api(role, 'POST', '/api/private/stem/session/', {
        name: `S ds ${role} ${++n}`,
        projects: [world.ids.P],
        datastorage: [dRo],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(status);
    });
    const link = role === 'anonymous' ? 401 : role === 'owner' ? 201 : level >= 1 ? 403 : 400;
    it(`link P's session to D_ro (sessiondatastorage) as ${role} → ${link}`, async () => {
      const s = await world.api('owner', 'POST', '/api/private/stem/session/', {
        name: `S link ${role} ${++n}`,
        projects: [world.ids.P],
      });
      const id = (s.body.session as { id: Id }).id;
      const r = await world.api(role, 'POST', '/api/private/stem/sessiondatastorage/', {
        session: id,
        datastorage: dRo,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(link);
    });
  }
});

describe('include[] never embeds what the caller cannot read', () => {
  it('a public session pointing at a private data storage embeds nothing private on the public portal', async () => {
    const privateStorage = world.fixtures.get('datastorage')?.private as Id;
    const s = await world.api('owner', 'POST', '/api/private/stem/session/', {
      name: `S public with private storage ${++n}`,
      projects: [world.ids.Q],
      datastorage: [privateStorage],
    });
    const id = (s.body.session as { id: Id }).id;
    const pub = await world.api('anonymous', 'GET', `/api/public/stem/session/${id}/?include[]=datastorage.*`);
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).not.toContain('datastorage private fixture');
    const list = await world.api(
      'anonymous',
      'GET',
      `/api/public/stem/session/?filter{id}=${id}&include[]=datastorage.*`,
    );
    expect(JSON.stringify(list.body)).not.toContain('datastorage private fixture');
    // Filtering through the relation must not be an oracle for the private storage's fields either.
    const probe = await world.api(
      'anonymous',
      'GET',
      `/api/public/stem/session/?filter{id}=${id}&filter{datastorage.name}=${encodeURIComponent('datastorage private fixture')}`,
    );
    expect(probe.status).toBe(200);
    expect(probe.body.count).toBe(0);
    // A member of the storage sees it embedded on the private portal.
    const mine = await world.api('member', 'GET', `/api/private/stem/session/${id}/?include[]=datastorage.*`);
    expect(JSON.stringify(mine.body)).toContain('datastorage private fixture');
  });
});

describe('relation filters never probe records the caller cannot read (private portal)', () => {
  it("a manager of P cannot learn R's name through a P+R session", async () => {
    const q = `/api/private/stem/session/?filter{id}=${sessionPR}&filter{projects.name}=${encodeURIComponent('Matrix project R')}`;
    // `contributor` is a member of R: the filter matches; `manager` cannot read R: it must not.
    expect((await world.api('contributor', 'GET', q)).body.count).toBe(1);
    expect((await world.api('manager', 'GET', q)).body.count).toBe(0);
    const reverse = `/api/private/stem/project/?filter{id}=${world.ids.P}&filter{sessions.name}=${encodeURIComponent('Matrix S_PR')}`;
    expect((await world.api('manager', 'GET', reverse)).body.count).toBe(1); // the session itself is readable via P
  });
});

describe('sorting by a related field never orders by records the caller cannot read', () => {
  it("public behaviors sorted by their private setups' names keep a neutral order", async () => {
    const behavior = getModel('behavior');
    const setup = getModel('setup');
    const ids: Id[] = [];
    for (const name of ['Zeta hidden setup', 'Alpha hidden setup']) {
      const st = await world.api('owner', 'POST', '/api/private/personal_attributes/setup/', {
        ...world.bodyFor(setup, 'private', `sort ${++n}`),
        name,
      });
      const b = await world.api('owner', 'POST', '/api/private/modules/behavior/', {
        ...world.bodyFor(behavior, 'public', `sort ${++n}`),
        setup: (st.body.setup as { id: Id }).id,
      });
      expect(b.status, JSON.stringify(b.body)).toBe(201);
      ids.push((b.body.behavior as { id: Id }).id);
    }
    const order = async (key: string) => {
      const r = await world.api(
        'anonymous',
        'GET',
        `/api/public/modules/behavior/?filter{id.in}=${ids.join(',')}&sort[]=${key}`,
      );
      return (r.body.behaviors as { id: Id }[]).map((x) => x.id);
    };
    // Readable setups would reverse the order between ascending and descending; hidden ones sort alike.
    expect(await order('setup.name')).toEqual(await order('-setup.name'));
    // The owner, who can read both setups, does get them ordered by name on the private portal.
    const mine = await world.api(
      'owner',
      'GET',
      `/api/private/modules/behavior/?filter{id.in}=${ids.join(',')}&sort[]=setup.name`,
    );
    expect((mine.body.behaviors as { id: Id }[]).map((x) => x.id)).toEqual([ids[1], ids[0]]);
  });
});

describe('sending a record back unchanged needs no rights on data storages it already references', () => {
  it('a contributor PATCHes back a session (and its link) that points at a read-only data storage', async () => {
    const s = await world.api('owner', 'POST', '/api/private/stem/session/', {
      name: `S back ${++n}`,
      projects: [world.ids.P],
      datastorage: [dRo],
    });
    const record = s.body.session as Record<string, unknown>;
    const back = await world.api('contributor', 'PATCH', `/api/private/stem/session/${record.id}/`, {
      ...record,
      description: 'changed, references untouched',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    // Adding the read-only storage anew is still refused.
    const other = await world.api('owner', 'POST', '/api/private/stem/session/', {
      name: `S add ${++n}`,
      projects: [world.ids.P],
    });
    const id = (other.body.session as { id: Id }).id;
    const add = await world.api('contributor', 'PATCH', `/api/private/stem/session/${id}/`, { datastorage: [dRo] });
    expect(add.status).toBe(403);
    const links = await world.api('owner', 'GET', `/api/private/stem/sessiondatastorage/?filter{session}=${record.id}`);
    const link = (links.body.session_datastorages as Record<string, unknown>[])[0] as Record<string, unknown>;
    const linkBack = await world.api('contributor', 'PATCH', `/api/private/stem/sessiondatastorage/${link.id}/`, {
      ...link,
      order: 0,
    });
    expect(linkBack.status, JSON.stringify(linkBack.body)).toBe(200);
  });
});

describe("a public project keeps its members' edit rights on the private portal", () => {
  for (const role of ROLES) {
    const level = projectLevel(role);
    const status = role === 'anonymous' ? 401 : level >= 2 ? 200 : level >= 1 ? 403 : 404;
    it(`change a session of public project Q as ${role} → ${status}`, async () => {
      const id = world.fixtures.get('session')?.public as Id;
      const r = await world.api(role, 'PATCH', `/api/private/stem/session/${id}/`, {
        description: `Q by ${role} ${++n}`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      // …while the public portal stays read-only for everyone.
      const pub = await world.api(role, 'PATCH', `/api/public/stem/session/${id}/`, { description: 'x' });
      expect(pub.status).toBe(405);
    });
  }
});
