// POST /api/token/ answers a body whose username or password is not usable text in DRF's CharField words: a
// value of the wrong kind is "Not a valid string.", not "This field is required.".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

describe('POST /api/token/ field errors', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await demoServer();
  });
  afterAll(() => c.close());

  const post = (body: unknown) => c.req('POST', 'api/token/', { as: null, body });

  it.each([
    [{ username: 'bob@example.org', password: 12345678 }, 401, undefined],
    [{ username: 'bob@example.org', password: true }, 400, { password: ['Not a valid string.'] }],
    [{ username: 'bob@example.org', password: ['brainstem-demo'] }, 400, { password: ['Not a valid string.'] }],
    [{ username: { email: 'bob@example.org' }, password: 'x' }, 400, { username: ['Not a valid string.'] }],
    [{ username: 'bob@example.org', password: null }, 400, { password: ['This field may not be null.'] }],
    [
      { username: '  ', password: '' },
      400,
      { username: ['This field may not be blank.'], password: ['This field may not be blank.'] },
    ],
    [{ username: 'bob@example.org' }, 400, { password: ['This field is required.'] }],
  ])('%j → %i', async (body, status, errors) => {
    const r = await post(body);
    expect(r.status).toBe(status);
    if (errors) expect(r.body).toEqual(errors);
  });

  it('a username with spaces around it is read trimmed, as DRF trims it', async () => {
    const r = await post({ username: ' bob@example.org ', password: 'brainstem-demo' });
    expect(r.status).toBe(200);
  });
});
