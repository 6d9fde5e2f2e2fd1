// One rule for every `limit` the server reads, written once in the API description (`readPageSize`): zero and
// negative values are refused alike, with the client's wording, and a value above the maximum is capped, as DRF's
// LimitOffsetPagination caps it.
import { MAX_PAGE_SIZE, pageSizeProblem, readPageSize } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from '../packages/server/test/helpers.js';

const VALUES = ['0', '-1', '-0', '00', '+1', '1.0', '1e2', ' 3 ', '', 'abc', '3', '100', '101', '999'];

describe('the page-size rule', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await demoServer({ seedSessions: 150 });
  });
  afterAll(() => c.close());

  it('zero and a negative limit get the same answer', () => {
    expect(readPageSize('0')).toEqual({ problem: pageSizeProblem('0') });
    expect(readPageSize('-1')).toEqual({ problem: pageSizeProblem('-1') });
    expect(readPageSize('-1', 'per_page')).toEqual({ problem: pageSizeProblem('-1', 'per_page') });
    expect(readPageSize('999')).toEqual({ limit: MAX_PAGE_SIZE });
  });

  it.each(VALUES)('the server answers limit=%j and per_page=%j by the rule', async (value) => {
    for (const name of ['limit', 'per_page']) {
      const r = await c.get(`api/private/stem/session/?${name}=${encodeURIComponent(value)}`);
      const rule = readPageSize(value, name);
      if ('problem' in rule) {
        expect(r.status, `${name}=${value}`).toBe(400);
        expect(r.body).toEqual({ detail: rule.problem });
      } else {
        expect(r.status, `${name}=${value}`).toBe(200);
        expect((r.body as { sessions: unknown[] }).sessions).toHaveLength(rule.limit);
      }
    }
  });
});
