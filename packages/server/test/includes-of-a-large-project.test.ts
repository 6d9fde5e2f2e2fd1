/**
 * `include[]` on records that share one large related record: a page of sessions embedding their project, which
 * has 10,004 sessions of its own. The project's own relation lists inside each embedded copy are cut to
 * MAX_IDS_PER_EMBEDDED_LIST ids and named in the truncation header, so every page answers 200 with a bounded body
 * however many sessions the project gathers.
 */
import { MAX_IDS_PER_EMBEDDED_LIST, TRUNCATED_INCLUDES_HEADER as TRUNCATED_HEADER } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

const EXTRA_SESSIONS = 10_000;
let c: TestClient;
let big: { id: string; sessions: string[] };
let total: number;
beforeAll(async () => {
  c = await demoServer({ seedSessions: EXTRA_SESSIONS });
  const r = await c.get(`api/private/stem/project/?filter{name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}`);
  big = r.body.projects[0];
  total = (await c.get('api/private/stem/session/?limit=1')).body.count;
}, 60_000);
afterAll(() => c.close());

// biome-ignore lint/suspicious/noExplicitAny: embedded records are arbitrary JSON
type Rec = Record<string, any>;

describe('a page of sessions embedding a project of 10,000 sessions', () => {
  it('answers 200, each embedded project listing its first session ids, the cut named in the header', async () => {
    expect(big.sessions.length).toBeGreaterThan(EXTRA_SESSIONS);
    expect(total).toBeGreaterThan(EXTRA_SESSIONS);
    const res = await c.get('api/private/stem/session/?limit=100&include[]=projects.*');
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const embedded = (res.body.sessions as Rec[]).flatMap((s) => s.projects as Rec[]);
    const copies = embedded.filter((p) => p.id === big.id);
    expect(copies.length).toBeGreaterThan(0);
    for (const p of copies) expect(p.sessions).toEqual(big.sessions.slice(0, MAX_IDS_PER_EMBEDDED_LIST));
    expect(res.headers.get(TRUNCATED_HEADER)).toBe('projects.sessions');
    // 100 copies of 100 ids each, not of 10,004: well under a megabyte.
    expect(res.text.length).toBeLessThan(1_000_000);
  });

  it('every page answers so, to the last', async () => {
    const res = await c.get(`api/private/stem/session/?limit=100&offset=${total - 50}&include[]=projects.*`);
    expect(res.status).toBe(200);
    expect(res.body.sessions).toHaveLength(50);
    for (const s of res.body.sessions as Rec[])
      for (const p of s.projects as Rec[]) expect(typeof p.name).toBe('string');
  });

  it('short lists inside embedded records are whole and no header is sent', async () => {
    const projects = (await c.get('api/private/stem/project/')).body.projects as Rec[];
    const small = projects.find((p) => p.id !== big.id && p.sessions.length > 0) as Rec;
    const res = await c.get(`api/private/stem/project/${small.id}/?include[]=sessions.*`);
    expect(res.status).toBe(200);
    expect(res.body.project.sessions.length).toBeGreaterThan(0);
    for (const s of res.body.project.sessions as Rec[]) {
      const whole = (await c.get(`api/private/stem/session/${s.id}/`)).body.session;
      expect(s.projects).toEqual(whole.projects);
      expect(s.behaviors).toEqual(whole.behaviors);
    }
    expect(res.headers.get(TRUNCATED_HEADER)).toBeNull();
  });

  it('the project itself, without include[], still lists every session id', async () => {
    const res = await c.get(`api/private/stem/project/${big.id}/`);
    expect(res.body.project.sessions).toHaveLength(big.sessions.length);
    expect(res.headers.get(TRUNCATED_HEADER)).toBeNull();
  });

  it('a list that is itself included is cut to its own bound, not the id bound', async () => {
    const res = await c.get(`api/private/stem/project/${big.id}/?include[]=sessions.*`);
    expect(res.status).toBe(200);
    expect(res.body.project.sessions.length).toBeGreaterThan(MAX_IDS_PER_EMBEDDED_LIST);
    expect(res.headers.get(TRUNCATED_HEADER)).toBe('sessions');
  });
});
