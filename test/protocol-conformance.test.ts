// The client's pre-check and the local server give the same verdict on every query name, page parameter and record
// id a corpus generated from the API description holds, for every model: the client accepts ↔ the server answers 2xx (or
// 404 "Not found." for a well-formed id of no record); the client refuses ↔ the server answers 400 (query names)
// or 404 (malformed ids), with the same sentence. One demo server over loopback answers them all.
import {
  type FieldSpec,
  filterableFields,
  findModel,
  idKind,
  includableFields,
  isSortable,
  MAX_INCLUDE_DEPTH,
  MAX_PAGE_SIZE,
  MODELS,
  type ModelSpec,
  modelPath,
  operatorsFor,
  portalsFor,
  sortableFields,
  TIMESTAMP_FIELDS,
} from 'brainstem-api-description';
import { checkId, checkQueryNames, encodeQuery, InvalidArgumentError } from 'brainstem-api-tools/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient, UNKNOWN_UUID } from '../packages/server/test/helpers.js';

/** What a query name, a page parameter or an id is checked as. */
type Kind = 'filter' | 'sort' | 'include' | 'limit' | 'offset' | 'id';

/** One row of the corpus: a class (for the report), what the client checks, and the request the server gets. */
interface Case {
  cls: string;
  model: ModelSpec;
  kind: Kind;
  /** The filter key, sort key, include path, page value or id, as a caller writes it. */
  input: string;
}

/** A model's context in the corpus: where its list and detail are served, and one record id it has. */
interface Target {
  model: ModelSpec;
  listPath: string | undefined;
  sampleId: string | undefined;
}

const relationsOf = (m: ModelSpec): FieldSpec[] => includableFields(m);
const targetOf = (f: FieldSpec): ModelSpec | undefined => (f.target ? findModel(f.target) : undefined);
const typo = (name: string): string => `${name.slice(0, -1)}x${name.slice(-1)}`;

/** A relation path of `length` relations from `m`, each into a model with an endpoint (the first found). */
function includeChain(m: ModelSpec, length: number): string | undefined {
  if (length === 0) return '';
  for (const f of relationsOf(m)) {
    const t = targetOf(f);
    if (!t) continue;
    const rest = includeChain(t, length - 1);
    if (rest !== undefined) return rest ? `${f.name}.${rest}` : f.name;
  }
  return undefined;
}

/**
 * The classes of the corpus, each generating its rows for one model from the registry. Another class (limit and
 * offset values, say) is one more entry.
 */
