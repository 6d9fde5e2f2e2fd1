/**
 * Property test over every model the private portal creates: create and update bodies built from each field's
 * registry type (values of the right kind, edge cases, and values of the wrong kind). Properties: the server never
 * answers 5xx, and every record it accepts reads back (GET) as valid for the registry's field types — lengths within
 * `maxLength`, enum values among the choices, dates that exist, no NUL or lone surrogates in text, lists of the
 * right items. Runs in-process (`app.inject`) with a bounded number of runs per model so it stays quick in CI.
 */
import { type FieldSpec, MODELS, type ModelSpec } from 'brainstem-api-description';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charLength, textProblem } from '../src/characters.js';
import { buildApp, DEMO_USERS } from '../src/index.js';

const RUNS = 20;
const headers = { authorization: `Bearer ${DEMO_USERS.alice.token}`, 'content-type': 'application/json' };
let app: FastifyInstance;
/** A few ids of readable records per model, for relation fields. */
const knownIds = new Map<string, (string | number)[]>();

const byName = new Map((MODELS as readonly ModelSpec[]).map((m) => [m.name, m]));
const pathOf = (m: ModelSpec) => `/api/private/${m.app}/${m.name}/`;

beforeAll(async () => {
  ({ app } = await buildApp({ seed: 'demo', quiet: true }));
  for (const m of MODELS as readonly ModelSpec[]) {
    if (!m.portals.list?.includes('private')) continue;
    const res = await app.inject({ url: `${pathOf(m)}?limit=5`, headers });
    const list = (JSON.parse(res.body)[m.listKey] ?? []) as { id: string | number }[];
    knownIds.set(
      m.name,
      list.map((r) => r.id),
    );
  }
});
afterAll(() => app.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Values of no particular field type: what a confused or hostile client sends. */
const wrongKind = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('\u0000', '\ud800', 'x'.repeat(300), '2024-02-30', '9999-99-99T99:99:99Z', ''),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });

function relationIds(target: string): (string | number)[] {
  return knownIds.get(target) ?? [];
}

/** Values the server should accept for a field (null when the registry type has none the test can make). */
function validArb(f: FieldSpec): fc.Arbitrary<unknown> | null {
  const max = f.maxLength ?? 300;
  switch (f.type) {
    case 'string':
    case 'text':
    case 'other':
      if (f.format === 'email') return fc.emailAddress();
      if (f.format === 'url') return fc.constantFrom('example.org', 'https://lab.example.org/people');
      return fc.oneof(
        fc.string({ minLength: 1, maxLength: Math.min(max, 40) }).filter((x) => x.trim() !== ''),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).filter((x) => x.trim() !== '' && !textProblem(x)),
        fc.constantFrom('x'.repeat(max), '🐭'.repeat(max), 'Grüße'),
      );
    case 'enum':
      return f.enum ? fc.constantFrom(...f.enum) : fc.string({ minLength: 1, maxLength: 20 });
    case 'integer':
      return fc.integer({ min: 0, max: 100_000 });
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'False', 1, 0));
    case 'date':
      return date.map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc.oneof(
        date.map((d) => d.toISOString()),
        fc.constantFrom('2024-03-01T11:00:00+01:00', '2024-03-01T10:00'),
      );
    case 'list_of_strings':
      return fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 });
    case 'json':
      if (f.keyPattern) {
        return fc.dictionary(
          fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/),
          fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
          { maxKeys: 4 },
        );
      }
      if (f.name === 'download_links') {
        const repos = (f.subfields as { name: string; enum_values?: string[] }[]).find((x) => x.name === 'repository')
          ?.enum_values as string[];
        return fc.array(fc.record({ repository: fc.constantFrom(...repos), url: fc.webUrl() }), { maxLength: 2 });
      }
      return f.jsonList ? fc.constant([]) : null;
    case 'relation': {
      const ids = relationIds(f.target as string);
      return ids.length > 0 ? fc.constantFrom(...ids) : null;
    }
    case 'relation_list': {
      const ids = relationIds(f.target as string);
      return ids.length > 0 ? fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 2 }) : null;
    }
    default:
      return null;
  }
}

