/**
 * Generated from the registry: every model's documented operations on each allowed portal, and the refusal on
 * the others. Detail responses carry every documented field (the keys of the docs' examples).
 */
import { allowsPortal, MODELS, type ModelSpec, modelProblem, PORTALS } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient, UNKNOWN_UUID, type Who } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

const models = MODELS as readonly ModelSpec[];
/** Who can see (and change) a model's demo records: staff for approvals and admin-only writes. */
const actor = (m: ModelSpec): Who =>
  m.family === 'approval' || m.adminWrite ? 'reviewer' : m.family === 'invitation' ? 'carol' : 'alice';
const path = (m: ModelSpec, portal: string, id?: string | number, action?: string) =>
  `api/${portal}/${m.app}/${m.name}/${id !== undefined ? `${id}/` : ''}${action ? `${action}/` : ''}`;

async function someId(m: ModelSpec, portal: string): Promise<string | number | undefined> {
  const r = await c.get(path(m, portal), portal === 'public' ? null : actor(m));
  return r.body?.[m.listKey]?.[0]?.id;
}

describe.each(models.map((m) => [m.name, m] as const))('%s', (_name, m) => {
  for (const portal of PORTALS) {
    const who = portal === 'public' ? null : actor(m);
    it(`list on ${portal}: ${allowsPortal(m, 'list', portal) ? '200' : 'refused'}`, async () => {
      const r = await c.get(path(m, portal), who);
      if (allowsPortal(m, 'list', portal)) {
        expect(r.status).toBe(200);
        expect(Array.isArray(r.body[m.listKey])).toBe(true);
        expect(typeof r.body.count).toBe('number');
        // meta: every public list, and approval lists on the private portal too (supplier.md, consumable.md,
        // hardwaredevice.md: "Approval list responses also include a `meta` object"), and the group membership
        // lists on every portal (group_membership_request.md: "List responses include a `meta` object").
        if (portal === 'public' || m.family === 'approval' || m.listMeta === 'always')
          expect(r.body.meta).toMatchObject({ per_page: 20, page: 1, total_results: r.body.count });
        else expect(r.body.meta).toBeUndefined();
      } else {
        expect(r.status).toBe(404);
        expect(r.body.detail).toContain('not available');
      }
    });

    it(`detail on ${portal}: ${allowsPortal(m, 'detail', portal) ? '200 with every documented field' : 'refused'}`, async () => {
      if (!allowsPortal(m, 'detail', portal)) {
        const r = await c.get(path(m, portal, UNKNOWN_UUID), who);
        expect(r.status).toBe(404);
        return;
      }
      const id = await someId(m, portal);
      if (id === undefined) {
        // No demo record readable here (e.g. an approval queue of a model nobody proposed changes to).
        expect((await c.get(path(m, portal, UNKNOWN_UUID), who)).status).toBe(404);
        return;
      }
      const r = await c.get(path(m, portal, id), who);
      expect(r.status).toBe(200);
      const record = r.body[m.detailKey];
      expect(record.id).toBe(id);
      for (const f of m.fields) expect(record, `${m.name}.${f.name}`).toHaveProperty([f.name]);
      expect(Object.keys(record).sort()).toEqual(m.fields.map((f) => f.name).sort());
    });

    it(`add on ${portal}: ${allowsPortal(m, 'add', portal) ? 'reaches validation' : 'refused'}`, async () => {
      const r = await c.req('POST', path(m, portal), { as: who, body: {} });
      if (!m.portals.add) {
        expect(r.status).toBe(405);
        return;
      }
      if (!allowsPortal(m, 'add', portal)) {
        expect(r.status).toBe(405);
        return;
      }
      const required = m.fields.filter((f) => f.required && !f.readOnly).map((f) => f.name);
      if (required.length === 0) {
        expect([201]).toContain(r.status);
      } else {
        expect(r.status).toBe(400);
        for (const f of required) expect(r.body[f], `${m.name}.${f}`).toEqual(['This field is required.']);
      }
    });

    it(`change on ${portal}: ${allowsPortal(m, 'change', portal) ? 'PATCH {} answers 200' : 'refused'}`, async () => {
      if (!allowsPortal(m, 'change', portal)) {
        const r = await c.req('PATCH', path(m, portal, UNKNOWN_UUID), { as: who, body: {} });
        expect(r.status).toBe(405);
        return;
      }
      const id = m.name === 'user' ? 1 : await someId(m, portal);
      expect(id).toBeDefined();
      const r = await c.req('PATCH', path(m, portal, id), { as: who, body: {} });
      expect(r.status).toBe(200);
      expect(r.body).toHaveProperty([m.approval ? m.approval.key : m.detailKey]);
    });

    it(`delete on ${portal}: ${allowsPortal(m, 'delete', portal) ? 'routed (404 for an unknown id)' : 'refused'}`, async () => {
      const r = await c.req('DELETE', path(m, portal, m.fields[0]?.type === 'integer' ? 999999 : UNKNOWN_UUID), {
        as: who,
      });
      expect(r.status).toBe(allowsPortal(m, 'delete', portal) ? 404 : 405);
    });

    for (const a of m.actions ?? []) {
      it(`action ${a.name} (${a.method}) on ${portal}: ${a.portals.includes(portal) ? 'routed' : 'refused'}`, async () => {
        const r = await c.req(
          a.method,
          path(m, portal, m.fields[0]?.type === 'integer' ? 999999 : UNKNOWN_UUID, a.name),
          {
            as: who,
            body: a.method === 'GET' ? undefined : {},
          },
        );
        if (a.portals.includes(portal)) expect(r.status).toBe(404);
        else expect(r.status).toBe(a.method === 'GET' ? 404 : 405);
        // The wrong method on an action is 405.
        const wrong = await c.req(a.method === 'GET' ? 'POST' : 'GET', path(m, 'private', UNKNOWN_UUID, a.name), {
          body: a.method === 'GET' ? {} : undefined,
        });
        expect(wrong.status).toBe(405);
      });
    }
  }

  for (const alias of m.aliases ?? []) {
    it(`alias ${alias} routes like ${m.name}`, async () => {
      const r = await c.get(`api/private/${m.app}/${alias}/`, actor(m));
      expect(r.status).toBe(200);
      expect(r.body).toHaveProperty([m.listKey]);
    });
  }

  it('is 404 under a wrong app and answers with and without the trailing slash', async () => {
    const wrongApp = m.app === 'stem' ? 'modules' : 'stem';
    expect((await c.get(`api/private/${wrongApp}/${m.name}/`, actor(m))).status).toBe(404);
    const noSlash = await c.get(`api/private/${m.app}/${m.name}`, actor(m));
    expect(noSlash.status).toBe(m.portals.list?.includes('private') ? 200 : 404);
  });
});

