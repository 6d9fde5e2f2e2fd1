import { describe, expect, it } from 'vitest';
import { ExitError, exitCodeFor, exitCodeForStatus, fieldErrors, formatError, UsageError } from '../src/errors.js';
import { EXIT } from '../src/exit-codes.js';

// Stand-ins named like the client's classes: exitCodeFor matches the class chain by name, so it works whichever
// copy of the client threw. The spawned-CLI tests cover the real classes against the server.
class BrainstemError extends Error {}
class APIError extends BrainstemError {
  constructor(
    readonly status: number,
    message = `status ${status}`,
  ) {
    super(message);
  }
}
class ValidationError extends APIError {
  fields = { name: ['This field is required.'], projects: ['At least one.', 'Must be a list.'] };
}
class PermissionDeniedError extends APIError {}
class NotFoundError extends APIError {}
class AuthenticationError extends APIError {}
class ServerError extends APIError {}
class ConnectionError extends BrainstemError {}
class TimeoutError extends ConnectionError {}
class AbortError extends BrainstemError {}
class InvalidArgumentError extends BrainstemError {}

describe('exit codes', () => {
  it.each([
    [new UsageError('x'), EXIT.USAGE],
    [new InvalidArgumentError('bad id'), EXIT.USAGE],
    [new AuthenticationError(401), EXIT.AUTH],
    [new NotFoundError(404), EXIT.NOT_FOUND],
    [new ValidationError(400), EXIT.REJECTED],
    [new PermissionDeniedError(403), EXIT.REJECTED],
    [new ServerError(503), EXIT.NETWORK],
    [new ConnectionError('refused'), EXIT.NETWORK],
    [new TimeoutError('slow'), EXIT.NETWORK],
    [new AbortError('stop'), EXIT.INTERRUPTED],
    [new APIError(418), EXIT.OTHER],
    [new APIError(502), EXIT.NETWORK],
    [new Error('boom'), EXIT.OTHER],
    [new ExitError(5), 5],
    ['a string', EXIT.OTHER],
  ])('%s → %i', (err, code) => {
    expect(exitCodeFor(err)).toBe(code);
  });

  it('maps bare statuses', () => {
    expect([401, 403, 404, 400, 429, 500, 302].map(exitCodeForStatus)).toEqual([3, 5, 4, 5, 6, 6, 1]);
  });
});

describe('formatError', () => {
  it('prints one line, then one line per field error', () => {
    const err = Object.assign(new ValidationError(400, '400 Bad Request (POST …): name: This field is required.'), {
      method: 'POST',
      url: 'http://127.0.0.1:8000/api/private/stem/session/',
    });
    expect(formatError(err).split('\n')).toEqual([
      'brainstem: validation failed (400 Bad Request, POST http://127.0.0.1:8000/api/private/stem/session/):',
      '  name: This field is required.',
      '  projects: At least one.',
      '  projects: Must be a list.',
      '',
    ]);
  });

  it('shows no stack without --debug, and stack plus body with it', () => {
    const err = Object.assign(new NotFoundError(404, 'not found'), { body: { detail: 'Not found.' } });
    expect(formatError(err)).toBe('brainstem: not found\n');
    const debug = formatError(err, { debug: true });
    expect(debug).toContain('response body: {"detail":"Not found."}');
    expect(debug).toContain('at ');
  });

  it('adds a usage hint to usage errors', () => {
    expect(formatError(new UsageError('unknown model "x"'))).toContain("Run 'brainstem --help'");
  });

  it('puts detail / non_field_errors in the head line', () => {
    const err = Object.assign(new Error('400 Bad Request (GET …): detail: x'), {
      status: 400,
      method: 'GET',
      url: 'http://h/api/private/users/group/1/join/',
      fields: { detail: ['You already requested to join this group.'] },
    });
    expect(formatError(err)).toBe(
      'brainstem: 400 Bad Request (GET http://h/api/private/users/group/1/join/): You already requested to join this group.\n',
    );
    const mixed = Object.assign(new Error('x'), {
      status: 400,
      fields: { non_field_errors: ['Bad combo.'], name: ['Too long.'] },
    });
    expect(formatError(mixed)).toBe('brainstem: validation failed (400 Bad Request): Bad combo.\n  name: Too long.\n');
  });

  it('flattens nested field errors', () => {
    expect(fieldErrors({ fields: { download_links: [{ url: ['Enter a valid URL.'] }] } })).toEqual([
      ['download_links[0].url', 'Enter a valid URL.'],
    ]);
  });
});