/** Values the server must refuse or store cleanly: edge cases of the field's type, and values of the wrong kind. */
function hostileArb(f: FieldSpec): fc.Arbitrary<unknown> {
  const max = f.maxLength ?? 300;
  const edges: unknown[] = [];
  switch (f.type) {
    case 'string':
    case 'text':
    case 'other':
    case 'enum':
      edges.push('x'.repeat(max + 1), '🐭'.repeat(max + 1), 'a\u0000b', 'lone \udc00', ' ', '');
      if (f.enum) edges.push(`${f.enum[0]}x`, f.enum[0]?.toLowerCase());
      break;
    case 'integer':
      edges.push(2 ** 53 + 2, -1, '12', 1.5, '1e3');
      break;
    case 'date':
    case 'datetime':
      edges.push('2023-02-29', '2024-13-01', '20240101', '2024-03-01T24:00:00Z', '2024-02-30T10:00:00Z');
      break;
    case 'list_of_strings':
      edges.push(['y'.repeat(101)], ['\u0000'], [1], [['nested']]);
      break;
    case 'json':
      edges.push({ 'bad key': 1 }, { a: null }, { a: { b: 1 } }, [{ repository: 'Nope', url: 'javascript:1' }]);
      break;
    case 'relation':
    case 'relation_list':
      edges.push('00000000-0000-4000-8000-000000000000', [null], 99999, ['not-a-uuid']);
      break;
    default:
      break;
  }
  return fc.oneof(...(edges.length > 0 ? [fc.constantFrom(...edges)] : []), wrongKind, fc.jsonValue({ maxDepth: 2 }));
}

/**
 * A body of valid values (every required field, any subset of the others) with up to two fields replaced by
 * hostile ones: valid enough to be stored often, so the read-back check has records to look at.
 */
function bodyArb(m: ModelSpec): fc.Arbitrary<Record<string, unknown>> {
  const inputs = m.fields.filter((f) => f.name !== 'id' && !f.readOnly);
  const valid: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of inputs) {
    const arb = validArb(f);
    if (arb) valid[f.name] = arb;
  }
  const required = inputs.filter((f) => f.required && f.name in valid).map((f) => f.name);
  const names = inputs.map((f) => f.name);
  const hostile = fc.array(
    fc
      .constantFrom(...names)
      .chain((name) => hostileArb(inputs.find((f) => f.name === name) as FieldSpec).map((v) => [name, v] as const)),
    { maxLength: 2 },
  );
  return fc
    .tuple(fc.record(valid, { requiredKeys: required }), hostile)
    .map(([body, bad]) => ({ ...body, ...Object.fromEntries(bad) }));
}

/** Damage at the byte level: nesting far past the limit, or a byte that is not UTF-8, in an otherwise fine body. */
type Damage = { kind: 'deep'; depth: number } | { kind: 'utf8'; byte: number } | null;
const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 65, max: 6000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('utf8' as const), byte: fc.integer({ min: 0x80, max: 0xff }) }),
  },
);

/** The request body: the JSON text of `body`, damaged as asked (a first key holding the damage). */
function payloadOf(body: Record<string, unknown>, damage: Damage): Buffer {
  const rest = JSON.stringify(body).slice(1);
  const tail = rest === '}' ? '}' : `,${rest}`;
  if (damage?.kind === 'deep') {
    return Buffer.from(`{"extra_fields":${'['.repeat(damage.depth)}${']'.repeat(damage.depth)}${tail}`);
  }
  if (damage?.kind === 'utf8') {
    return Buffer.concat([Buffer.from('{"name":"utf8 '), Buffer.from([damage.byte]), Buffer.from(`"${tail}`)]);
  }
  return Buffer.from(JSON.stringify(body));
}

