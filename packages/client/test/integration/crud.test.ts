// The Python tool's walk-through, every error class and the special actions, against the real local server.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  type BrainstemClient,
  InvalidArgumentError,
  LoginError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from '../../src/index.js';
import { clientFor, DEMO_PROJECTS, DEMO_USERS, startDemo } from '../helpers/server.js';

let server: RunningServer;
let alice: BrainstemClient;
let placeCellsId: string;
beforeAll(async () => {
  server = await startDemo();
  alice = clientFor(server, 'alice');
  const { projects } = await alice.load('project', { filters: { name: DEMO_PROJECTS.placeCells } });
  placeCellsId = projects[0]!.id;
});
afterAll(() => server.close());

describe('seed walk-through', () => {
  it('quick start: public projects anonymously, private sessions with a token', async () => {
    const anon = clientFor(server, null);
    const pub = await anon.load('project', { portal: 'public' });
    expect(pub.projects.length).toBeGreaterThan(0);
    expect(pub.projects.map((p) => p.name)).toContain(DEMO_PROJECTS.allenNeuropixels);
    expect(pub.projects.map((p) => p.name)).not.toContain(DEMO_PROJECTS.placeCells);
    const priv = await alice.load('session');
    expect(priv.sessions.length).toBeGreaterThan(0);
    expect(typeof priv.count).toBe('number');
  });

  it('filtering: both seed examples', async () => {
    const visual = (await alice.load('project', { portal: 'public', filters: { 'name.icontains': 'visual' } }))
      .projects;
    expect(visual.length).toBeGreaterThanOrEqual(2);
    expect(visual.every((p) => /visual/i.test(p.name))).toBe(true);
    const both = (
      await alice.load('project', {
        portal: 'public',
        filters: { 'name.icontains': 'allen', 'description.icontains': 'neuropixels' },
      })
    ).projects;
    expect(both.map((p) => p.name)).toEqual([DEMO_PROJECTS.allenNeuropixels]);
  });

  it('an .in list returns exactly those records', async () => {
    const { sessions } = await alice.load('session', { limit: 5 });
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    const ids = [sessions[0]!.id, sessions[2]!.id];
    const got = (await alice.load('session', { filters: { 'id.in': ids } })).sessions.map((s) => s.id);
    expect(got.sort()).toEqual([...ids].sort());
  });

  it('sorting both ways', async () => {
    const asc = (await alice.load('project', { portal: 'public', sort: ['name'] })).projects.map((p) => p.name);
    const desc = (await alice.load('project', { portal: 'public', sort: ['-name'] })).projects.map((p) => p.name);
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
    expect(desc).toEqual([...asc].reverse());
  });

  it('create, update (the seed recipe), load by id, delete', async () => {
    const created = await alice.save('session', {
      data: { name: 'Example Session', projects: [placeCellsId], description: 'Created via API tool' },
    });
    const id = created.session.id;
    expect(created.session.name).toBe('Example Session');
    const filtered = await alice.load('session', { filters: { 'name.iexact': 'example session' } });
    const updated = await alice.save('session', {
      id: filtered.sessions[0]!.id,
      data: { ...filtered, description: 'Updated via API' },
    });
    expect(updated.session.description).toBe('Updated via API');
    expect((await alice.load('session', { id })).session.description).toBe('Updated via API');
    await alice.delete('session', { id });
    await expect(alice.load('session', { id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('include embeds related records', async () => {
    const { projects } = await alice.load('project', {
      filters: { name: DEMO_PROJECTS.placeCells },
      include: ['sessions'],
    });
    const sessions = projects[0]!.sessions as unknown as { id: string; name: string }[];
    expect(sessions.length).toBeGreaterThan(0);
    expect(typeof sessions[0]!.name).toBe('string');
  });
});

describe('errors from the server', () => {
  it('401 → AuthenticationError explaining how to get a token', async () => {
    const err = await clientFor(server, null, { token: 'bst_wrong' })
      .load('session')
      .catch((e) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/client\.login\(\)/);
    expect(err.message).not.toContain('brainstem.org'); // a local server: no link to brainstem.org's token page
    expect(err.url).not.toContain('bst_wrong');
  });

  it('403 → PermissionDeniedError (Bob is a read-only member)', async () => {
    const { sessions } = await alice.load('session', { filters: { 'projects.id': placeCellsId } });
    const err = await clientFor(server, 'bob')
      .save('session', { id: sessions[0]!.id, data: { description: 'nope' } })
      .catch((e) => e);
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect(err.status).toBe(403);
  });

  it('404 → NotFoundError naming the portal', async () => {
    const err = await alice.load('session', { id: '00000000-0000-4000-8000-000000000000' }).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.portal).toBe('private');
    expect(err.message).toMatch(/portal/);
  });

  it('400 → ValidationError with fields', async () => {
    const err = await alice
      .save('session', { data: { description: 'no name', projects: 'not-a-list' } as never })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys(err.fields)).toEqual(expect.arrayContaining(['name']));
    expect(err.message).toContain('name:');
    // `raw` sends names past the registry check, so the server's own 400 is what comes back.
    const badFilter = await alice
      .load('session', { raw: { filters: { 'nosuchfield.icontains': 'x' } } })
      .catch((e) => e);
    expect(badFilter).toBeInstanceOf(ValidationError);
    expect(badFilter.message).toContain('nosuchfield');
    expect(err.message).toContain('Match the required fields');
    // A request-level 400 names the parameter, without the field-format advice.
    expect(badFilter.message).toContain('filter{nosuchfield.icontains}');
    expect(badFilter.message).not.toContain('Match the required fields');
    const badSort = await alice.load('session', { raw: { sort: ['-nosuchfield'] } }).catch((e) => e);
    expect(badSort).toBeInstanceOf(ValidationError);
    expect(badSort.message).toContain('nosuchfield');
    expect(badSort.message).not.toContain('Match the required fields');
  });

  it('misspelt filter, sort and include names are refused before any request, naming the closest name', async () => {
    let requests = 0;
    // Counts requests while still sending them to the real server.
    const counted = clientFor(server, 'alice', {
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const filter = await counted.load('session', { filters: { 'nme.icontains': 'PC' } as never }).catch((e) => e);
    expect(filter).toBeInstanceOf(InvalidArgumentError);
    expect(filter.argument).toBe('filters');
    expect(filter.message).toBe('filters["nme.icontains"]: unknown field `nme` on session; did you mean `name`?');
    const sort = await counted.loadAll('session', { sort: ['-nam'] as never }).catch((e) => e);
    expect(sort.argument).toBe('sort');
    expect(sort.message).toMatch(/did you mean `name`\?$/);
    const include = await counted.load('project', { include: ['projectz'] as never }).catch((e) => e);
    expect(include.argument).toBe('include');
    const loader = await counted.loadSession({ filters: { 'projects.nmae': 'x' } as never }).catch((e) => e);
    expect(loader.message).toMatch(/unknown field `nmae` on project; did you mean `name`/);
    expect(requests).toBe(0);
  });

  it('relation paths, ids and timestamps pass the check and reach the server', async () => {
    const page = await alice.load('session', {
      filters: {
        'projects.name.icontains': 'place',
        'projects.id.in': [placeCellsId],
        'created_date.gte': '2000-01-01',
      },
      sort: ['-modified_date', 'name'],
      include: ['projects'],
    });
    expect(page.sessions.length).toBeGreaterThan(0);
  });
});

describe('loaders, actions, bulk, auth endpoints', () => {
  it('convenience loaders with named filters and all: true', async () => {
    const one = await alice.loadProject({ name: 'place cells' });
    expect(one.projects.map((p) => p.name)).toEqual([DEMO_PROJECTS.placeCells]);
    expect(typeof (one.projects[0]!.sessions as unknown as object[])[0]).toBe('object');
    const all = await alice.loadSession({ projects: placeCellsId, all: true });
    expect(all.sessions.length).toBe(all.count);
    expect(all.sessions.length).toBeGreaterThan(0);
    const subjects = await alice.loadSubject({ sex: 'M' });
    expect(subjects.subjects.every((s) => s.sex === 'M')).toBe(true);
  });

  it('log entries through add/change/removeLogEntry', async () => {
    const { subject_logs } = await alice.load('subjectlog');
    const log = subject_logs[0]!;
    const when = '2031-04-05T13:45:00Z';
    const added = (await alice.addLogEntry('subjectlog', log.id, { date_time: when, notes: 'added' })) as {
      subject_log: { entries: { date_time: string; notes?: string }[] };
    };
    expect(added.subject_log.entries.some((e) => e.date_time === when && e.notes === 'added')).toBe(true);
    const changed = (await alice.changeLogEntry('subjectlog', log.id, {
      date_time: when,
      notes: 'changed',
    })) as typeof added;
    expect(changed.subject_log.entries.find((e) => e.date_time === when)?.notes).toBe('changed');
    const removed = (await alice.removeLogEntry('subjectlog', log.id, { date_time: when })) as typeof added;
    expect(removed.subject_log.entries.some((e) => e.date_time === when)).toBe(false);
  });

  it('approvals: a species change is pending until the reviewer accepts it', async () => {
    const res = await alice.save('species', { data: { name: 'Danio rerio integration' } });
    const approvalId = res.species_approval.id;
    const reviewer = clientFor(server, 'reviewer');
    await expect(alice.acceptApproval('speciesapproval', approvalId)).rejects.toBeInstanceOf(PermissionDeniedError);
    await reviewer.acceptApproval('speciesapproval', approvalId);
    const { species } = await alice.load('species', { filters: { name: 'Danio rerio integration' } });
    expect(species).toHaveLength(1);
  });

  it('saveMany/deleteMany report each item', async () => {
    const res = await alice.saveMany('session', [
      { name: 'bulk-1', projects: [placeCellsId] },
      { name: '', projects: [placeCellsId] },
      { name: 'bulk-3', projects: [placeCellsId] },
    ]);
    expect(res.succeeded.map((s) => s.index)).toEqual([0, 2]);
    expect(res.failed[0]!.error).toBeInstanceOf(ValidationError);
    const ids = res.succeeded.map((s) => s.result.session.id);
    const del = await alice.deleteMany('session', [...ids, '00000000-0000-4000-8000-000000000000']);
    expect(del.succeeded).toHaveLength(2);
    expect(del.failed[0]!.error).toBeInstanceOf(NotFoundError);
  });

  it('whoami and password login', async () => {
    expect((await alice.whoami()).user).toMatchObject({ email: DEMO_USERS.alice.email });
    const c = clientFor(server, null);
    const res = await c.login({ method: 'password', email: DEMO_USERS.bob.email, password: DEMO_USERS.bob.password });
    expect(res.method).toBe('password');
    expect(res.saved).toBe(false); // no token store in this client
    expect((await c.whoami()).user?.email).toBe(DEMO_USERS.bob.email);
    const bad = await clientFor(server, null)
      .login({ method: 'password', email: DEMO_USERS.bob.email, password: 'wrong' })
      .catch((e) => e);
    expect(bad).toBeInstanceOf(LoginError);
    expect(bad.code).toBe('bad_credentials');
  });
});
