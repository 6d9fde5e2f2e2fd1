// What reaches the wire for each method: validation before any request, loader/action/bulk routing from the
// registry. A recording loopback server answers; the tests against the BrainSTEM server itself are crud.test.ts and its neighbours.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACTION_METHODS,
  BrainstemClient,
  InvalidArgumentError,
  LOADER_METHODS,
  LOADER_MODELS,
  MODELS,
  modelHasAction,
  ValidationError,
} from '../../src/index.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
let srv: LocalServer;
let c: BrainstemClient;
beforeEach(async () => {
  srv = await startHttp((req, res) => {
    if (req.method === 'DELETE') {
      if (req.url.includes('00000000-0000-0000-0000-000000000000')) return json(res, 404, { detail: 'Not found.' });
      res.writeHead(204);
      return res.end();
    }
    if (req.method === 'POST' && req.body.includes('"bad"')) return json(res, 400, { name: ['Too bad.'] });
    const u = new URL(req.url, 'http://x');
    const key = u.pathname.split('/')[4] === 'session' ? 'sessions' : 'items';
    json(res, req.method === 'POST' ? 201 : 200, { [key]: [], session: { id: ID, echo: req.body } });
  });
  c = new BrainstemClient({ url: srv.url, token: 't', tokenStore: null, interactive: false, logLevel: 'off' });
});
afterEach(() => srv.close());

const last = () => srv.requests.at(-1)!;
const decoded = () => decodeURIComponent(last().url);

