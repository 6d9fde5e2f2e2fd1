/** Which field values are stored and which are 400s naming the field: lengths, dates, text, emails, names, JSON. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('max lengths count characters (code points), as Django does', () => {
  it('a 100-emoji session name is accepted, 101 is not; device client_name likewise', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'len-p' } })).body.project;
    const ok = await c.req('POST', 'api/private/stem/session/', { body: { name: '🐭'.repeat(100), projects: [p.id] } });
    expect(ok.status).toBe(201);
    expect(ok.body.session.name).toBe('🐭'.repeat(100));
    const tooLong = await c.req('POST', 'api/private/stem/session/', {
      body: { name: '🐭'.repeat(101), projects: [p.id] },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.name[0]).toMatch(/no more than 100 characters/);
    const device = await c.req('POST', 'api/auth/device/', { as: null, body: { client_name: '🐭'.repeat(200) } });
    expect(device.status).toBe(200);
    const deviceLong = await c.req('POST', 'api/auth/device/', { as: null, body: { client_name: '🐭'.repeat(201) } });
    expect(deviceLong.status).toBe(400);
  });
});

describe('impossible date-times', () => {
  it('2024-02-30T10:00:00Z and 25:00 are 400 naming the field, not rolled over', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'dt-p' } })).body.project;
    for (const bad of ['2024-02-30T10:00:00Z', '2023-02-29T10:00:00Z', '2024-01-01T25:00:00Z', '2024-01-01T10:61Z']) {
      const r = await c.req('POST', 'api/private/stem/session/', {
        body: { name: `dt-${bad}`, projects: [p.id], date_time: bad },
      });
      expect(r.status, bad).toBe(400);
      expect(r.body.date_time[0]).toMatch(/Datetime has wrong format/);
    }
    const ok = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'dt-ok', projects: [p.id], date_time: '2024-02-29T10:00:00+01:00' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.session.date_time).toBe('2024-02-29T09:00:00Z');
  });
});

describe('year 0', () => {
  it('0000-01-01 is 400 as a date and as a date-time, with the wrong-format message, as DRF answers', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'y0-p' } })).body.project;
    const subject = (await c.get('api/private/stem/subject/?filter{name}=PC-M01')).body.subjects[0];
    const date = await c.req('POST', 'api/private/stem/breeding/', {
      body: {
        name: 'y0-b',
        project: subject.projects[0],
        mother: subject.id,
        father: subject.id,
        birth_date: '0000-01-01',
      },
    });
    expect(date.status).toBe(400);
    expect(date.body).toEqual({ birth_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'] });
    for (const bad of ['0000-01-01T00:00:00Z', '0000-12-31T23:00:00+01:00', '0001-01-01T00:30:00+01:00']) {
      const r = await c.req('POST', 'api/private/stem/session/', {
        body: { name: `y0-${bad}`, projects: [p.id], date_time: bad },
      });
      expect(r.status, bad).toBe(400);
      expect(r.body.date_time[0], bad).toMatch(/^Datetime has wrong format\./);
    }
    const first = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'y0-first', projects: [p.id], date_time: '0001-01-01T00:00:00Z' },
    });
    expect(first.status).toBe(201);
    expect(first.body.session.date_time).toBe('0001-01-01T00:00:00Z');
  });
});

describe('user email', () => {
  it('rejects blank, null, invalid and case-duplicate emails; stores them lower-case', async () => {
    const bob = (await c.get('api/auth/whoami/', 'bob')).body.user;
    const path = `api/private/users/user/${bob.id}/`;
    for (const [email, msg] of [
      ['', /may not be blank/],
      [null, /may not be null/],
      ['not-an-email', /valid email/],
      ['ALICE@example.org', /already exists/],
      [' Alice@Example.ORG ', /already exists/],
    ] as const) {
      const r = await c.req('PATCH', path, { as: 'bob', body: { email } });
      expect(r.status, String(email)).toBe(400);
      expect(r.body.email[0], String(email)).toMatch(msg);
    }
    const ok = await c.req('PATCH', path, { as: 'bob', body: { email: 'Bob.Builder@Example.org' } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe('bob.builder@example.org');
    expect((await c.get('api/auth/whoami/', 'bob')).body.user.email).toBe('bob.builder@example.org');
    // Alice still signs in as herself.
    expect((await c.get('api/auth/whoami/', 'alice')).body.user.email).toBe('alice@example.org');
  });
});

describe('group names', () => {
  it('are unique regardless of case and at most 150 characters', async () => {
    const dup = await c.req('POST', 'api/private/users/group/', { as: 'bob', body: { name: 'andersen LAB' } });
    expect(dup.status).toBe(400);
    expect(dup.body.name[0]).toMatch(/already exists/);
    const long = await c.req('POST', 'api/private/users/group/', { as: 'bob', body: { name: 'g'.repeat(151) } });
    expect(long.status).toBe(400);
    expect(long.body.name[0]).toMatch(/no more than 150 characters/);
    const g = await c.req('POST', 'api/private/users/group/', { as: 'bob', body: { name: 'g'.repeat(150) } });
    expect(g.status).toBe(201);
    // Renaming to its own name (other case) is fine; to another group's name is not.
    const id = g.body.group.id;
    expect(
      (await c.req('PATCH', `api/private/users/group/${id}/`, { as: 'bob', body: { name: 'G'.repeat(150) } })).status,
    ).toBe(200);
    const clash = await c.req('PATCH', `api/private/users/group/${id}/`, {
      as: 'bob',
      body: { name: 'Christensen lab' },
    });
    expect(clash.status).toBe(400);
  });
});

describe('extra_fields values', () => {
  it('only strings and finite numbers; Infinity (1e400), null and booleans are 400 naming the key', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'xf-p' } })).body.project;
    for (const [raw, key] of [
      ['{"big":1e400}', 'big'],
      ['{"nothing":null}', 'nothing'],
      ['{"flag":true}', 'flag'],
      ['{"nested":{"a":1}}', 'nested'],
    ]) {
      const r = await c.req('POST', 'api/private/stem/session/', {
        raw: `{"name":"xf-s","projects":["${p.id}"],"extra_fields":${raw}}`,
      });
      expect(r.status, raw).toBe(400);
      expect(r.body.extra_fields[0], raw).toContain(`"${key}"`);
    }
    const ok = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'xf-s', projects: [p.id], extra_fields: { a: 'x', b: 1.5, c: -2 } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.session.extra_fields).toEqual({ a: 'x', b: 1.5, c: -2 });
  });
});

describe('text that cannot be stored', () => {
  it('NUL characters and lone surrogates are 400; null for a non-nullable optional string is 400', async () => {
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'txt-p' } })).body.project;
    const nul = await c.req('POST', 'api/private/stem/session/', {
      raw: `{"name":"a\\u0000b","projects":["${p.id}"]}`,
    });
    expect(nul.status).toBe(400);
    expect(nul.body.name).toEqual(['Null characters are not allowed.']);
    const lone = await c.req('POST', 'api/private/stem/session/', {
      raw: `{"name":"ok-lone","description":"x\\ud800y","projects":["${p.id}"],"tags":["t\\u0000"]}`,
    });
    expect(lone.status).toBe(400);
    expect(lone.body.description[0]).toMatch(/surrogate/);
    expect(lone.body.tags).toEqual(['Null characters are not allowed.']);
    const nulled = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'txt-null', projects: [p.id], description: null },
    });
    expect(nulled.status).toBe(400);
    expect(nulled.body.description).toEqual(['This field may not be null.']);
    // A surrogate pair (an emoji) is fine.
    const ok = await c.req('POST', 'api/private/stem/session/', {
      raw: `{"name":"txt-\\ud83d\\udc2d","projects":["${p.id}"]}`,
    });
    expect(ok.status).toBe(201);
  });
});

describe('no JavaScript wording in errors', () => {
  it('an empty JSON POST names each required field; a download link without url says url is required', async () => {
    const empty = await c.req('POST', 'api/private/stem/session/', { raw: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ name: ['This field is required.'], projects: ['This field is required.'] });
    const p = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'js-p' } })).body.project;
    const link = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'js-s', projects: [p.id], download_links: [{ repository: 'DANDI' }] },
    });
    expect(link.status).toBe(400);
    expect(link.text).not.toMatch(/undefined/);
    expect(link.body.download_links.join(' ')).toMatch(/url: This field is required\./);
  });
});
