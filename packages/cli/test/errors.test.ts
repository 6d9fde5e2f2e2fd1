import { getModel } from 'brainstem-api-description';
import {
  AbortError,
  APIError,
  AuthenticationError,
  ConnectionError,
  checkId,
  checkPortal,
  checkQueryNames,
  InvalidArgumentError,
  LoginError,
  NotFoundError,
  normalizeUrl,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from 'brainstem-api-tools';
import { describe, expect, it } from 'vitest';
import { modelArg } from '../src/args.js';
import { ExitError, errorSummary, exitCodeFor, exitCodeForStatus, formatError, UsageError } from '../src/errors.js';
import { EXIT } from '../src/exit-codes.js';

const URL_ = 'http://127.0.0.1:8000/api/private/stem/session/';
const answer = (status: number, body: unknown = null, extra: { message?: string } = {}) => ({
  status,
  body,
  url: URL_,
  method: 'POST',
  ...extra,
});

/** The error `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('exit codes', () => {
  it.each([
    [new UsageError('x'), EXIT.USAGE],
    [new InvalidArgumentError('id', 'bad id'), EXIT.USAGE],
    [new AuthenticationError(answer(401)), EXIT.AUTH],
    [new LoginError('access_denied', 'denied'), EXIT.AUTH],
    [new NotFoundError(answer(404)), EXIT.NOT_FOUND],
    [new ValidationError(answer(400, { name: ['required'] })), EXIT.REJECTED],
    [new PermissionDeniedError(answer(403)), EXIT.REJECTED],
    [new RateLimitError(answer(429)), EXIT.NETWORK],
    [new ServerError(answer(503)), EXIT.NETWORK],
    [new ConnectionError('refused', { url: URL_, method: 'GET' }), EXIT.NETWORK],
    [new TimeoutError({ url: URL_, method: 'GET', timeout: 5 }), EXIT.NETWORK],
    [new AbortError('stop'), EXIT.INTERRUPTED],
    [new APIError(answer(418)), EXIT.OTHER],
    [new APIError(answer(502)), EXIT.NETWORK],
    [new APIError(answer(409)), EXIT.REJECTED],
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
    const err = new ValidationError(
      answer(400, { name: ['This field is required.'], projects: ['At least one.', 'Must be a list.'] }),
    );
    expect(formatError(err).split('\n')).toEqual([
      'brainstem: validation failed (400 Bad Request, POST http://127.0.0.1:8000/api/private/stem/session/):',
      '  name: This field is required.',
      '  projects: At least one.',
      '  projects: Must be a list.',
      '',
    ]);
  });

  it('shows no stack without --debug, and stack plus body with it', () => {
    const err = new NotFoundError(answer(404, { detail: 'Not found.' }, { message: 'not found' }));
    expect(formatError(err)).toBe('brainstem: not found\n');
    const debug = formatError(err, { debug: true });
    expect(debug).toContain('response body: {"detail":"Not found."}');
    expect(debug).toContain('at ');
  });

  it('adds a usage hint to usage errors', () => {
    expect(formatError(new UsageError('--limit must be an integer'))).toContain("Run 'brainstem --help'");
  });

  it('puts detail / non_field_errors in the head line', () => {
    const err = new ValidationError({
      status: 400,
      body: { detail: 'You already requested to join this group.' },
      url: 'http://h/api/private/users/group/1/join/',
      method: 'GET',
    });
    expect(formatError(err)).toBe(
      'brainstem: 400 Bad Request (GET http://h/api/private/users/group/1/join/): You already requested to join this group.\n',
    );
    const mixed = new ValidationError(answer(400, { non_field_errors: ['Bad combo.'], name: ['Too long.'] }));
    expect(formatError(mixed)).toBe(
      `brainstem: validation failed (400 Bad Request, POST ${URL_}): Bad combo.\n  name: Too long.\n`,
    );
  });

  it("prints nested field errors as the client flattens them (the error's `fields`)", () => {
    const err = new ValidationError(answer(400, { download_links: [{ url: ['Enter a valid URL.'] }] }));
    expect(formatError(err)).toBe(
      `brainstem: validation failed (400 Bad Request, POST ${URL_}):\n  download_links.0.url: Enter a valid URL.\n`,
    );
  });

  it('summarises an item error for bulk reports', () => {
    const err = new ValidationError(answer(400, { name: ['Too long.'] }));
    expect(errorSummary(err)).toEqual({
      type: 'ValidationError',
      status: 400,
      message: err.message,
      fields: { name: ['Too long.'] },
    });
    expect(errorSummary(new Error('a\nb'))).toEqual({ type: 'Error', message: 'a' });
  });
});

describe("the client's argument checks, in the words of the command line", () => {
  const session = getModel('session');

  it.each([
    [
      'an unknown model points at brainstem models',
      () => modelArg('sesion'),
      "brainstem: unknown model `sesion`; did you mean `session`? (run 'brainstem models' for all)\n",
    ],
    ['a bad id names --id', () => checkId(session, '../etc'), /^brainstem: --id: session id must be a UUID/],
    [
      'a portal without the operation names --portal',
      () => checkPortal(session, 'public', 'add'),
      'brainstem: --portal: session: "add" is not available on the public portal (allowed: private)\n',
    ],
    [
      'a misspelt filter names --filters and the key',
      () => checkQueryNames(session, { filters: { 'nme.icontains': 'PC' } }),
      /^brainstem: --filters "nme\.icontains": unknown field `nme` on session; did you mean `name`\?/,
    ],
    [
      'a misspelt sort field names --sort',
      () => checkQueryNames(session, { sort: ['-nam'] }),
      /^brainstem: --sort "-nam": unknown sort field `nam` on session; did you mean `name`\?/,
    ],
    [
      'a misspelt include names --include',
      () => checkQueryNames(getModel('project'), { include: ['projectz'] }),
      /^brainstem: --include "projectz": unknown relation `projectz` on project/,
    ],
    ['a bad server names --url', () => normalizeUrl('ftp://example.org/'), /^brainstem: --url must use http or https/],
  ])('%s', (_, fn, expected) => {
    const err = thrown(fn);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(exitCodeFor(err)).toBe(EXIT.USAGE);
    expect(formatError(err)).toMatch(expected);
  });

  it("uses a command's own spelling of an argument (action's positional ID)", () => {
    const err = thrown(() => checkId(session, 'x'));
    expect(formatError(err, { flags: { id: 'ID' } })).toMatch(/^brainstem: ID: session id must be a UUID/);
  });
});