describe('validation before any request', () => {
  it('unknown model lists the closest names first', async () => {
    const err = await c.load('sesion' as never).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.argument).toBe('model');
    expect(err.message).toMatch(/^unknown model `sesion`; did you mean `session`\?/);
    expect(srv.requests).toHaveLength(0);
  });

  it('ids must be UUIDs (integers for user/group); nothing like ../ reaches a URL', async () => {
    for (const id of ['../../etc', '1', 'abc', `${ID}/../x`, '', 12]) {
      await expect(c.load('session', { id: id as string }), String(id)).rejects.toMatchObject({ argument: 'id' });
      await expect(c.delete('session', { id: id as string })).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    for (const id of ['1/../2', 'x', 0, -1, 1.5]) {
      await expect(c.load('user', { id: id as number })).rejects.toMatchObject({ argument: 'id' });
    }
    expect(srv.requests).toHaveLength(0);
    await c.load('user', { id: 7 });
    expect(last().url).toBe('/api/private/users/user/7/');
    await c.load('group', { id: '12' });
    expect(last().url).toBe('/api/private/users/group/12/');
  });

  it('portals are checked against the registry', async () => {
    await expect(c.load('session', { portal: 'secret' as never })).rejects.toMatchObject({ argument: 'portal' });
    await expect(c.save('session', { portal: 'public', data: { name: 'x', projects: [ID] } })).rejects.toMatchObject({
      argument: 'portal',
    });
    await expect(c.delete('session', { portal: 'public', id: ID })).rejects.toMatchObject({ argument: 'portal' });
    await expect(c.save('session', { data: null as never })).rejects.toMatchObject({ argument: 'data' });
    // @ts-expect-error method needs an id (also checked at runtime)
    await expect(c.save('session', { data: { name: 'x', projects: [ID] }, method: 'put' })).rejects.toMatchObject({
      argument: 'method',
    });
    expect(srv.requests).toHaveLength(0);
  });

  it('constructor checks options without I/O', () => {
    expect(() => new BrainstemClient({ url: 'ftp://x' })).toThrow(InvalidArgumentError);
    expect(() => new BrainstemClient({ url: 'not a url' })).toThrow(/absolute http/);
    expect(() => new BrainstemClient({ timeout: 0 })).toThrow(/timeout/);
    expect(() => new BrainstemClient({ maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => new BrainstemClient({ concurrency: 0 })).toThrow(/concurrency/);
    expect(new BrainstemClient({ url: 'http://127.0.0.1:8000/base' }).url).toBe('http://127.0.0.1:8000/base/');
  });
});

describe('CRUD on the wire', () => {
  it('load builds the documented URL and query', async () => {
    await c.load('project', {
      portal: 'public',
      filters: { 'name.icontains': 'visual' },
      sort: ['-name'],
      include: ['sessions'],
      limit: 5,
      offset: 10,
    });
    expect(decoded()).toBe(
      '/api/public/stem/project/?filter{name.icontains}=visual&sort[]=-name&include[]=sessions.*&limit=5&offset=10',
    );
    await c.load('session', { id: ID });
    expect(last().url).toBe(`/api/private/stem/session/${ID}/`);
    await c.loadModel('dataacquisition');
    expect(last().url).toBe('/api/private/modules/dataacquisition/');
    await c.load('project_membership_invitation' as never);
    expect(last().url).toBe('/api/private/stem/projectmembershipinvitation/');
  });

  it('save: POST without id, PATCH by default, PUT on request; body as given', async () => {
    await c.save('session', { data: { name: 'S', projects: [ID] } });
    expect([last().method, last().url, JSON.parse(last().body)]).toEqual([
      'POST',
      '/api/private/stem/session/',
      { name: 'S', projects: [ID] },
    ]);
    await c.saveModel('session', { id: ID, data: { description: 'd' } });
    expect([last().method, last().url]).toEqual(['PATCH', `/api/private/stem/session/${ID}/`]);
    await c.save('session', { id: ID, data: { name: 'S', projects: [ID] }, method: 'put' });
    expect(last().method).toBe('PUT');
  });

  it("save accepts a whole loaded body (the Python tool's update recipe)", async () => {
    const page = { sessions: [{ id: ID, name: 'x' }], count: 1, next: null, previous: null };
    await c.save('session', { id: ID, data: { ...page, description: 'Updated via API' } });
    expect(JSON.parse(last().body)).toEqual({ description: 'Updated via API' });
    await c.save('session', { id: ID, data: { session: { id: ID, name: 'x', description: 'y' } } as never });
    expect(JSON.parse(last().body)).toEqual({ id: ID, name: 'x', description: 'y' });
  });

  it('delete resolves on 204', async () => {
    await expect(c.deleteModel('session', { id: ID })).resolves.toBeUndefined();
    expect([last().method, last().url]).toEqual(['DELETE', `/api/private/stem/session/${ID}/`]);
  });
});

describe('convenience loaders', () => {
  it('exist for every loader row of the registry, named load + Capitalized model', () => {
    expect(LOADER_METHODS.map((l) => l.model)).toEqual(LOADER_MODELS.map((m) => m.name));
    for (const { method } of LOADER_METHODS)
      expect(typeof (c as unknown as Record<string, unknown>)[method]).toBe('function');
    expect(LOADER_METHODS.map((l) => l.method)).toContain('loadDataacquisition');
    expect(LOADER_METHODS.length).toBeGreaterThanOrEqual(22);
  });

  it('map named filters, add default includes, let filters/include override', async () => {
    await c.loadSession({ name: 'Rat', projects: ID });
    expect(decoded()).toBe(
      `/api/private/stem/session/?filter{name.icontains}=Rat&filter{projects.id}=${ID}` +
        '&include[]=dataacquisition.*&include[]=behaviors.*&include[]=manipulations.*&include[]=epochs.*',
    );
    await c.loadSession({
      name: 'Rat',
      include: ['projects'],
      filters: { 'description.icontains': 'hippocampus', 'name.icontains': 'Mouse' },
    });
    expect(decoded()).toBe(
      '/api/private/stem/session/?filter{name.icontains}=Mouse&filter{description.icontains}=hippocampus&include[]=projects.*',
    );
    await c.loadBehavior({ session: ID, portal: 'public' });
    expect(decoded()).toBe(`/api/public/modules/behavior/?filter{session.id}=${ID}`);
    await c.loadProject({ id: ID });
    expect(decoded()).toBe(
      `/api/private/stem/project/${ID}/?include[]=sessions.*&include[]=subjects.*&include[]=collections.*&include[]=cohorts.*`,
    );
    await expect(c.loadSession({ colour: 'x' } as never)).rejects.toMatchObject({ argument: 'colour' });
  });

  it('all: true loads every page', async () => {
    const res = await c.loadSession({ name: 'Rat', all: true });
    expect(res.sessions).toEqual([]);
    expect(decoded()).toContain('limit=100&offset=0');
  });
});

describe('special actions', () => {
  it('use the registry methods and paths', async () => {
    const details = { waterAmount: { value: 9, unit: 'mL' as const } };
    await c.addLogEntry('subjectlog', ID, { date_time: '2023-04-05T13:45:00Z', details });
    expect([last().method, last().url, JSON.parse(last().body).details]).toEqual([
      'PATCH',
      `/api/private/modules/subjectlog/${ID}/add_entry/`,
      details,
    ]);
    await c.changeLogEntry('procedurelog', ID, { date_time: 'x' });
    expect(last().url).toBe(`/api/private/modules/procedurelog/${ID}/change_entry/`);
    await c.removeLogEntry('subjectlog', ID, { date_time: 'x' });
    expect(last().url).toContain('/remove_entry/');
    await c.acceptApproval('speciesapproval', ID);
    expect([last().method, last().url]).toEqual(['PATCH', `/api/private/taxonomies/speciesapproval/${ID}/accept/`]);
    await c.rejectApproval('journalapproval', ID);
    expect(last().url).toContain('/reject/');
    await c.acceptInvitation('projectmembershipinvitation', ID);
    expect([last().method, last().url]).toEqual(['GET', `/api/private/stem/projectmembershipinvitation/${ID}/accept/`]);
    await c.rejectInvitation('groupmembershipinvitation', ID);
    await c.cancelInvitation('groupmembershiprequest', ID);
    expect(last().url).toBe(`/api/private/users/groupmembershiprequest/${ID}/cancel/`);
    await c.joinGroup(3);
    expect([last().method, last().url]).toEqual(['GET', '/api/private/users/group/3/join/']);
    await c.leaveGroup(3);
    expect(last().url).toBe('/api/private/users/group/3/leave/');
  });

  it('the named methods are generated from the registry rows, one per action and family of models', () => {
    expect(ACTION_METHODS.map((a) => [a.method, a.action])).toEqual([
      ['addLogEntry', 'add_entry'],
      ['changeLogEntry', 'change_entry'],
      ['removeLogEntry', 'remove_entry'],
      ['acceptApproval', 'accept'],
      ['rejectApproval', 'reject'],
      ['acceptInvitation', 'accept'],
      ['rejectInvitation', 'reject'],
      ['cancelInvitation', 'cancel'],
      ['joinGroup', 'join'],
      ['leaveGroup', 'leave'],
    ]);
    expect(ACTION_METHODS.find((a) => a.method === 'acceptInvitation')?.models).toContain('groupmembershiprequest');
    for (const { method } of ACTION_METHODS) expect(typeof c[method]).toBe('function');
    expect(modelHasAction('group', 'join')).toBe(true);
    expect(modelHasAction('session', 'join')).toBe(false);
  });

  it('raw action: registry method by default, unknown actions need a method', async () => {
    await c.action('group', 3, 'join');
    expect(last().method).toBe('GET');
    await expect(c.action('session', ID, 'frobnicate')).rejects.toMatchObject({ argument: 'action' });
    await c.action('session', ID, 'frobnicate', { method: 'POST', data: { a: 1 } });
    expect([last().method, last().url, last().body]).toEqual([
      'POST',
      `/api/private/stem/session/${ID}/frobnicate/`,
      '{"a":1}',
    ]);
    await expect(c.action('session', ID, '../x', { method: 'GET' })).rejects.toMatchObject({ argument: 'action' });
    const secret = { method: 'POST', portal: 'secret' } as never;
    for (const action of ['frobnicate', 'add_entry']) {
      await expect(c.action('subjectlog', ID, action, secret)).rejects.toMatchObject({ argument: 'portal' });
      await expect(c.action('subjectlog', ID, action, secret)).rejects.toThrow(
        'portal must be "private" or "public", got "secret"',
      );
    }
  });

  it('every registry action is reachable', () => {
    const actions = MODELS.flatMap((m) => ('actions' in m ? m.actions.map((a) => `${m.name}/${a.name}`) : []));
    expect(actions.length).toBeGreaterThan(30);
  });
});

describe('bulk', () => {
  it('saveMany reports every item; one failure hides nothing', async () => {
    const res = await c.saveMany(
      'session',
      [
        { name: 'a', projects: [ID] },
        { name: 'bad', projects: [ID] },
        { id: ID, description: 'x' },
        { id: 'nope', name: 'y' },
      ],
      { concurrency: 2 },
    );
    expect(res.succeeded.map((s) => s.index)).toEqual([0, 2]);
    expect(res.failed.map((f) => f.index)).toEqual([1, 3]);
    expect(res.failed[0]!.error).toBeInstanceOf(ValidationError);
    expect(res.failed[1]!.error).toBeInstanceOf(InvalidArgumentError);
    expect(srv.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(JSON.parse(srv.requests.find((r) => r.method === 'PATCH')!.body)).toEqual({ description: 'x' });
  });

  it('deleteMany', async () => {
    const res = await c.deleteMany('session', [ID, '00000000-0000-0000-0000-000000000000', ID]);
    expect(res.succeeded.map((s) => s.item)).toEqual([ID, ID]);
    expect(res.failed).toHaveLength(1);
    expect(res.failed[0]!.error).toMatchObject({ status: 404 });
  });
});

describe('whoami', () => {
  it('falls back on a server without /api/auth/whoami/ and says so', async () => {
    const real = await startHttp((req, res) => {
      if (req.url.startsWith('/api/auth/whoami/')) return json(res, 404, { detail: 'Not found.' });
      json(res, 200, { projects: [] });
    });
    try {
      const w = await new BrainstemClient({ url: real.url, token: 't', tokenStore: null, logLevel: 'off' }).whoami();
      expect(w).toMatchObject({ user: null, source: 'fallback' });
      expect(w.note).toMatch(/no \/api\/auth\/whoami\/ endpoint/);
      expect(real.requests.map((r) => r.url)).toEqual(['/api/auth/whoami/', '/api/private/stem/project/?limit=1']);
    } finally {
      await real.close();
    }
  });
});
