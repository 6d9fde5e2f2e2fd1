// A query parameter that is not UTF-8 once percent-decoded (`filter{name}=%ff%fe`) is a 400 naming it, rather than
// a filter on replacement characters that quietly matches nothing.
import { decodeQuery } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

describe('query text that is not UTF-8', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await demoServer();
  });
  afterAll(() => c.close());

  it.each([
    ['filter%7Bname%7D=%ff%fe', 'filter{name}', 'value', '%ff%fe'],
    ['filter{name.icontains}=a%C3', 'filter{name.icontains}', 'value', 'a%C3'],
    ['sort[]=%80', 'sort[]', 'value', '%80'],
    ['filter{na%ffme}=x', 'filter{na\uFFFDme}', 'name', 'filter{na%ffme}'],
  ])('%s is a 400 naming %s', async (query, name, what, bad) => {
    const r = await c.get(`api/private/stem/session/?${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      detail: `The ${what} of query parameter "${name}" is not UTF-8 text once percent-decoded ("${bad}").`,
    });
  });

  it('UTF-8 text (and a plus for a space) is read as before', async () => {
    expect(decodeQuery('filter{name}=%E2%82%AC+x').query.filters).toEqual([{ key: 'name', value: '€ x' }]);
    expect(decodeQuery('filter{name}=%E2%82%AC').problems).toEqual([]);
    expect(decodeQuery('filter{name}=100%').query.filters).toEqual([{ key: 'name', value: '100%' }]);
    const r = await c.get('api/private/stem/session/?filter{name.icontains}=%E2%82%AC');
    expect(r.status).toBe(200);
  });
});
