/**
 * `include[]` under load: embedded lists are cut to a documented size (and the cut is reported in a header),
 * one response embeds a bounded number of records, and nested paths (`sessions.projects.*`) embed inside embedded
 * records, as dynamic-rest does, up to three relations deep.
 */
import { request } from 'node:http';
import {
  getModel,
  MAX_EMBEDDED_PER_LIST,
  MAX_EMBEDDED_VALUES,
  TRUNCATED_INCLUDES_HEADER as TRUNCATED_HEADER,
} from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

const EXTRA_SESSIONS = 1500;
let c: TestClient;
let bigProject: { id: string; sessions: string[] };
beforeAll(async () => {
  c = await demoServer({ seedSessions: EXTRA_SESSIONS });
  const projects = (await c.get('api/private/stem/project/')).body.projects as { id: string; sessions: string[] }[];
  bigProject = projects.find((p) => p.sessions.length >= EXTRA_SESSIONS) as { id: string; sessions: string[] };
});
afterAll(() => c.close());

describe('embedded lists are bounded', () => {
  it(`a project with ${EXTRA_SESSIONS} sessions embeds the first ${MAX_EMBEDDED_PER_LIST} and says so in a header`, async () => {
    expect(bigProject.sessions.length).toBeGreaterThanOrEqual(EXTRA_SESSIONS);
    const res = await c.get(`api/private/stem/project/${bigProject.id}/?include[]=sessions.*`);
    expect(res.status).toBe(200);
    const sessions = res.body.project.sessions as { id: string; name: string }[];
    expect(sessions).toHaveLength(MAX_EMBEDDED_PER_LIST);
    expect(sessions.map((s) => s.id)).toEqual(bigProject.sessions.slice(0, MAX_EMBEDDED_PER_LIST));
    expect(res.headers.get(TRUNCATED_HEADER)).toBe('sessions');
  });

  it('the same list without include[] still holds every id, and no header is sent', async () => {
    const res = await c.get(`api/private/stem/project/${bigProject.id}/`);
    expect(res.body.project.sessions).toHaveLength(bigProject.sessions.length);
    expect(res.headers.get(TRUNCATED_HEADER)).toBeNull();
  });

  it('the list endpoint bounds embedded lists the same way', async () => {
    const res = await c.get(`api/private/stem/project/?filter{id}=${bigProject.id}&include[]=sessions.*`);
    expect(res.status).toBe(200);
    expect(res.body.projects[0].sessions).toHaveLength(MAX_EMBEDDED_PER_LIST);
    expect(res.headers.get(TRUNCATED_HEADER)).toBe('sessions');
  });

  it(`a response that would embed more than ${MAX_EMBEDDED_VALUES} records in all is a 400 naming the include`, async () => {
    // 100 sessions × their project × up to 1,000 sessions each.
    const res = await c.get('api/private/stem/session/?limit=100&include[]=projects.sessions.*');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(
      new RegExp(`^include\\[\\]=projects[.\\w]*\\.\\* would embed more than ${MAX_EMBEDDED_VALUES} records and ids`),
    );
  });

  it('ids listed inside embedded records count too: 1,000 sessions each embedding their project (its lists cut to 100 ids) is a 400', async () => {
    const res = await c.get(`api/private/stem/project/${bigProject.id}/?include[]=sessions.projects.*`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/include\[\]=sessions\.projects\.\* would embed more than/);
  });

  it("the Python client's load_project default includes still load", async () => {
    const includes = getModel('project').loader?.includes ?? [];
    expect(includes).toContain('sessions');
    const res = await c.get(`api/private/stem/project/?${includes.map((i) => `include[]=${i}.*`).join('&')}`);
    expect(res.status).toBe(200);
    for (const p of res.body.projects) {
      for (const name of includes) for (const item of p[name]) expect(typeof item.id).toBe('string');
    }
  });
});

describe('nested includes', () => {
  it('sessions.projects.* embeds each embedded session with its projects embedded too', async () => {
    const projects = (await c.get('api/private/stem/project/')).body.projects as { id: string; sessions: string[] }[];
    const project = projects.find((p) => p.sessions.length > 0 && p.sessions.length < 50)?.id as string;
    const res = await c.get(`api/private/stem/project/${project}/?include[]=sessions.projects.*`);
    expect(res.status).toBe(200);
    const first = res.body.project.sessions[0];
    expect(typeof first.name).toBe('string');
    expect(first.projects[0]).toMatchObject({ id: project, name: res.body.project.name });
  });

  it('a path and its prefix combine (include[]=projects.* and include[]=projects.cohorts.*)', async () => {
    const res = await c.get(
      `api/private/stem/session/?limit=5&include[]=projects.*&include[]=projects.cohorts.*&include[]=behaviors.*`,
    );
    expect(res.status).toBe(200);
    for (const s of res.body.sessions) {
      expect(typeof s.projects[0].name).toBe('string');
      expect(Array.isArray(s.projects[0].cohorts)).toBe(true);
      for (const cohort of s.projects[0].cohorts) expect(typeof cohort.name).toBe('string');
    }
  });

  it('a path more than three relations deep is a 400 naming the limit', async () => {
    const res = await c.get('api/private/stem/project/?include[]=sessions.projects.sessions.projects.*');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/includes nest at most 3 relations deep/);
  });

  it('an unknown relation inside a path is a 400 naming the model it was looked up on', async () => {
    const res = await c.get('api/private/stem/project/?include[]=sessions.nope.*');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(
      'include[]=sessions.nope: unknown relation `nope` on session; expected one of: epochs, projects, behaviors, datastorage, manipulations, dataacquisition',
    );
  });
});

describe('heavy requests whose clients leave', () => {
  it('free their work slot: after 20 abandoned include requests, the next one is answered', async () => {
    const url = `${c.url}api/private/stem/project/${bigProject.id}/?include[]=sessions.*`;
    await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          new Promise<void>((resolve) => {
            const req = request(url, { headers: { Authorization: `Bearer ${DEMO_USERS.alice.token}` } });
            req.on('error', () => resolve());
            req.end(() =>
              setTimeout(() => {
                req.destroy();
                resolve();
              }, 5),
            );
          }),
      ),
    );
    const res = await c.get(`api/private/stem/project/${bigProject.id}/?include[]=sessions.*`);
    expect(res.status).toBe(200);
    expect(res.body.project.sessions).toHaveLength(MAX_EMBEDDED_PER_LIST);
  });
});
