/** Create/update/delete flows and special actions: approvals, log entries, invitations, groups, grants. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
const project = async (name: string, as: 'alice' | 'carol' = 'alice') =>
  (await c.get(`api/private/stem/project/?filter{name}=${encodeURIComponent(name)}`, as)).body.projects[0];
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('CRUD', () => {
  it('create 201 under the detail key, update 200, delete 204 with no body, then 404', async () => {
    const p = await project(DEMO_PROJECTS.placeCells);
    const created = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'crud-1', projects: [p.id], description: 'a' },
    });
    expect(created.status).toBe(201);
    const s = created.body.session;
    expect(s).toMatchObject({
      name: 'crud-1',
      description: 'a',
      projects: [p.id],
      epochs: [],
      behaviors: [],
      date_time: null,
      extra_fields: {},
      download_links: [],
      tags: [],
    });
    const updated = await c.req('PATCH', `api/private/stem/session/${s.id}`, { body: { description: 'b' } });
    expect(updated.status).toBe(200);
    expect(updated.body.session.description).toBe('b');
    expect((await project(DEMO_PROJECTS.placeCells)).sessions).toContain(s.id);
    const del = await c.req('DELETE', `api/private/stem/session/${s.id}/`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await c.get(`api/private/stem/session/${s.id}/`)).status).toBe(404);
    expect((await project(DEMO_PROJECTS.placeCells)).sessions).not.toContain(s.id);
  });

  it('deleting a session deletes its behaviors (required parent) and clears optional references', async () => {
    const p = await project(DEMO_PROJECTS.placeCells);
    const s = (await c.req('POST', 'api/private/stem/session/', { body: { name: 'crud-2', projects: [p.id] } })).body
      .session;
    const subject = (await c.get('api/private/stem/subject/?filter{name}=PC-M01')).body.subjects[0];
    const setup = (await c.get('api/private/personal_attributes/setup/')).body.setups[0];
    const assay = (await c.get('api/private/personal_attributes/behavioralassay/')).body.behavioralassays[0];
    const b = await c.req('POST', 'api/private/modules/behavior/', {
      body: { session: s.id, subjects: [subject.id], setup: setup.id, behavioralassay: assay.id },
    });
    expect(b.status).toBe(201);
    expect((await c.get(`api/private/stem/session/${s.id}/`)).body.session.behaviors).toEqual([b.body.behavior.id]);
    await c.req('DELETE', `api/private/stem/session/${s.id}/`);
    expect((await c.get(`api/private/modules/behavior/${b.body.behavior.id}/`)).status).toBe(404);
  });

  it('the creator of a project becomes its only owner; group creators own the group', async () => {
    const r = await c.req('POST', 'api/private/stem/project/', {
      as: 'carol',
      body: { name: 'Carol new', users: { 'alice@example.org': { is_owner: true } } },
    });
    expect(r.status).toBe(201);
    expect(r.body.project.users).toEqual({
      'carol@example.org': { can_change: true, is_manager: true, is_owner: true },
    });
    expect(r.body.project.groups).toEqual({});
    expect(r.body.project.is_public).toBe(false);
    const g = await c.req('POST', 'api/private/users/group/', { as: 'bob', body: { name: 'Bob group' } });
    expect(g.status).toBe(201);
    expect(g.body.group.users).toEqual({ 'bob@example.org': { is_manager: true, is_owner: true } });
  });

  it('sessiondatastorage orders the storages of a session', async () => {
    const p = await project(DEMO_PROJECTS.placeCells);
    const ds = (await c.get('api/private/personal_attributes/datastorage/')).body.datastorages[0];
    const ds2 = (
      await c.req('POST', 'api/private/personal_attributes/datastorage/', { body: { name: 'Cold archive' } })
    ).body.datastorage;
    const s = (
      await c.req('POST', 'api/private/stem/session/', {
        body: { name: 'sds-1', projects: [p.id], datastorage: [ds.id] },
      })
    ).body.session;
    expect(s.datastorage).toEqual([ds.id]);
    const link = await c.req('POST', 'api/private/stem/sessiondatastorage/', {
      body: { session: s.id, datastorage: ds2.id, order: -1 },
    });
    expect(link.status).toBe(201);
    expect(link.body.session_datastorage).toMatchObject({ session: s.id, datastorage: ds2.id, order: -1 });
    expect((await c.get(`api/private/stem/session/${s.id}/`)).body.session.datastorage).toEqual([ds2.id, ds.id]);
    const dup = await c.req('POST', 'api/private/stem/sessiondatastorage/', {
      body: { session: s.id, datastorage: ds.id },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.non_field_errors[0]).toMatch(/unique set/);
    await c.req('PATCH', `api/private/stem/sessiondatastorage/${link.body.session_datastorage.id}/`, {
      body: { order: 5 },
    });
    expect((await c.get(`api/private/stem/session/${s.id}/`)).body.session.datastorage).toEqual([ds.id, ds2.id]);
  });
});

describe('approvals', () => {
  it('add → pending approval (201 under the approval key); reviewer accepts → record exists', async () => {
    const r = await c.req('POST', 'api/private/taxonomies/species/', {
      as: 'bob',
      body: { name: 'Naked mole-rat', description: 'Heterocephalus glaber' },
    });
    expect(r.status).toBe(201);
    const a = r.body.species_approval;
    expect(a).toMatchObject({
      name: 'Naked mole-rat',
      action: 'Add',
      status: 'Pending',
      instance_id: null,
      reviewer: null,
    });
    expect((await c.get('api/private/taxonomies/species/?filter{name}=Naked mole-rat')).body.count).toBe(0);
    // Bob sees his own approvals, Carol does not; only staff accept.
    expect((await c.get(`api/private/taxonomies/speciesapproval/${a.id}/`, 'bob')).status).toBe(200);
    expect((await c.get(`api/private/taxonomies/speciesapproval/${a.id}/`, 'carol')).status).toBe(404);
    expect((await c.req('PATCH', `api/private/taxonomies/speciesapproval/${a.id}/accept/`, { as: 'bob' })).status).toBe(
      403,
    );
    const acc = await c.req('PATCH', `api/private/taxonomies/speciesapproval/${a.id}/accept/`, { as: 'reviewer' });
    expect(acc.status).toBe(200);
    expect(acc.body.species_approval).toMatchObject({ status: 'Accepted', reviewer: 4 });
    const species = (await c.get('api/private/taxonomies/species/?filter{name}=Naked mole-rat')).body.species[0];
    expect(species.id).toBe(acc.body.species_approval.instance_id);
    expect(
      (await c.req('PATCH', `api/private/taxonomies/speciesapproval/${a.id}/reject/`, { as: 'reviewer' })).status,
    ).toBe(400);
  });

  it('change → pending Change approval; reject leaves the record as it was', async () => {
    const mouse = (await c.get('api/private/taxonomies/species/?filter{name}=Mouse')).body.species[0];
    const r = await c.req('PATCH', `api/private/taxonomies/species/${mouse.id}/`, {
      as: 'carol',
      body: { description: 'house mouse' },
    });
    expect(r.status).toBe(200);
    expect(r.body.species_approval).toMatchObject({
      action: 'Change',
      instance_id: mouse.id,
      description: 'house mouse',
      name: 'Mouse',
      status: 'Pending',
    });
    const rej = await c.req('PATCH', `api/private/taxonomies/speciesapproval/${r.body.species_approval.id}/reject/`, {
      as: 'reviewer',
    });
    expect(rej.body.species_approval.status).toBe('Rejected');
    expect((await c.get(`api/private/taxonomies/species/${mouse.id}/`)).body.species.description).toBe('Mus musculus');
    const again = await c.req('PATCH', `api/private/taxonomies/species/${mouse.id}/`, {
      as: 'carol',
      body: { description: 'accepted text' },
    });
    await c.req('PATCH', `api/private/taxonomies/speciesapproval/${again.body.species_approval.id}/accept/`, {
      as: 'reviewer',
    });
    expect((await c.get(`api/private/taxonomies/species/${mouse.id}/`)).body.species.description).toBe('accepted text');
  });

  it('deleting approval-governed records and brain-region writes are staff only', async () => {
    const rat = (await c.get('api/private/taxonomies/species/?filter{name}=Rhesus macaque')).body.species[0];
    expect((await c.req('DELETE', `api/private/taxonomies/species/${rat.id}/`)).status).toBe(403);
    expect((await c.req('DELETE', `api/private/taxonomies/species/${rat.id}/`, { as: 'reviewer' })).status).toBe(204);
    const br = { name: 'Dentate gyrus', acronym: 'DG', atlas: 'AIA' };
    expect((await c.req('POST', 'api/private/taxonomies/brainregion/', { body: br })).status).toBe(403);
    expect((await c.req('POST', 'api/private/taxonomies/brainregion/', { as: 'reviewer', body: br })).status).toBe(201);
  });

  it('uniqueness of proposals is checked against accepted records', async () => {
    const r = await c.req('POST', 'api/private/taxonomies/species/', { body: { name: 'Rat' } });
    expect(r.status).toBe(400);
    expect(r.body.name[0]).toMatch(/already exists/);
  });
});

describe('log entries', () => {
  it('instantaneous entries: add, change, remove by date_time', async () => {
    const log = (await c.get('api/private/modules/subjectlog/?filter{type}=Weighing&filter{subject.name}=PC-M01')).body
      .subject_logs[0];
    const url = `api/private/modules/subjectlog/${log.id}`;
    const add = await c.req('PATCH', `${url}/add_entry/`, {
      body: { date_time: '2024-03-03T08:00:00Z', notes: null, details: { weight: { value: 25.4, unit: 'g' } } },
    });
    expect(add.status).toBe(200);
    expect(add.body.subject_log.entries[0]).toEqual({
      date_time: '2024-03-03T08:00:00Z',
      notes: null,
      details: { weight: { value: 25.4, unit: 'g' } },
    });
    expect((await c.req('PATCH', `${url}/add_entry/`, { body: { date_time: '2024-03-03T08:00:00Z' } })).status).toBe(
      400,
    );
    const ch = await c.req('PATCH', `${url}/change_entry/`, {
      body: { date_time: '2024-03-03T08:00:00Z', notes: 'after run' },
    });
    expect(ch.body.subject_log.entries[0]).toEqual({
      date_time: '2024-03-03T08:00:00Z',
      notes: 'after run',
      details: { weight: { value: 25.4, unit: 'g' } },
    });
    const missing = await c.req('PATCH', `${url}/change_entry/`, {
      body: { date_time: '2020-01-01T00:00:00Z', notes: 'x' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.date_time[0]).toMatch(/No entry/);
    const rm = await c.req('PATCH', `${url}/remove_entry/`, { body: { date_time: '2024-03-03T08:00:00Z' } });
    expect(rm.body.subject_log.entries.map((e: { date_time: string }) => e.date_time)).toEqual([
      '2024-03-02T08:00:00Z',
      '2024-03-01T08:00:00Z',
    ]);
    expect((await c.req('PATCH', `${url}/add_entry/`, { body: { notes: 'no time' } })).body).toEqual({
      date_time: ['This field is required.'],
    });
    // Bob is a read-only member of this project.
    expect(
      (await c.req('PATCH', `${url}/add_entry/`, { as: 'bob', body: { date_time: '2024-03-09T08:00:00Z' } })).status,
    ).toBe(403);
  });

  it('interval entries use start_date_time/end_date_time', async () => {
    const log = (await c.get('api/private/modules/subjectlog/?filter{type}=Housing')).body.subject_logs[0];
    const url = `api/private/modules/subjectlog/${log.id}`;
    const bad = await c.req('PATCH', `${url}/add_entry/`, { body: { date_time: '2024-05-01T00:00:00Z' } });
    expect(bad.body).toMatchObject({
      start_date_time: ['This field is required.'],
      end_date_time: ['This field is required.'],
    });
    const add = await c.req('PATCH', `${url}/add_entry/`, {
      body: { start_date_time: '2024-04-01T00:00:00Z', end_date_time: '2024-05-01T00:00:00Z', notes: 'pair housed' },
    });
    expect(add.body.subject_log.entries[0]).toEqual({
      start_date_time: '2024-04-01T00:00:00Z',
      end_date_time: '2024-05-01T00:00:00Z',
      notes: 'pair housed',
      details: {},
    });
    const rm = await c.req('PATCH', `${url}/remove_entry/`, { body: { start_date_time: '2024-04-01T00:00:00Z' } });
    expect(rm.body.subject_log.entries.length).toBe(1);
  });

  it('procedure logs take instantaneous entries', async () => {
    const log = (await c.get('api/private/modules/procedurelog/?filter{type}=Impedances')).body.procedure_logs[0];
    const r = await c.req('PATCH', `api/private/modules/procedurelog/${log.id}/add_entry/`, {
      body: { date_time: '2024-03-01T08:00:00Z', details: { impedances: [1] } },
    });
    expect(r.status).toBe(200);
    expect(r.body.procedure_log.entries.length).toBe(2);
  });
});

describe('invitations, requests and groups', () => {
  it('project invitation: Carol accepts and becomes a contributor', async () => {
    const inv = (await c.get('api/private/stem/projectmembershipinvitation/', 'carol')).body
      .project_membership_invitations[0];
    // Bob can see neither side of it.
    expect((await c.get(`api/private/stem/projectmembershipinvitation/${inv.id}/`, 'bob')).status).toBe(404);
    // Alice (owner of the project) sees it but cannot accept for Carol.
    expect((await c.get(`api/private/stem/projectmembershipinvitation/${inv.id}/accept/`)).status).toBe(403);
    const r = await c.get(`api/private/stem/project_membership_invitation/${inv.id}/accept/`, 'carol');
    expect(r.status).toBe(200);
    const p = await project(DEMO_PROJECTS.workingMemory, 'carol');
    expect(p.users['carol@example.org']).toEqual({ can_change: true, is_manager: false, is_owner: false });
    expect((await c.get(`api/private/stem/projectmembershipinvitation/${inv.id}/`, 'carol')).status).toBe(404);
  });

  it('group invitation reject, project-group invitation cancel by the project side', async () => {
    const gi = (await c.get('api/private/users/groupmembershipinvitation/', 'carol')).body
      .group_membership_invitations[0];
    expect((await c.get(`api/private/users/groupmembershipinvitation/${gi.id}/reject/`, 'carol')).status).toBe(200);
    expect((await c.get('api/private/users/group/1/')).body.group.users).not.toHaveProperty(['carol@example.org']);
    const pgi = (await c.get('api/private/stem/projectgroupmembershipinvitation/', 'carol')).body
      .project_group_membership_invitations[0];
    expect((await c.get(`api/private/stem/projectgroupmembershipinvitation/${pgi.id}/cancel/`, 'carol')).status).toBe(
      403,
    );
    expect((await c.get(`api/private/stem/projectgroupmembershipinvitation/${pgi.id}/cancel/`)).status).toBe(200);
  });

  it('group join creates a request the group managers accept; leave removes the member', async () => {
    const join = await c.get('api/private/users/group/1/join/', 'carol');
    expect(join.status).toBe(400); // the demo already has Carol's pending request
    const req = (await c.get('api/private/users/groupmembershiprequest/')).body.group_membership_requests[0];
    expect(req).toMatchObject({ user_account_request: 3, authgroup: 1 });
    expect((await c.get(`api/private/users/groupmembershiprequest/${req.id}/accept/`, 'bob')).status).toBe(404);
    expect((await c.get(`api/private/users/groupmembershiprequest/${req.id}/accept/`)).status).toBe(200);
    expect((await c.get('api/private/users/group/1/')).body.group.users['carol@example.org']).toEqual({
      is_manager: false,
      is_owner: false,
    });
    expect((await c.get('api/private/users/group/1/leave/', 'carol')).status).toBe(200);
    expect((await c.get('api/private/users/group/1/leave/', 'carol')).status).toBe(400);
    expect((await c.get('api/private/users/group/1/leave/')).status).toBe(400); // the last owner stays
    expect((await c.get('api/private/users/group/2/join/', 'bob')).status).toBe(200);
    expect((await c.get('api/private/users/groupmembershiprequest/', 'carol')).body.count).toBe(1);
  });

  it('group PATCH users: new emails are invited, flags change for members, remove removes', async () => {
    const r = await c.req('PATCH', 'api/private/users/group/2/', {
      as: 'carol',
      body: { users: { 'bob@example.org': { is_manager: false } } },
    });
    expect(r.status).toBe(200);
    expect(r.body.group.users).not.toHaveProperty(['bob@example.org']);
    const inv = (await c.get('api/private/users/groupmembershipinvitation/', 'bob')).body.group_membership_invitations;
    expect(inv.some((i: { authgroup: number }) => i.authgroup === 2)).toBe(true);
    expect((await c.req('PATCH', 'api/private/users/group/2/', { as: 'bob', body: { name: 'Renamed' } })).status).toBe(
      403,
    );
    expect(
      (
        await c.req('PATCH', 'api/private/users/group/2/', {
          as: 'carol',
          body: { users: { 'nobody@example.org': {} } },
        })
      ).status,
    ).toBe(400);
  });
});

describe('project grants through users/groups', () => {
  it('managers add members, only owners add managers; remove works; an owner must remain', async () => {
    const p = await project(DEMO_PROJECTS.septumCooling);
    const url = `api/private/stem/project/${p.id}/`;
    const add = await c.req('PATCH', url, {
      body: { users: { 'carol@example.org': { can_change: true } }, groups: { 'Christensen Lab': {} } },
    });
    expect(add.status).toBe(200);
    expect(add.body.project.users['carol@example.org']).toEqual({
      can_change: true,
      is_manager: false,
      is_owner: false,
    });
    expect(add.body.project.groups['Christensen Lab']).toEqual({
      can_change: false,
      is_manager: false,
      is_owner: false,
    });
    // Bob is a contributor: no membership changes.
    expect(
      (await c.req('PATCH', url, { as: 'bob', body: { users: { 'carol@example.org': { remove: true } } } })).status,
    ).toBe(403);
    const mgr = await c.req('PATCH', url, {
      body: { users: { 'bob@example.org': { can_change: true, is_manager: true } } },
    });
    expect(mgr.body.project.users['bob@example.org'].is_manager).toBe(true);
    // Bob as manager may remove Carol but not make himself owner.
    expect(
      (await c.req('PATCH', url, { as: 'bob', body: { users: { 'carol@example.org': { remove: true } } } })).status,
    ).toBe(200);
    expect(
      (await c.req('PATCH', url, { as: 'bob', body: { users: { 'bob@example.org': { is_owner: true } } } })).status,
    ).toBe(403);
    const last = await c.req('PATCH', url, { body: { users: { 'alice@example.org': { remove: true } } } });
    expect(last.status).toBe(400);
    expect(last.body.users[0]).toMatch(/owner/);
    expect((await c.req('PATCH', url, { body: { users: { 'ghost@example.org': {} } } })).status).toBe(400);
    expect((await c.req('PATCH', url, { body: { groups: { Nope: {} } } })).status).toBe(400);
    // Contributors edit sessions but not project details.
    expect((await c.req('PATCH', url, { as: 'bob', body: { description: 'x' } })).status).toBe(403);
  });
});
