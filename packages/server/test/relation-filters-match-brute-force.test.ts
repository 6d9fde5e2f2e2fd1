// Filters through relation paths (one hop and two) answer exactly what a brute-force walk over the records gives:
// a record matches when some chain of related records the caller may read ends in a value the operator accepts.
// The walk here is plain JS over the records read back from the server; reverse lists are rebuilt from the
// forward side (`via`), so the server's own rendering of them is not what is checked against.
import { FILTER_OPERATORS, type FilterOperator, getModel, modelPath } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: records are arbitrary JSON
type Rec = Record<string, any>;

let c: TestClient;
const records = new Map<string, Map<string, Rec>>();

const pathOf = (model: string) => modelPath(model, { portal: 'private' }).replace(/^\//, '');

async function readAll(model: string): Promise<Map<string, Rec>> {
  const out = new Map<string, Rec>();
  for (let offset = 0; ; offset += 100) {
    const r = await c.get(`${pathOf(model)}?limit=100&offset=${offset}`);
    expect(r.status).toBe(200);
    const list = Object.values(r.body).find(Array.isArray) as Rec[];
    for (const rec of list) out.set(rec.id, rec);
    if (list.length < 100) return out;
  }
}

/** Names that exercise case, LIKE's `%`/`_`, GLOB's `*`/`?`/`[` and prefixes shared across records. */
const NAMES = ['Alpha-1', 'alpha-2', 'ALPHA_3', 'Beta%4', 'beta*5', 'gamma?6', 'Gamma[7]', 'delta-8', 'ab', 'AB-x'];

/** A small deterministic generator, so a failure names a reproducible world. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

beforeAll(async () => {
  c = await demoServer();
  const rand = rng(7);
  const projects = [...(await readAll('project')).values()];
  const own = projects.filter((p) => p.users?.['alice@example.org']?.can_change);
  const place = projects.find((p) => p.name === DEMO_PROJECTS.placeCells);
  expect(own.length).toBeGreaterThan(1);
  // A project of Alice's with no sessions, and one named like the sessions.
  for (const name of ['empty-project', 'alpha-project']) {
    const r = await c.req('POST', 'api/private/stem/project/', { body: { name } });
    expect(r.status).toBe(201);
    own.push(r.body.project);
  }
  const subject = (await c.get('api/private/stem/subject/?filter{name}=PC-M01')).body.subjects[0];
  const setup = (await c.get('api/private/personal_attributes/setup/')).body.setups[0];
  const assay = (await c.get('api/private/personal_attributes/behavioralassay/')).body.behavioralassays[0];
  for (const [i, name] of NAMES.entries()) {
    const linked = own.filter((p) => p.name !== 'empty-project' && rand() < 0.4).map((p) => p.id);
    if (linked.length === 0) linked.push(place?.id ?? own[0]?.id);
    const s = await c.req('POST', 'api/private/stem/session/', { body: { name, projects: linked } });
    expect(s.status).toBe(201);
    for (let k = 0; k < i % 3; k++) {
      const notes = rand() < 0.3 ? undefined : NAMES[Math.floor(rand() * NAMES.length)];
      const b = await c.req('POST', 'api/private/modules/behavior/', {
        body: {
          session: s.body.session.id,
          subjects: [subject.id],
          setup: setup.id,
          behavioralassay: assay.id,
          ...(notes ? { notes } : {}),
        },
      });
      expect(b.status).toBe(201);
    }
  }
  for (const m of ['session', 'project', 'behavior']) records.set(m, await readAll(m));
}, 60_000);
afterAll(() => c?.close());

/** The records reached from `rec` through field `name` of `model`, among those the caller reads. */
function follow(model: string, rec: Rec, name: string): Rec[] {
  const f = getModel(model).fields.find((x) => x.name === name);
  if (!f?.target) throw new Error(`${model}.${name} is not a relation`);
  const targets = records.get(f.target);
  if (!targets) throw new Error(`no records of ${f.target}`);
  if (f.via) return [...targets.values()].filter((t) => [t[f.via as string]].flat().includes(rec.id));
  const ids: string[] = [rec[name]].flat().filter((x) => x !== null && x !== undefined);
  return ids.flatMap((id) => targets.get(id) ?? []);
}

/**
 * Whether a stored value passes `op` with the raw filter value, as SQL compares text. An id given to a comparison
 * (not a text match) is read as a UUID, which is case-insensitive: the server compares it in lower case.
 */
function passes(v: unknown, op: FilterOperator, rawAsSent: string, isId = false): boolean {
  if (op === 'isnull') return (v === null || v === undefined) === (rawAsSent === 'true');
  if (v === null || v === undefined) return false;
  const textMatch = ['iexact', 'contains', 'icontains', 'startswith', 'istartswith', 'endswith', 'iendswith'];
  const raw = isId && !textMatch.includes(op) ? rawAsSent.toLowerCase() : rawAsSent;
  const s = String(v);
  const lower = (x: string) => x.toLowerCase();
  switch (op) {
    case 'exact':
      return s === raw;
    case 'iexact':
      return lower(s) === lower(raw);
    case 'contains':
      return s.includes(raw);
    case 'icontains':
      return lower(s).includes(lower(raw));
    case 'startswith':
      return s.startsWith(raw);
    case 'istartswith':
      return lower(s).startsWith(lower(raw));
    case 'endswith':
      return s.endsWith(raw);
    case 'iendswith':
      return lower(s).endsWith(lower(raw));
    case 'gt':
      return s > raw;
    case 'gte':
      return s >= raw;
    case 'lt':
      return s < raw;
    case 'lte':
      return s <= raw;
    case 'in':
      return raw.split(',').includes(s);
  }
}

/**
 * Brute force: `model` records for which some chain through `hops` reaches a record whose `field` passes. A
 * relation (list) as the last field compares the ids it holds; `isnull` on it asks whether it holds none.
 */
function expected(model: string, hops: string[], field: string, op: FilterOperator, raw: string): string[] {
  const matches = (m: string, rec: Rec, i: number): boolean => {
    const h = hops[i];
    if (h !== undefined) {
      const target = getModel(m).fields.find((x) => x.name === h)?.target as string;
      return follow(m, rec, h).some((r) => matches(target, r, i + 1));
    }
    const f = getModel(m).fields.find((x) => x.name === field);
    if (f?.target) {
      const ids = follow(m, rec, field).map((r) => r.id);
      if (op === 'isnull') return (ids.length === 0) === (raw === 'true');
      return ids.some((id) => passes(id, op, raw, true));
    }
    return passes(rec[field], op, raw);
  };
  return [...(records.get(model)?.values() ?? [])]
    .filter((r) => matches(model, r, 0))
    .map((r) => r.id)
    .sort();
}

async function served(model: string, key: string, raw: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const r = await c.get(`${pathOf(model)}?filter{${key}}=${encodeURIComponent(raw)}&limit=100&offset=${offset}`);
    expect(r.status, `${key}=${raw}: ${r.text}`).toBe(200);
    const list = Object.values(r.body).find(Array.isArray) as Rec[];
    ids.push(...list.map((x) => x.id));
    if (list.length < 100) return ids.sort();
  }
}

