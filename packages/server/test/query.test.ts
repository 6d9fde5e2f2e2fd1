/** The query language: every operator, relation paths, AND, sort[], include[], pagination edges. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../src/index.js';
import { demoServer, type Res, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer({ seedSessions: 250 });
});
afterAll(() => c.close());

const names = (r: Res, key = 'sessions') => (r.body[key] as { name: string }[]).map((x) => x.name);
const sessions = (q: string) => c.get(`api/private/stem/session/?limit=100&${q}`);
const projects = (q: string, portal = 'private') =>
  c.get(`api/${portal}/stem/project/?${q}`, portal === 'public' ? null : 'alice');

describe('filter operators', () => {
  it('exact (bare and .exact) and iexact', async () => {
    expect(names(await sessions('filter{name}=PC-M01_2024-03-01'))).toEqual(['PC-M01_2024-03-01']);
    expect(names(await sessions('filter{name.exact}=PC-M01_2024-03-01'))).toEqual(['PC-M01_2024-03-01']);
    expect(names(await sessions('filter{name.exact}=pc-m01_2024-03-01'))).toEqual([]);
    expect(names(await sessions('filter{name.iexact}=pc-m01_2024-03-01'))).toEqual(['PC-M01_2024-03-01']);
  });

  it('contains / icontains', async () => {
    expect(names(await sessions('filter{name.contains}=cooling'))).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    expect(names(await sessions('filter{name.contains}=COOLING'))).toEqual([]);
    expect(names(await sessions('filter{name.icontains}=COOLING'))).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    // LIKE wildcards in the value are literal.
    expect(names(await sessions('filter{name.icontains}=%25'))).toEqual([]);
    expect(names(await sessions('filter{name.icontains}=R01_')).length).toBe(3);
  });

  it('startswith / istartswith / endswith / iendswith', async () => {
    expect(names(await sessions('filter{name.startswith}=MS-'))).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    expect(names(await sessions('filter{name.startswith}=ms-'))).toEqual([]);
    expect(names(await sessions('filter{name.istartswith}=ms-'))).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    expect(names(await sessions('filter{name.endswith}=_1')).sort()).toEqual([
      'MS-R01_cooling_1',
      'WM-R01_delay_1',
      'ripples_sleep_1',
    ]);
    expect(names(await sessions('filter{name.iendswith}=_DELAY_1'))).toEqual(['WM-R01_delay_1']);
    // Glob characters are literal too.
    expect(names(await sessions('filter{name.startswith}=*'))).toEqual([]);
  });

  it('gt / gte / lt / lte on date-times and integers', async () => {
    const after = names(await sessions('filter{date_time.gt}=2024-03-02T10:00:00Z&filter{date_time.lt}=2024-04-01'));
    expect(after).toEqual(['PC-M02_2024-03-05']);
    const from = names(
      await sessions('filter{date_time.gte}=2024-03-02T10:00:00Z&filter{date_time.lte}=2024-03-05T14:00:00Z'),
    );
    expect(from).toEqual(['PC-M01_2024-03-02', 'PC-M02_2024-03-05']);
    // Time-zone offsets are normalised before comparing.
    expect(names(await sessions('filter{date_time}=2024-03-01T11:00:00%2B01:00'))).toEqual(['PC-M01_2024-03-01']);
    const litters = await c.get('api/private/stem/breeding/?filter{litter_size.gte}=6');
    expect(litters.body.breedings.map((b: { name: string }) => b.name)).toEqual(['PV-Cre x C57 breeding 1']);
    expect((await c.get('api/private/stem/breeding/?filter{litter_size.lt}=6')).body.breedings).toEqual([]);
  });

  it('in (comma list) and isnull', async () => {
    expect(names(await sessions('filter{name.in}=MS-R01_cooling_1,WM-R01_delay_1,nope'))).toEqual([
      'MS-R01_cooling_1',
      'WM-R01_delay_1',
    ]);
    const undated = await c.get('api/private/taxonomies/species/?filter{rrid.isnull}=true');
    expect(undated.body.species.length).toBe(3);
    expect((await c.get('api/private/taxonomies/strain/?filter{rrid.isnull}=false')).body.strains.length).toBe(2);
    const noDate = await sessions('filter{date_time.isnull}=true');
    expect(noDate.body.sessions).toEqual([]);
  });

  it('booleans, integers and ids', async () => {
    const pub = await projects('filter{is_public}=true');
    expect(pub.body.projects.every((p: { is_public: boolean }) => p.is_public)).toBe(true);
    expect(pub.body.count).toBe(3);
    expect((await projects('filter{is_public}=False')).body.count).toBe(3);
    const group = await c.get('api/private/users/group/?filter{id}=1');
    expect(group.body.groups.map((g: { name: string }) => g.name)).toEqual(['Andersen Lab']);
    const one = await sessions('limit=1');
    const id = one.body.sessions[0].id;
    expect(names(await sessions(`filter{id}=${id}`))).toEqual([one.body.sessions[0].name]);
  });

  it('tags: exact matches an element, icontains matches inside elements', async () => {
    expect((await projects('filter{tags}=cooling')).body.projects.map((p: { name: string }) => p.name)).toEqual([
      DEMO_PROJECTS.septumCooling,
    ]);
    expect((await projects('filter{tags.icontains}=COOL')).body.count).toBe(1);
    expect((await projects('filter{tags}=cool')).body.count).toBe(0);
  });
});

describe('relation paths and AND', () => {
  it('projects.id, projects.name.icontains, session.id, subject.id, strain.id, reverse lists', async () => {
    const p = (await projects(`filter{name}=${encodeURIComponent(DEMO_PROJECTS.septumCooling)}`)).body.projects[0];
    expect(names(await sessions(`filter{projects.id}=${p.id}`))).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    expect(names(await sessions(`filter{projects}=${p.id}`))).toEqual(['MS-R01_cooling_1', 'MS-R01_cooling_2']);
    expect(names(await sessions('filter{projects.name.icontains}=septum'))).toEqual([
      'MS-R01_cooling_1',
      'MS-R01_cooling_2',
    ]);
    const s1 = (await sessions('filter{name}=PC-M01_2024-03-01')).body.sessions[0];
    const behaviors = await c.get(`api/private/modules/behavior/?filter{session.id}=${s1.id}`);
    expect(behaviors.body.behaviors.map((b: { id: string }) => b.id)).toEqual(s1.behaviors);
    const byName = await c.get('api/private/modules/dataacquisition/?filter{session.name.startswith}=PC-M01');
    expect(byName.body.data_acquisitions.length).toBe(2);
    const strain = (await c.get('api/private/taxonomies/strain/?filter{name}=Long-Evans')).body.strains[0];
    const rats = await c.get(`api/private/stem/subject/?filter{strain.id}=${strain.id}`);
    expect(rats.body.subjects.map((s: { name: string }) => s.name).sort()).toEqual([
      'MS-R01',
      'WM-R01',
      'ripple-rat-1',
    ]);
    const subj = rats.body.subjects.find((s: { name: string }) => s.name === 'MS-R01');
    const procs = await c.get(`api/private/modules/procedure/?filter{subject.id}=${subj.id}`);
    expect(procs.body.procedures.map((x: { type: string }) => x.type)).toEqual(['VirusInjection']);
    // Reverse list on project: projects that contain a session.
    const withSession = await projects(`filter{sessions.id}=${s1.id}`);
    expect(withSession.body.projects.map((x: { name: string }) => x.name)).toEqual([DEMO_PROJECTS.placeCells]);
    expect((await projects('filter{sessions.name.icontains}=cooling')).body.count).toBe(1);
  });

  it('public project search: name.icontains=visual; allen AND neuropixels', async () => {
    const visual = await projects('filter{name.icontains}=visual', 'public');
    expect(visual.body.projects.map((p: { name: string }) => p.name).sort()).toEqual(
      [DEMO_PROJECTS.allenNeuropixels, DEMO_PROJECTS.allenTwoPhoton].sort(),
    );
    const both = await projects('filter{name.icontains}=allen&filter{description.icontains}=neuropixels', 'public');
    expect(both.body.projects.map((p: { name: string }) => p.name)).toEqual([DEMO_PROJECTS.allenNeuropixels]);
    expect(both.body.meta).toEqual({ total_results: 1, total_pages: 1, page: 1, per_page: 20 });
  });

  it('created_date and modified_date are filterable and sortable but not in bodies', async () => {
    const r = await sessions('sort[]=-created_date&limit=2');
    expect(r.status).toBe(200);
    expect(r.body.sessions[0]).not.toHaveProperty('created_date');
    expect((await sessions('filter{created_date.gte}=2000-01-01')).body.count).toBeGreaterThan(250);
    expect((await sessions('filter{modified_date.lt}=2000-01-01')).body.count).toBe(0);
  });
});

describe('400s name the bad part', () => {
  it.each([
    ['filter{nope}=1', 'nope'],
    ['filter{name.nope}=1', 'nope'],
    ['filter{projects.nope}=1', 'nope'],
    ['filter{extra_fields}=1', 'cannot be filtered on (json)'],
    ['filter{date_time.isnull}=maybe', 'true or false'],
    ['sort[]=nope', 'nope'],
    ['sort[]=-projects', 'projects'],
    ['include[]=nope', 'nope'],
    ['include[]=name', 'name'],
    ['limit=abc', 'abc'],
    ['limit=-1', '-1'],
    ['limit=0', 'limit'],
    ['offset=-5', '-5'],
    ['offset=x', 'x'],
    ['filter[name]=x', 'filter[name]'],
  ])('%s', async (q, needle) => {
    const r = await c.get(`api/private/stem/session/?${q}`);
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain(needle);
  });

  it('an integer filter on an integer field rejects text', async () => {
    const r = await c.get('api/private/stem/breeding/?filter{litter_size}=many');
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain('litter_size');
  });
});

describe('sort[]', () => {
  it('ascending, descending, repeatable, relation.field', async () => {
    const asc = names(await sessions('filter{name.startswith}=PC-&sort[]=name'));
    expect(asc).toEqual([...asc].sort());
    const desc = names(await sessions('filter{name.startswith}=PC-&sort[]=-name'));
    expect(desc).toEqual([...asc].reverse());
    const two = await c.get('api/private/stem/subject/?sort[]=sex&sort[]=-name&limit=100');
    const subjects = two.body.subjects as { sex: string; name: string }[];
    for (let i = 1; i < subjects.length; i++) {
      const a = subjects[i - 1] as { sex: string; name: string };
      const b = subjects[i] as { sex: string; name: string };
      expect(a.sex < b.sex || (a.sex === b.sex && a.name >= b.name)).toBe(true);
    }
    const bySession = await c.get('api/private/modules/dataacquisition/?sort[]=-session.name&limit=100');
    const sessionNames = [];
    for (const d of bySession.body.data_acquisitions) {
      sessionNames.push((await c.get(`api/private/stem/session/${d.session}/`)).body.session.name);
    }
    expect(sessionNames).toEqual([...sessionNames].sort().reverse());
  });
});

describe('include[]', () => {
  it('rel and rel.* embed full related records; unincluded stay ids', async () => {
    for (const inc of ['projects', 'projects.*']) {
      const r = await sessions(`filter{name}=PC-M01_2024-03-01&include[]=${inc}&include[]=behaviors.*`);
      const s = r.body.sessions[0];
      expect(s.projects[0]).toMatchObject({ name: DEMO_PROJECTS.placeCells });
      expect(s.behaviors[0]).toHaveProperty('setup');
      expect(typeof s.dataacquisition[0]).toBe('string');
    }
    const detail = await c.get(
      `api/private/stem/project/?filter{name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}&include[]=collections.*`,
    );
    expect(detail.body.projects[0].collections[0]).toMatchObject({ name: 'Good place-cell sessions' });
    const one = (await sessions('filter{name}=PC-M01_2024-03-01')).body.sessions[0];
    const d = await c.get(`api/private/stem/session/${one.id}/?include[]=datastorage.*`);
    expect(d.body.session.datastorage[0]).toMatchObject({ name: 'Andersen lab NAS' });
  });

  it('embedded records are only those the caller may read', async () => {
    const r = await c.get('api/public/stem/session/?include[]=projects.*&limit=100', null);
    for (const s of r.body.sessions) for (const p of s.projects) expect(p.is_public).toBe(true);
  });
});

describe('pagination', () => {
  it('default 20, limit, offset, count, next/previous', async () => {
    const first = await c.get('api/private/stem/session/');
    expect(first.body.sessions.length).toBe(20);
    const total = first.body.count;
    expect(total).toBe(260);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toBe(`${c.url}api/private/stem/session/?limit=20&offset=20`);
    const next = await c.get(first.body.next.slice(c.url.length));
    expect(next.body.previous).toBe(`${c.url}api/private/stem/session/?limit=20`);
    expect(next.body.sessions[0].id).not.toBe(first.body.sessions[0].id);
    const last = await sessions(`offset=${total - 1}`);
    expect(last.body.sessions.length).toBe(1);
    expect(last.body.next).toBeNull();
  });

  it('keeps filters in next links', async () => {
    const r = await c.get('api/private/stem/session/?filter{name.startswith}=bench&sort[]=-name&limit=5');
    expect(r.body.next).toContain('filter{name.startswith}=bench');
    expect(r.body.next).toContain('sort[]=-name');
    const n = await c.get(r.body.next.slice(c.url.length));
    expect(n.body.sessions[0].name < r.body.sessions[4].name).toBe(true);
  });

  it('offset past the end is an empty page with the count', async () => {
    const r = await sessions('offset=100000');
    expect(r.status).toBe(200);
    expect(r.body.sessions).toEqual([]);
    expect(r.body.count).toBe(260);
    expect(r.body.next).toBeNull();
  });

  it('limit above 100 is clamped to 100 (as DRF max_limit)', async () => {
    const r = await c.get('api/private/stem/session/?limit=101');
    expect(r.status).toBe(200);
    expect(r.body.sessions.length).toBe(100);
  });

  it('pages are disjoint and cover everything exactly once', async () => {
    const seen = new Set<string>();
    for (let o = 0; o < 260; o += 100) {
      for (const s of (await sessions(`offset=${o}`)).body.sessions) seen.add(s.id);
    }
    expect(seen.size).toBe(260);
  });

  it('a write invalidates memoised pages', async () => {
    const before = (await sessions('filter{name.startswith}=zz')).body.count;
    const pid = (await projects('filter{name.icontains}=place')).body.projects[0].id;
    await c.req('POST', 'api/private/stem/session/', { body: { name: 'zz-new', projects: [pid] } });
    expect((await sessions('filter{name.startswith}=zz')).body.count).toBe(before + 1);
  });
});

describe('pagination: minimal', () => {
  it('drops count/next/previous/meta', async () => {
    const m = await demoServer({ pagination: 'minimal' });
    try {
      const r = await m.get('api/public/stem/project/?limit=1', null);
      expect(Object.keys(r.body)).toEqual(['projects']);
      expect(r.body.projects.length).toBe(1);
    } finally {
      await m.close();
    }
  });
});