/** Why a value read back from the API is not valid for its field, or null. */
function invalidStored(f: FieldSpec, v: unknown): string | null {
  if (v === undefined) return 'missing';
  if (v === null) {
    return f.type === 'list_of_strings' || f.type === 'relation_list' || f.type === 'boolean' ? 'null' : null;
  }
  switch (f.type) {
    case 'string':
    case 'text':
    case 'other':
    case 'enum': {
      if (typeof v !== 'string') return `not a string: ${JSON.stringify(v)}`;
      if (textProblem(v)) return textProblem(v);
      if (f.maxLength !== undefined && !f.readOnly && charLength(v) > f.maxLength) return `longer than ${f.maxLength}`;
      if (f.enum && !f.readOnly && !f.enum.includes(v)) return `not a choice: ${v}`;
      return null;
    }
    case 'integer':
      return Number.isInteger(v) ? null : `not an integer: ${JSON.stringify(v)}`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `not a boolean: ${JSON.stringify(v)}`;
    case 'date': {
      const ok = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(v).toISOString().startsWith(v);
      return ok ? null : `not a date: ${JSON.stringify(v)}`;
    }
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : `not a date-time: ${JSON.stringify(v)}`;
    case 'list_of_strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && !textProblem(x))
        ? null
        : `not a list of strings: ${JSON.stringify(v)}`;
    case 'json':
      if (f.keyPattern) {
        if (typeof v !== 'object' || Array.isArray(v)) return `not an object: ${JSON.stringify(v)}`;
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
          if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(k)) return `bad key ${k}`;
          if (typeof x !== 'string' && !(typeof x === 'number' && Number.isFinite(x))) return `bad value for ${k}`;
        }
      }
      return null;
    case 'relation':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'object' ? null : `bad relation ${v}`;
    case 'relation_list':
      return Array.isArray(v) ? null : `not a list: ${JSON.stringify(v)}`;
    case 'uuid':
      return typeof v === 'string' && UUID.test(v) ? null : `not a UUID: ${JSON.stringify(v)}`;
    default:
      return null;
  }
}

/** GET the record an accepted write answered with, and check every field against the registry. */
async function checkStored(m: ModelSpec, answer: Record<string, unknown>): Promise<void> {
  const stored = m.approval ? (byName.get(m.approval.model) as ModelSpec) : m;
  const record = Object.values(answer)[0] as { id: string | number };
  const res = await app.inject({ url: `${pathOf(stored)}${record.id}/`, headers });
  expect(res.statusCode, `GET ${stored.name} ${record.id}`).toBe(200);
  const read = JSON.parse(res.body)[stored.detailKey] as Record<string, unknown>;
  const problems = stored.fields
    .map((f) => [f.name, invalidStored(f, read[f.name])] as const)
    .filter(([, p]) => p !== null);
  expect(problems, `${stored.name} stored ${JSON.stringify(read).slice(0, 500)}`).toEqual([]);
}

/** Accepted creates per model: the read-back property only means something for models with some. */
const acceptedBy = new Map<string, number>();
const creatable = (MODELS as readonly ModelSpec[]).filter((m) => m.portals.add?.includes('private'));

describe('fuzzed create and update bodies, per registry field type', () => {
  it.each(
    creatable.map((m) => [m.name, m] as const),
  )('%s: never 5xx, and what is stored reads back valid', async (_n, m) => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodyArb(m), damageArb, bodyArb(m), async (create, damage, update) => {
        const payload = payloadOf(create, damage);
        const made = await app.inject({ method: 'POST', url: pathOf(m), headers, payload });
        expect(made.statusCode, `POST ${m.name} ${made.body.slice(0, 300)}`).toBeLessThan(500);
        if (damage) {
          // Too deep or not UTF-8: refused as unparseable, whatever the fields say — after the permission check, so a
          // staff-only model answers Alice 403 first.
          expect(made.statusCode).toBe(m.adminWrite ? 403 : 400);
          expect(JSON.parse(made.body).detail).toMatch(m.adminWrite ? /administrators/ : /^JSON parse error - /);
          return;
        }
        if (made.statusCode >= 300) return;
        accepted++;
        const answer = JSON.parse(made.body) as Record<string, unknown>;
        await checkStored(m, answer);
        if (m.approval || !m.portals.change?.includes('private')) return;
        const id = (Object.values(answer)[0] as { id: string }).id;
        const changed = await app.inject({
          method: 'PATCH',
          url: `${pathOf(m)}${id}/`,
          headers,
          payload: JSON.stringify(update),
        });
        expect(changed.statusCode, `PATCH ${m.name} ${changed.body.slice(0, 300)}`).toBeLessThan(500);
        if (changed.statusCode < 300) await checkStored(m, JSON.parse(changed.body));
      }),
      { numRuns: RUNS, seed: [...m.name].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) | 0, 7) },
    );
    acceptedBy.set(m.name, accepted);
  });

  it('the bodies are valid often enough that nearly every model had records stored and read back', () => {
    // Brain regions are staff-only (Alice cannot create them); session/datastorage links are unique pairs, and the
    // demo data has few free ones.
    const none = creatable.filter((m) => !acceptedBy.get(m.name)).map((m) => m.name);
    expect(none.length, `nothing stored for ${none.join(', ')}`).toBeLessThanOrEqual(2);
  });
});
