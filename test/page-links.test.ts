// Page links (`next`/`previous`) are written and read by the codec (protocol/query.ts): the server writes them with
// `pageLink`, the client reads the offset back with `pageLinkOffset`, so both sides agree on the parameter names.
import { decodeQuery, pageLink, pageLinkOffset } from 'brainstem-api-description';
import { describe, expect, it } from 'vitest';

const LIST = 'https://host/prefix/api/private/stem/session/';

describe('pageLink', () => {
  it('sets limit and offset, keeping every other parameter where it was, braces and brackets readable', () => {
    expect(pageLink(`${LIST}?offset=10&sort%5B%5D=name&filter%7Bname%7D=a&limit=5`, { limit: 10, offset: 20 })).toBe(
      `${LIST}?offset=20&sort[]=name&filter{name}=a&limit=10`,
    );
    expect(pageLink(LIST, { limit: 20, offset: 20 })).toBe(`${LIST}?limit=20&offset=20`);
  });

  it('leaves offset out for the first page', () => {
    expect(pageLink(`${LIST}?offset=10&limit=10&sort[]=name`, { limit: 10, offset: 0 })).toBe(
      `${LIST}?limit=10&sort[]=name`,
    );
  });

  it('writes a link the codec reads as the same query with the new page', () => {
    const link = pageLink(`${LIST}?filter{name.icontains}=rat&include[]=projects.*`, { limit: 7, offset: 14 });
    expect(decodeQuery(new URL(link).search.slice(1))).toEqual({
      query: {
        filters: [{ key: 'name.icontains', value: 'rat' }],
        sort: [],
        include: ['projects'],
        limit: 7,
        offset: 14,
      },
      problems: [],
    });
  });
});

describe('pageLinkOffset', () => {
  it('reads back the offset pageLink writes, in absolute and relative links', () => {
    for (const offset of [0, 1, 20, 1_000_000]) {
      const link = pageLink(`${LIST}?sort[]=name`, { limit: 10, offset });
      expect(pageLinkOffset(link)).toBe(offset === 0 ? undefined : offset);
    }
    expect(pageLinkOffset('?limit=10&offset=30')).toBe(30);
    expect(pageLinkOffset('/api/private/stem/session/?offset=%2040%20')).toBe(40);
  });

  it('finds no offset in links without a usable one', () => {
    for (const link of [
      null,
      '',
      42,
      '?page=2',
      '?offset=-1',
      '?offset=abc',
      '?offset=1e3',
      '?offset=',
      'http://[bad',
    ]) {
      expect(pageLinkOffset(link)).toBeUndefined();
    }
  });
});
