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
