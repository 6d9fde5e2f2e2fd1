/** Query parameters that cannot be used answer 400 naming the problem; valid ones combine as documented. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

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

describe('messages say what is wrong', () => {
  it('a private-only action on the public portal names the action; an unknown field behind a relation names it', async () => {
    const join = await c.get('api/public/users/group/1/join/', null);
    expect(join.body.detail).toMatch(/"join" action of group is not available on the public portal/);
    const f = await c.get('api/private/stem/session/?filter{behaviors.name}=x');
    expect(f.status).toBe(400);
    expect(f.body.detail).toMatch(/^filter\{behaviors\.name\}: unknown field `name` on behavior;/);
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

  it('a malformed page parameter or format is 400 naming the parameter as sent, in the client encoder’s words', async () => {
    const range = 'must be an integer from 1 to 100 (the API maximum), got';
    for (const [q, detail] of [
      ['per_page=abc', `per_page ${range} "abc"`],
      ['limit=0', `limit ${range} 0`],
      ['offset=-5', 'offset must be a non-negative integer, got -5'],
      ['format=xml', 'format must be "json" or "api", got "xml"'],
    ]) {
      const r = await c.get(`api/private/stem/session/?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body, q).toEqual({ detail });
    }
    expect((await c.get('api/private/stem/session/?per_page=500')).body.sessions.length).toBeLessThanOrEqual(100);
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