describe('routing', () => {
  it('unknown model and portal are JSON 404s naming the problem', async () => {
    const r = await c.get('api/private/stem/sesion/');
    expect(r.status).toBe(404);
    expect(r.body.detail).toContain('session');
    expect(r.body.detail).toBe(modelProblem('sesion'));
    const p = await c.get('api/secret/stem/session/');
    expect(p.status).toBe(404);
    expect(p.body.detail).toBe(`Unknown portal "secret": use ${PORTALS.join(' or ')}.`);
  });

  it('private needs a valid Bearer token, public none', async () => {
    expect((await c.get('api/private/stem/session/', null)).status).toBe(401);
    const bad = await c.req('GET', 'api/private/stem/session/', { as: null });
    expect(bad.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    const res = await fetch(`${c.url}api/private/stem/session/`, { headers: { Authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: 'Invalid token.' });
    expect((await c.get('api/public/stem/session/', null)).status).toBe(200);
  });
});

describe('HEAD and OPTIONS', () => {
  it('HEAD answers like GET without a body: same status, same headers, Content-Length of the GET body', async () => {
    const res = await fetch(`${c.url}api/public/stem/project/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const get = await c.get('api/public/stem/project/', null);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(get.text)));
    expect(res.headers.get('content-type')).toBe(get.headers.get('content-type'));
    const session = (await c.get('api/private/stem/session/?limit=1')).body.sessions[0];
    for (const [path, status] of [
      [`api/private/stem/session/${session.id}/`, 200],
      [`api/private/stem/session/${UNKNOWN_UUID}/`, 404],
      ['api/private/stem/nosuchmodel/', 404],
    ] as const) {
      const head = await c.req('HEAD', path);
      expect([path, head.status, head.text]).toEqual([path, status, '']);
      expect(head.status).toBe((await c.get(path)).status);
    }
    expect((await c.req('HEAD', 'api/private/stem/session/')).status).toBe(200);
    expect((await c.req('HEAD', 'api/private/stem/session/', { as: null })).status).toBe(401);
  });

  it('OPTIONS lists the methods the path allows on that portal', async () => {
    const pub = await fetch(`${c.url}api/public/stem/project/`, { method: 'OPTIONS' });
    expect(pub.status).toBe(200);
    expect(pub.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const priv = await fetch(`${c.url}api/private/stem/project/x/`, { method: 'OPTIONS' });
    expect(priv.headers.get('allow')).toBe('GET, PUT, PATCH, DELETE, HEAD, OPTIONS');
    const action = await fetch(`${c.url}api/private/modules/subjectlog/x/add_entry/`, { method: 'OPTIONS' });
    expect((await action.json()).allowed_methods).toEqual(['PATCH', 'OPTIONS']);
  });
});
