// The query wire format (`brainstem-api-description`'s codec): what `encodeQuery` writes `decodeQuery` reads back
// exactly; the spellings other clients send read as their canonical form; an unusable parameter is a problem naming it.
import {
  decodeQuery,
  encodeQuery,
  MAX_PAGE_SIZE,
  QueryOptionError,
  queryPairs,
  type WireQuery,
} from 'brainstem-api-description';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const part = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/);
const path = fc.array(part, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const value = fc.string({ unit: 'binary', maxLength: 12 });

/** Canonical decoded queries: filters (`.in` keys once each, other keys may repeat), sort, include, page. */
const wireQuery: fc.Arbitrary<WireQuery> = fc
  .record(
    {
      plain: fc.array(fc.record({ key: path, value }), { maxLength: 4 }),
      inKeys: fc.uniqueArray(path, { maxLength: 2 }),
      inValues: fc.array(value, { minLength: 2, maxLength: 2 }),
      sort: fc.array(
        fc.tuple(fc.boolean(), path).map(([desc, p]) => (desc ? `-${p}` : p)),
        { maxLength: 3 },
      ),
      include: fc.uniqueArray(fc.oneof(path, fc.constant('*')), { maxLength: 3 }),
      limit: fc.integer({ min: 1, max: MAX_PAGE_SIZE }),
      offset: fc.maxSafeNat(),
      format: fc.constant('json' as const),
    },
    { requiredKeys: ['plain', 'inKeys', 'inValues', 'sort', 'include'] },
  )
  .map(({ plain, inKeys, inValues, ...rest }) => ({
    ...rest,
    filters: [
      ...plain.filter((f) => !f.key.endsWith('.in')),
      ...inKeys.map((k, i) => ({ key: `${k}.in`, value: inValues[i] ?? '' })),
    ],
  }));

describe('the query codec round-trips', () => {
  it('decodeQuery(encodeQuery(q)) is q, with no problem', () => {
    fc.assert(
      fc.property(wireQuery, (q) => {
        expect(decodeQuery(encodeQuery(q))).toEqual({ query: q, problems: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('encodeQuery(decodeQuery(s)) is s for every canonical query string', () => {
    fc.assert(
      fc.property(wireQuery, (q) => {
        const s = encodeQuery(q);
        expect(encodeQuery(decodeQuery(s).query)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the Python client form of a client query as the client meant it', () => {
    expect(
      decodeQuery(
        encodeQuery({
          filters: { 'name.icontains': 'a&b=c d/é', 'id.in': ['x', 'y'], n: 3, flag: true },
          sort: '-name',
          include: ['sessions', 'subjects.*'],
          limit: 5,
          offset: 10,
        }),
      ),
    ).toEqual({
      query: {
        filters: [
          { key: 'name.icontains', value: 'a&b=c d/é' },
          { key: 'id.in', value: 'x,y' },
          { key: 'n', value: '3' },
          { key: 'flag', value: 'true' },
        ],
        sort: ['-name'],
        include: ['sessions', 'subjects'],
        limit: 5,
        offset: 10,
      },
      problems: [],
    });
  });
});

describe('tolerated spellings read as the canonical form', () => {
  it('brackets-free sort/include, comma lists, per_page, rel without .*, repeated .in filters', () => {
    const tolerated = decodeQuery(
      'sort=-name, id&include=projects,behaviors.*&include[]=projects.*&per_page=7&filter{id.in}=a&filter{ id.in }=b',
    );
    expect(tolerated).toEqual({
      query: {
        filters: [{ key: 'id.in', value: 'a,b' }],
        sort: ['-name', 'id'],
        include: ['projects', 'behaviors'],
        limit: 7,
      },
      problems: [],
    });
    expect(encodeQuery(tolerated.query)).toBe(
      encodeQuery({
        filters: { 'id.in': ['a', 'b'] },
        sort: ['-name', 'id'],
        include: ['projects', 'behaviors'],
        limit: 7,
      }),
    );
  });

  it('any mix of tolerated spellings decodes like its canonical re-encoding', () => {
    const pair = fc.oneof(
      fc
        .tuple(fc.constantFrom('sort', 'sort[]'), fc.array(path, { minLength: 1, maxLength: 3 }))
        .map(([k, v]) => [k, v.join(',')]),
      fc
        .tuple(fc.constantFrom('include', 'include[]'), path, fc.constantFrom('', '.*'))
        .map(([k, p, star]) => [k, p + star]),
      fc.tuple(fc.constantFrom('limit', 'per_page'), fc.integer({ min: 1, max: 1000 })).map(([k, n]) => [k, String(n)]),
      fc.tuple(fc.constant('offset'), fc.nat()).map(([k, n]) => [k, String(n)]),
      fc.tuple(path, fc.boolean(), value).map(([p, isIn, v]) => [`filter{${p}${isIn ? '.in' : ''}}`, v]),
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        const { query, problems } = decodeQuery(new URLSearchParams(pairs as [string, string][]));
        expect(problems).toEqual([]);
        expect(decodeQuery(encodeQuery(query))).toEqual({ query, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('a limit above the maximum reads as the maximum', () => {
    expect(decodeQuery('limit=500').query.limit).toBe(MAX_PAGE_SIZE);
  });
});

describe('problems name the parameter, in the encoder’s words', () => {
  const problem = (s: string) => decodeQuery(s).problems;
  const encodeError = (q: object) => {
    try {
      queryPairs(q as never);
    } catch (e) {
      return e as QueryOptionError;
    }
    throw new Error(`${JSON.stringify(q)} encoded`);
  };

  it('malformed limit and offset, worded alike whether sent as text or given as a number', () => {
    const limit = 'must be an integer from 1 to 100 (the API maximum), got';
    expect(problem('limit=0')).toEqual([{ parameter: 'limit', message: `limit ${limit} 0` }]);
    expect(problem('per_page=abc')).toEqual([{ parameter: 'per_page', message: `per_page ${limit} "abc"` }]);
    expect(encodeError({ limit: 0 }).message).toBe(`limit ${limit} 0`);
    expect(problem('offset=-5')).toEqual([
      { parameter: 'offset', message: 'offset must be a non-negative integer, got -5' },
    ]);
    expect(encodeError({ offset: -5 }).message).toBe('offset must be a non-negative integer, got -5');
    expect(encodeError({ offset: -5 })).toBeInstanceOf(QueryOptionError);
    expect(encodeError({ offset: -5 }).argument).toBe('offset');
  });

  it('a lone surrogate, which no URL can carry, is refused naming the option', () => {
    expect(encodeError({ filters: { name: 'a\uD800' } }).message).toBe(
      'filters["name"] holds a lone UTF-16 surrogate, which cannot be sent in a URL',
    );
    expect(encodeError({ sort: ['\uDC00x'] }).argument).toBe('sort');
    expect(encodeError({ include: ['x\uD800'] }).argument).toBe('include');
    expect(encodeQuery({ filters: { name: '🧠' } })).toBe('filter%7Bname%7D=%F0%9F%A7%A0');
  });

  it('unknown and malformed parameters, every one of them', () => {
    const problems = problem('page=2&filtername=x&filter[name]=y&format=xml&limit=3');
    expect(problems.map((p) => p.parameter)).toEqual(['page', 'filtername', 'filter[name]', 'format']);
    expect(problems[0]?.message).toBe(
      'Unknown query parameter "page". Use filter{field} or filter{field.operator}, sort[], include[], limit, offset.',
    );
    expect(problems[1]?.message).toMatch(/--globoff/);
    expect(problems[2]?.message).toMatch(/Malformed filter parameter "filter\[name\]"/);
    expect(problems[3]?.message).toBe('format must be "json" or "api", got "xml"');
    expect(decodeQuery('page=2&limit=3').query.limit).toBe(3);
  });
});
