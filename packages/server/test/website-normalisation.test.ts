/**
 * `website` fields hold web addresses: one without a scheme is stored with `http://`, as the docs' examples show
 * (`'newsupplier.com'` → `'http://newsupplier.com'` for supplier and journal, `'www.someweb.com'` →
 * `'http://www.someweb.com'` for user); anything that is not a web address is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('website normalisation', () => {
  it('supplier: newsupplier.com is proposed as http://newsupplier.com', async () => {
    const r = await c.req('POST', 'api/private/resources/supplier/', {
      as: 'bob',
      body: { name: 'MyNewSupplier', description: '', website: 'newsupplier.com' },
    });
    expect(r.status).toBe(201);
    expect(r.body.supplier_approval.website).toBe('http://newsupplier.com');
  });

  it('journal: newjournal.com is proposed as http://newjournal.com', async () => {
    const r = await c.req('POST', 'api/private/dissemination/journal/', {
      as: 'bob',
      body: { name: 'New Journal', website: 'newjournal.com' },
    });
    expect(r.status).toBe(201);
    expect(r.body.journal_approval.website).toBe('http://newjournal.com');
  });

  it('user: www.someweb.com is stored as http://www.someweb.com', async () => {
    const me = (await c.get('api/auth/whoami/', 'carol')).body.user.id;
    const r = await c.req('PATCH', `api/private/users/user/${me}/`, {
      as: 'carol',
      body: { website: 'www.someweb.com' },
    });
    expect(r.status).toBe(200);
    expect(r.body.user.website).toBe('http://www.someweb.com');
    expect((await c.get(`api/private/users/user/${me}/`, 'carol')).body.user.website).toBe('http://www.someweb.com');
  });

  it('keeps addresses that have a scheme, and the empty string', async () => {
    const me = (await c.get('api/auth/whoami/', 'carol')).body.user.id;
    for (const website of ['https://petersenlab.org/', 'ftp://files.example.org/x', '']) {
      const r = await c.req('PATCH', `api/private/users/user/${me}/`, { as: 'carol', body: { website } });
      expect(r.status).toBe(200);
      expect(r.body.user.website).toBe(website);
    }
  });

  it.each([
    'not a url',
    'javascript://alert(1)',
    'http://',
    'nodot',
  ])('"%s" is a 400 naming website', async (website) => {
    const me = (await c.get('api/auth/whoami/', 'carol')).body.user.id;
    const r = await c.req('PATCH', `api/private/users/user/${me}/`, { as: 'carol', body: { website } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ website: ['Enter a valid URL.'] });
  });
});
