import { describe, expect, it } from 'vitest';
import { encodeQuery, InvalidArgumentError, queryPairs } from '../../src/index.js';

describe('query encoding', () => {
  it('encodes the seed examples like the Python client', () => {
    expect(encodeQuery({ filters: { 'name.icontains': 'visual' } })).toBe('filter%7Bname.icontains%7D=visual');
    expect(queryPairs({ filters: { 'name.icontains': 'allen', 'description.icontains': 'neuropixels' } })).toEqual([
      ['filter{name.icontains}', 'allen'],
      ['filter{description.icontains}', 'neuropixels'],
    ]);
    expect(encodeQuery({ sort: ['-name'] })).toBe('sort%5B%5D=-name');
    expect(encodeQuery({ include: ['sessions'] })).toBe('include%5B%5D=sessions.*');
  });

  it('joins an .in list with commas and rejects lists elsewhere, naming the filter', () => {
    expect(encodeQuery({ filters: { 'id.in': ['a', 'b'] } })).toBe('filter%7Bid.in%7D=a%2Cb');
    expect(queryPairs({ filters: { 'id.in': [1, 2, 3] } })).toEqual([['filter{id.in}', '1,2,3']]);
    expect(queryPairs({ filters: { 'id.in': 'a,b' } })).toEqual([['filter{id.in}', 'a,b']]);
    for (const filters of [{ 'name.icontains': ['a', 'b'] }, { 'id.in': [] }, { 'name.in': ['a,b', 'c'] }]) {
      const key = Object.keys(filters)[0];
      expect(() => queryPairs({ filters })).toThrow(InvalidArgumentError);
      expect(() => queryPairs({ filters })).toThrow(`filters["${key}"]`);
    }
  });

  it('keeps order, joins lists, and encodes reserved characters in values', () => {
    expect(
      queryPairs({
        filters: { 'id.in': ['a', 'b'], 'name.iexact': 'a&b=c d', flag: true, n: 3 },
        sort: ['-created_date', 'name'],
        include: ['behaviors', 'subjects.*'],
        limit: 10,
        offset: 30,
      }),
    ).toEqual([
      ['filter{id.in}', 'a,b'],
      ['filter{name.iexact}', 'a&b=c d'],
      ['filter{flag}', 'true'],
      ['filter{n}', '3'],
      ['sort[]', '-created_date'],
      ['sort[]', 'name'],
      ['include[]', 'behaviors.*'],
      ['include[]', 'subjects.*'],
      ['limit', '10'],
      ['offset', '30'],
    ]);
    expect(encodeQuery({ filters: { 'name.iexact': 'a&b=c d/é' } })).toBe(
      'filter%7Bname.iexact%7D=a%26b%3Dc%20d%2F%C3%A9',
    );
    expect(encodeQuery({ filters: { start_time: new Date('2024-01-02T03:04:05Z') } })).toBe(
      'filter%7Bstart_time%7D=2024-01-02T03%3A04%3A05.000Z',
    );
    expect(encodeQuery({ sort: 'name', include: 'projects' })).toBe('sort%5B%5D=name&include%5B%5D=projects.*');
    expect(encodeQuery({})).toBe('');
    expect(encodeQuery({ filters: { skipped: undefined } })).toBe('');
  });

  it('sends filters given as { key, value } pairs (a key may repeat) and format=json', () => {
    expect(
      queryPairs({
        filters: [
          { key: 'name.icontains', value: 'a' },
          { key: 'name.icontains', value: 'b' },
        ],
        format: 'json',
      }),
    ).toEqual([
      ['filter{name.icontains}', 'a'],
      ['filter{name.icontains}', 'b'],
      ['format', 'json'],
    ]);
  });

  it('rejects bad input naming the argument', () => {
    const bad: [object, string][] = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 101 }, 'limit'],
      [{ limit: 1.5 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ filters: { 'a}b': 1 } }, 'filters'],
      [{ filters: { n: Number.NaN } }, 'filters'],
      [{ filters: { d: new Date('nope') } }, 'filters'],
      [{ filters: { o: { x: 1 } } }, 'filters'],
      [{ filters: 'name=x' }, 'filters'],
      [{ sort: [''] }, 'sort'],
      [{ include: [''] }, 'include'],
      [{ sort: ['a,b'] }, 'sort'],
      [{ include: [' a'] }, 'include'],
      [{ filters: [['name', 'x']] }, 'filters'],
      [{ format: 'xml' }, 'format'],
    ];
    for (const [q, arg] of bad) {
      let err: unknown;
      try {
        queryPairs(q as never);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(q)).toBeInstanceOf(InvalidArgumentError);
      expect((err as InvalidArgumentError).argument).toBe(arg);
    }
  });
});