/** Values for an operator on text: hits in several case spellings, wildcard characters, and a miss. */
function textValues(op: FilterOperator): string[] {
  if (op === 'isnull') return ['true', 'false'];
  if (op === 'in') return ['Alpha-1,beta*5', 'alpha-2', 'nothing,none'];
  if (['gt', 'gte', 'lt', 'lte'].includes(op)) return ['Beta%4', 'alpha', 'delta-8'];
  return ['alpha', 'Alpha-1', 'ALPHA', '%', '_', '*', '?', '[7]', 'ab', 'zzz'];
}

/** Values for an operator on ids: a real id, a prefix of one, a list and a miss. */
function idValues(op: FilterOperator, model: string): string[] {
  const ids = [...(records.get(model)?.keys() ?? [])].sort();
  const [a = '', b = ''] = ids;
  if (op === 'isnull') return ['true', 'false'];
  if (op === 'in') return [`${a},${b}`, '00000000-0000-4000-8000-000000000000'];
  if (['gt', 'gte', 'lt', 'lte'].includes(op)) return [b];
  if (op === 'exact' || op === 'iexact') return [a, a.toUpperCase(), '00000000-0000-4000-8000-000000000000'];
  return [a.slice(0, 6), a.slice(-6), 'zzz'];
}

interface Case {
  model: string;
  hops: string[];
  field: string;
  /** The model of `field` (for id values of a relation at the end). */
  target?: string;
}

const TEXT_CASES: Case[] = [
  // one hop: junction, reverse through a junction, a single relation, reverse through a column
  { model: 'session', hops: ['projects'], field: 'name' },
  { model: 'project', hops: ['sessions'], field: 'name' },
  { model: 'behavior', hops: ['session'], field: 'name' },
  { model: 'session', hops: ['behaviors'], field: 'notes' },
  // two hops
  { model: 'session', hops: ['projects', 'sessions'], field: 'name' },
  { model: 'behavior', hops: ['session', 'projects'], field: 'name' },
  { model: 'project', hops: ['sessions', 'behaviors'], field: 'notes' },
];

const RELATION_CASES: Case[] = [
  { model: 'session', hops: [], field: 'projects', target: 'project' },
  { model: 'project', hops: [], field: 'sessions', target: 'session' },
  { model: 'session', hops: ['projects'], field: 'sessions', target: 'session' },
  { model: 'behavior', hops: ['session'], field: 'projects', target: 'project' },
  { model: 'project', hops: ['sessions'], field: 'behaviors', target: 'behavior' },
];

describe('relation filters agree with a brute-force walk', () => {
  for (const k of TEXT_CASES) {
    const key = [...k.hops, k.field].join('.');
    it(`${k.model} ${key}.<every operator>`, async () => {
      for (const op of FILTER_OPERATORS) {
        for (const raw of textValues(op)) {
          const want = expected(k.model, k.hops, k.field, op, raw);
          expect(await served(k.model, `${key}.${op}`, raw), `${k.model} ${key}.${op}=${raw}`).toEqual(want);
        }
      }
    });
  }
  for (const k of RELATION_CASES) {
    const key = [...k.hops, k.field].join('.');
    it(`${k.model} ${key}.<every operator> (by id)`, async () => {
      for (const op of FILTER_OPERATORS) {
        for (const raw of idValues(op, k.target as string)) {
          const want = expected(k.model, k.hops, k.field, op, raw);
          expect(await served(k.model, `${key}.${op}`, raw), `${k.model} ${key}.${op}=${raw}`).toEqual(want);
        }
      }
    });
  }

  it('the walk finds matches and misses, so agreement is not vacuous', () => {
    const hits = expected('session', ['projects', 'sessions'], 'name', 'icontains', 'alpha');
    const all = records.get('session')?.size ?? 0;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(all);
    expect(expected('project', [], 'sessions', 'isnull', 'true').length).toBeGreaterThan(0);
    const notes = expected('session', ['behaviors'], 'notes', 'icontains', 'alpha');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.length).toBeLessThan(all);
  });
});
