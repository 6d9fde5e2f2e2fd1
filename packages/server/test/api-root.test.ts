/** The DRF-style API roots list the endpoints below them as absolute URLs, derived from the registry. */
import { allowsPortal, DEFAULT_PORTAL, MODELS, type ModelSpec } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

const models = MODELS as readonly ModelSpec[];
const servedOn = (portal: 'private' | 'public') =>
  models.filter((m) => Object.keys(m.portals).some((op) => allowsPortal(m, op, portal)));

describe('API roots', () => {
  it('/api/{portal}/ lists every model the portal serves, with its collection URL', async () => {
    for (const portal of ['private', 'public'] as const) {
      const r = await c.get(`api/${portal}/`, null);
      expect(r.status).toBe(200);
      const expected = Object.fromEntries(
        servedOn(portal).map((m) => [m.name, `${c.url}api/${portal}/${m.app}/${m.name}/`]),
      );
      expect(r.body).toEqual(expected);
    }
  });

  it('/api/ lists the private portal (the default one)', async () => {
    const r = await c.get('api/', null);
    expect(r.status).toBe(200);
    expect(r.body.session).toBe(`${c.url}api/private/stem/session/`);
    expect(r.body.subjectlog).toBe(`${c.url}api/private/modules/subjectlog/`);
    expect(r.body).toEqual((await c.get(`api/${DEFAULT_PORTAL}/`, null)).body);
  });

  it('/api/{portal}/{app}/ lists that app only', async () => {
    const r = await c.get('api/private/stem/', null);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(
      servedOn('private')
        .filter((m) => m.app === 'stem')
        .map((m) => m.name)
        .sort(),
    );
    expect((await c.get('api/public/users/nothing', null)).status).toBe(404);
  });

  it('each listed URL answers', async () => {
    const r = await c.get('api/public/', null);
    for (const url of Object.values(r.body as Record<string, string>)) {
      expect((await fetch(url)).status, url).toBe(200);
    }
  });
});