const CLASSES: Record<string, (m: ModelSpec) => Array<Omit<Case, 'cls' | 'model'>>> = {
  'valid filter names': (m) => [
    ...filterableFields(m).map((f) => ({ kind: 'filter' as const, input: `${f.name}.isnull` })),
    { kind: 'filter', input: 'pk.isnull' },
  ],
  'valid filter relation paths': (m) =>
    relationsOf(m).flatMap((f) => {
      const t = targetOf(f);
      if (!t || operatorsFor(f).length === 0) return [];
      const inner = filterableFields(t).find((g) => g.type !== 'relation' && g.type !== 'relation_list');
      return [
        { kind: 'filter' as const, input: `${f.name}.id.isnull` },
        { kind: 'filter' as const, input: `${f.name}.pk.isnull` },
        ...(inner ? [{ kind: 'filter' as const, input: `${f.name}.${inner.name}.isnull` }] : []),
      ];
    }),
  'misspelt filter names': (m) => [
    { kind: 'filter', input: `${typo(filterableFields(m)[0]?.name ?? 'name')}.isnull` },
    ...relationsOf(m)
      .filter((f) => targetOf(f) && operatorsFor(f).length > 0)
      .slice(0, 2)
      .map((f) => ({ kind: 'filter' as const, input: `${f.name}.nmae.isnull` })),
    { kind: 'filter', input: 'id.icontian' },
  ],
  'operators of the wrong kind': (m) =>
    [...m.fields, ...TIMESTAMP_FIELDS]
      .filter((f) => !operatorsFor(f).includes('icontains'))
      .map((f) => ({ kind: 'filter' as const, input: `${f.name}.icontains` })),
  'valid sort keys': (m) => [
    ...sortableFields(m).map((f) => ({ kind: 'sort' as const, input: `-${f.name}` })),
    ...relationsOf(m)
      .filter((f) => f.type === 'relation' && isSortable(f) && targetOf(f))
      .map((f) => ({ kind: 'sort' as const, input: `${f.name}.id` })),
  ],
  'misspelt sort keys': (m) => [{ kind: 'sort', input: `-${typo(sortableFields(m)[0]?.name ?? 'name')}` }],
  'unsortable fields': (m) =>
    m.fields.filter((f) => !isSortable(f)).map((f) => ({ kind: 'sort' as const, input: f.name })),
  'valid includes': (m) => {
    const chains = [1, 2, MAX_INCLUDE_DEPTH].map((n) => includeChain(m, n)).filter((c) => c !== undefined);
    return [
      ...relationsOf(m).map((f) => ({ kind: 'include' as const, input: `${f.name}.*` })),
      ...chains.map((c) => ({ kind: 'include' as const, input: c })),
    ];
  },
  'misspelt includes': (m) => [
    { kind: 'include', input: typo(relationsOf(m)[0]?.name ?? 'sessions') },
    { kind: 'include', input: '*' },
    ...relationsOf(m)
      .slice(0, 1)
      .map((f) => ({ kind: 'include' as const, input: `${f.name}.*.*` })),
  ],
  'includes nested into a model without an endpoint': (m) =>
    relationsOf(m)
      .filter((f) => !targetOf(f))
      .map((f) => ({ kind: 'include' as const, input: `${f.name}.projects` })),
  'too-deep includes': (m) => {
    const chain = includeChain(m, MAX_INCLUDE_DEPTH + 1);
    return chain ? [{ kind: 'include', input: chain }] : [];
  },
  // A limit above the maximum is the one deliberate difference, tested on its own below.
  'page values': () => [
    ...['1', '100', '0', '-1', '1.5'].map((input) => ({ kind: 'limit' as const, input })),
    ...['0', '5', '-1', '1.5'].map((input) => ({ kind: 'offset' as const, input })),
  ],
  'malformed ids': (m) =>
    (idKind(m) === 'integer'
      ? ['0', '01', '007', '12345678901234567', '-1', '1.5', 'abc', UNKNOWN_UUID]
      : ['7', 'abc', `${UNKNOWN_UUID}0`, UNKNOWN_UUID.replace(/0$/, 'g')]
    ).map((input) => ({ kind: 'id' as const, input })),
  'well-formed ids': (m) =>
    (idKind(m) === 'integer' ? ['1', '999999', '9999999999999999'] : [UNKNOWN_UUID, UNKNOWN_UUID.toUpperCase()]).map(
      (input) => ({ kind: 'id' as const, input }),
    ),
};

/** The client's verdict: the sentence of its refusal (without its own argument label), or `undefined`. */
function clientVerdict(c: Case): string | undefined {
  try {
    if (c.kind === 'id') checkId(c.model, c.input);
    else if (c.kind === 'limit' || c.kind === 'offset') encodeQuery({ [c.kind]: Number(c.input) });
    else if (c.kind === 'filter') checkQueryNames(c.model, { filters: { [c.input]: 'true' } });
    else checkQueryNames(c.model, { [c.kind]: [c.input] });
    return undefined;
  } catch (err) {
    if (!(err instanceof InvalidArgumentError)) throw err;
    return c.kind === 'id' || c.kind === 'limit' || c.kind === 'offset'
      ? err.message
      : err.message.slice(err.message.indexOf(': ') + 2);
  }
}

