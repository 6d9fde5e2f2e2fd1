import { describe, expect, it } from 'vitest';
import {
  AbortError,
  APIError,
  AuthenticationError,
  BrainstemError,
  ConnectionError,
  fieldErrors,
  makeStatusError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  tokenPageFor,
  ValidationError,
} from '../../src/index.js';

const at = (status: number, body: unknown = null) =>
  makeStatusError({ status, body, url: 'http://127.0.0.1:1/api/private/stem/session/x/', method: 'GET' });

describe('ValidationError messages', () => {
  const v = (body: unknown, url = 'http://127.0.0.1:1/api/private/stem/session/') =>
    makeStatusError({ status: 400, body, url, method: 'GET' });
  it('advises on field formats only when there are field errors', () => {
    expect(v({ name: ['This field is required.'] }).message).toMatch(
      /: name: This field is required\. Match the required fields/,
    );
    const member = v({ non_field_errors: ['You are not a member of this group.'] });
    expect(member.message).toBe(
      '400 Bad Request (GET http://127.0.0.1:1/api/private/stem/session/): You are not a member of this group.',
    );
    expect(v({ detail: 'Bad request.' }).message).not.toContain('Match the required');
  });

  it('names the filter/sort/include parameter a request-level 400 is about', () => {
    const url =
      'http://127.0.0.1:1/api/private/stem/session/?filter%7Bnmae.icontains%7D=x&filter%7Bid.in%7D=a&sort%5B%5D=-nmoe';
    expect(v({ detail: 'Invalid filter field: nmae' }, url).message).toMatch(
      /Invalid filter field: nmae\. Check the query parameter filter\{nmae\.icontains\}\.$/,
    );
    expect(v({ detail: "Invalid sort field 'nmoe'" }, url).message).toMatch(
      /Check the query parameter sort\[\]=-nmoe\.$/,
    );
    // Already named by the server: nothing added. Lookups such as `in` are not mistaken for field names.
    expect(v({ detail: 'Unknown field in filter{nmae.icontains}' }, url).message).not.toContain('Check the');
    expect(v({ detail: 'Not allowed in this project' }, url).message).not.toContain('Check the');
  });
});

describe('errors', () => {
  it('maps statuses to classes with helpful messages', () => {
    expect(at(400, { name: ['This field is required.'] })).toBeInstanceOf(ValidationError);
    expect(at(401)).toBeInstanceOf(AuthenticationError);
    expect(at(401).message).toMatch(/client\.login\(\)/);
    expect(at(401).message).not.toContain('brainstem.org');
    const remote = makeStatusError({ status: 401, body: null, url: 'https://www.brainstem.org/api/x/', method: 'GET' });
    expect(remote.message).toContain('https://www.brainstem.org/private/users/tokens/');
    expect(tokenPageFor('https://brainstem.org.evil.test/')).toBeUndefined();
    expect(tokenPageFor('http://127.0.0.1:8000/')).toBeUndefined();
    expect(at(403)).toBeInstanceOf(PermissionDeniedError);
    expect(at(404)).toBeInstanceOf(NotFoundError);
    expect(at(404).message).toMatch(/private.*public portal/);
    const notFound = (url: string) => makeStatusError({ status: 404, body: null, url, method: 'GET' }) as NotFoundError;
    const underBase = notFound('https://host/prefix/api/public/stem/session/7a3e/');
    expect(underBase.portal).toBe('public');
    expect(underBase.message).toContain('("public"; is it in the private portal?)');
    // Only the path names the portal: an /api/… inside the query is no API path.
    expect(notFound('https://host/api/auth/whoami/?next=/api/private/stem/').portal).toBeUndefined();
    expect(at(429)).toBeInstanceOf(RateLimitError);
    expect(at(500)).toBeInstanceOf(ServerError);
    expect(at(503)).toBeInstanceOf(ServerError);
    const conflict = at(409, { detail: 'conflict' });
    expect(conflict).toBeInstanceOf(APIError);
    expect(conflict).not.toBeInstanceOf(ServerError);
    expect(conflict.message).toContain('conflict');
    for (const s of [400, 401, 403, 404, 429, 500]) {
      const e = at(s);
      expect(e).toBeInstanceOf(APIError);
      expect(e).toBeInstanceOf(BrainstemError);
      expect(e).toBeInstanceOf(Error);
      expect(e.status).toBe(s);
    }
  });

  it('ValidationError lists the fields', () => {
    const e = at(400, {
      name: ['This field is required.'],
      projects: ['Expected a list of items.'],
    }) as ValidationError;
    expect(e.fields).toEqual({ name: ['This field is required.'], projects: ['Expected a list of items.'] });
    expect(e.message).toContain('name: This field is required.');
    expect(e.message).toContain('projects: Expected a list of items.');
  });

  it('fieldErrors tolerates any body shape', () => {
    expect(fieldErrors('oops')).toEqual({ detail: ['oops'] });
    expect(fieldErrors(['a', 'b'])).toEqual({ non_field_errors: ['a', 'b'] });
    expect(fieldErrors({ entries: [{ date_time: ['bad'] }] })).toEqual({ 'entries.0.date_time': ['bad'] });
    expect(fieldErrors(null)).toEqual({});
    expect(fieldErrors(42)).toEqual({});
    expect(() => at(400, 17)).not.toThrow();
  });

  it('non-HTTP errors keep their hierarchy', () => {
    const t = new TimeoutError({ url: 'u', method: 'GET', timeout: 5 });
    expect(t).toBeInstanceOf(ConnectionError);
    expect(t).toBeInstanceOf(BrainstemError);
    expect(t).not.toBeInstanceOf(APIError);
    expect(new AbortError()).not.toBeInstanceOf(ConnectionError);
    expect(new Error('x')).not.toBeInstanceOf(BrainstemError);
    expect({}).not.toBeInstanceOf(BrainstemError);
    expect(t.name).toBe('TimeoutError');
  });

  it("a user's subclass keeps ordinary instanceof semantics", () => {
    class MyError extends NotFoundError {}
    const mine = new MyError({ status: 404, body: null, url: 'u', method: 'GET' });
    expect(mine).toBeInstanceOf(MyError);
    expect(mine).toBeInstanceOf(NotFoundError);
    expect(at(404)).not.toBeInstanceOf(MyError);
  });

  it('instanceof works for objects from another copy of the classes (brand)', () => {
    // Simulate a second copy: an object built by an unrelated class carrying the same global brands.
    const other = Object.create(
      Object.assign(Object.create(Error.prototype), {
        [Symbol.for('brainstem-api-tools.error-brands')]: ['BrainstemError', 'APIError', 'NotFoundError'],
      }),
    );
    expect(other).toBeInstanceOf(NotFoundError);
    expect(other).toBeInstanceOf(APIError);
    expect(other).not.toBeInstanceOf(ValidationError);
  });
});
