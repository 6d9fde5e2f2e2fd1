/**
 * Malformed input at every writable model and action: no input yields a 500, and a refused request leaves
 * every table exactly as it was (one transaction per request). Uses app.inject: sockets add nothing here.
 */
import { MODELS, type ModelSpec } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTables } from '../src/db/schema.js';
import { prng } from '../src/faults.js';
import { buildApp, DEMO_USERS, type ServerContext } from '../src/index.js';

let app: FastifyInstance;
let ctx: ServerContext;
beforeAll(async () => {
  ({ app, ctx } = await buildApp({ seed: 'demo', quiet: true }));
});
afterAll(() => app.close());

const WEIRD: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  2 ** 63,
  '',
  ' ',
  'x'.repeat(5000),
  '💥\u0000\u202e',
  [],
  [null],
  [{}],
  [[]],
  ['a'.repeat(300)],
  {},
  { a: {} },
  { 'bad key': 1 },
  { __proto__: { polluted: 1 } },
  '2024-02-30',
  '2024-01-01T25:00:00Z',
  '00000000-0000-4000-8000-000000000000',
  '1; DROP TABLE t_session; --',
  "' OR 1=1 --",
  1.2345678901234567e19,
  'true',
  '-5',
  [1, 2, 3],
];

function snapshot(): string {
  const counts = allTables().map(
    (t) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${t.table}`).get() as { n: number }).n,
  );
  const extra = ['project_grants', 'attr_grants', 'group_members', 'tokens'].map(
    (t) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
  );
  return JSON.stringify([...counts, ...extra]);
}

function bodyFor(m: ModelSpec, rand: () => number, ids: unknown[]): unknown {
  const r = rand();
  if (r < 0.05) return WEIRD[Math.floor(rand() * WEIRD.length)];
  const body: Record<string, unknown> = {};
  for (const f of m.fields) {
    if (rand() < 0.5) continue;
    const pick = rand();
    body[f.name] =
      pick < 0.7
        ? WEIRD[Math.floor(rand() * WEIRD.length)]
        : pick < 0.85
          ? ids[Math.floor(rand() * ids.length)]
          : [ids[Math.floor(rand() * ids.length)]];
  }
  return body;
}

const writable = (MODELS as readonly ModelSpec[]).filter(
  (m) => m.portals.add?.includes('private') || m.portals.change?.includes('private') || m.actions?.length,
);

describe('fuzz: no 500s, no partial writes', () => {
  it.each(writable.map((m) => [m.name, m] as const))('%s', async (_n, m) => {
    const rand = prng([...m.name].reduce((a, ch) => a * 31 + ch.charCodeAt(0), 7) >>> 0);
    const headers = { authorization: `Bearer ${DEMO_USERS.alice.token}`, 'content-type': 'application/json' };
    const base = `/api/private/${m.app}/${m.name}/`;
    const list = JSON.parse((await app.inject({ url: base, headers })).body);
    const existing = list[m.listKey]?.[0]?.id;
    // Ids of other records (valid and visible, but mostly of the wrong model) to mix in.
    const ids: unknown[] = [existing, 1, 2, ...(await otherIds(headers))];
    for (let i = 0; i < 40; i++) {
      const body = bodyFor(m, rand, ids);
      const payload = rand() < 0.1 ? `{"broken": ${JSON.stringify(body)}` : JSON.stringify(body);
      const targets: [string, string][] = [];
      if (m.portals.add) targets.push(['POST', base]);
      if (m.portals.change && existing !== undefined)
        targets.push([rand() < 0.5 ? 'PATCH' : 'PUT', `${base}${existing}/`]);
      for (const a of m.actions ?? [])
        if (a.method !== 'GET' && existing !== undefined) targets.push([a.method, `${base}${existing}/${a.name}/`]);
      for (const [method, url] of targets) {
        const before = snapshot();
        const res = await app.inject({ method: method as 'POST', url, headers, payload });
        expect(res.statusCode, `${method} ${url} ${payload.slice(0, 200)} → ${res.body}`).toBeLessThan(500);
        expect(() => JSON.parse(res.body)).not.toThrow();
        if (res.statusCode >= 400)
          expect(snapshot(), `${method} ${url} changed rows on ${res.statusCode}`).toBe(before);
      }
    }
  });

  it('weird query strings never 500', async () => {
    const headers = { authorization: `Bearer ${DEMO_USERS.alice.token}` };
    const queries = [
      'filter{}=x',
      'filter{.}=x',
      'filter{name..icontains}=x',
      'filter{projects.id.in}=a,b,,c',
      'filter{projects.projects.id}=x',
      'filter{behaviors.session.projects.name}=x',
      'sort[]=',
      'sort[]=-',
      'sort[]=projects.name.x',
      'include[]=.*',
      'include[]=projects.sessions.*',
      'limit=1e3',
      'offset=99999999999999999999',
      'filter{name}=%00',
      'filter{date_time.gt}=not-a-date',
      '%ZZ=1',
    ];
    for (const q of queries) {
      const res = await app.inject({ url: `/api/private/stem/session/?${q}`, headers });
      expect(res.statusCode, `${q} → ${res.body}`).toBeLessThan(500);
    }
  });
});

async function otherIds(headers: Record<string, string>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const path of [
    'stem/project',
    'stem/session',
    'stem/subject',
    'personal_attributes/setup',
    'taxonomies/species',
  ]) {
    const body = JSON.parse((await app.inject({ url: `/api/private/${path}/?limit=1`, headers })).body);
    const key = Object.keys(body)[0] as string;
    out.push(body[key]?.[0]?.id);
  }
  return out;
}