/** The request the server gets for a case. */
function requestOf(c: Case, t: Target): string | undefined {
  if (c.kind === 'id') {
    const portal = portalsFor(c.model, 'detail')?.[0];
    return portal && modelPath(c.model, { portal, id: c.input }).slice(1);
  }
  if (!t.listPath) return undefined;
  if (c.kind === 'limit' || c.kind === 'offset') return `${t.listPath}?${c.kind}=${encodeURIComponent(c.input)}`;
  const param =
    c.kind === 'filter'
      ? `filter{${c.input}}=true`
      : c.kind === 'sort'
        ? `sort[]=${encodeURIComponent(c.input)}`
        : `include[]=${encodeURIComponent(c.input)}`;
  return `${t.listPath}?limit=1&${param}`;
}

/** The server's verdict: `undefined` for an answer, the sentence of its refusal otherwise. */
function serverVerdict(c: Case, status: number, detail: unknown): string | undefined {
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  if (status >= 200 && status < 300) return undefined;
  if (c.kind === 'id' && status === 404 && detail === 'Not found.') return undefined;
  const refusal = c.kind === 'id' ? status === 404 : status === 400;
  if (!refusal) return `unexpected ${status}: ${text}`;
  return c.kind === 'id' || c.kind === 'limit' || c.kind === 'offset' ? text : text.slice(text.indexOf(': ') + 2);
}

describe('client pre-check and server agree on the corpus', () => {
  let c: TestClient;
  const targets = new Map<string, Target>();

  beforeAll(async () => {
    c = await demoServer();
    for (const m of MODELS as readonly ModelSpec[]) {
      const portal = portalsFor(m, 'list')?.[0];
      const listPath = portal && modelPath(m, { portal }).slice(1);
      const first = listPath ? await c.get(`${listPath}?limit=1`) : undefined;
      const sample = first?.status === 200 ? first.body[m.listKey]?.[0]?.id : undefined;
      targets.set(m.name, {
        model: m,
        listPath: first?.status === 200 ? listPath : undefined,
        sampleId: sample === undefined ? undefined : String(sample),
      });
    }
  });
  afterAll(() => c.close());

  it('has no disagreement over any class for any model', async () => {
    const disagreements: string[] = [];
    const perClass = new Map<string, number>();
    const cases: Case[] = [];
    for (const m of MODELS as readonly ModelSpec[]) {
      for (const [cls, rows] of Object.entries(CLASSES)) {
        for (const row of rows(m)) cases.push({ cls, model: m, ...row });
      }
      const sampleId = targets.get(m.name)?.sampleId;
      if (sampleId) cases.push({ cls: 'ids of records', model: m, kind: 'id', input: sampleId });
    }
    for (const k of cases) {
      const t = targets.get(k.model.name) as Target;
      const path = requestOf(k, t);
      if (!path) continue;
      const res = await c.get(path);
      const client = clientVerdict(k);
      const server = serverVerdict(k, res.status, res.body?.detail ?? res.body);
      perClass.set(k.cls, (perClass.get(k.cls) ?? 0) + 1);
      if (client !== server) {
        disagreements.push(
          `${k.cls}: ${k.model.name} ${k.kind} ${JSON.stringify(k.input)} — client ${client ?? 'accepts'}; server ${res.status} ${server ?? ''}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    // Every class ran, and every model has its list queried.
    for (const cls of [...Object.keys(CLASSES), 'ids of records'])
      expect(perClass.get(cls) ?? 0, cls).toBeGreaterThan(0);
    expect([...targets.values()].filter((t) => !t.listPath).map((t) => t.model.name)).toEqual([]);
  });

  it('differs on one value only, on purpose: a limit above the maximum, which the server clamps and the client refuses', async () => {
    // DRF's LimitOffsetPagination answers max_limit records for a larger limit, so a server that speaks the API
    // does; a client asking for more would get less than it expects, so it says so before sending
    // (docs/api-decisions.md, "Query wire format").
    const list = targets.get('session')?.listPath as string;
    for (const limit of [MAX_PAGE_SIZE + 1, 1000]) {
      const res = await c.get(`${list}?limit=${limit}`);
      expect(res.status, `limit=${limit}`).toBe(200);
      expect(res.body.sessions.length).toBeLessThanOrEqual(MAX_PAGE_SIZE);
      expect(() => encodeQuery({ limit })).toThrow(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    }
  });
});
