// Any error body reads as one shape (protocol/errors.ts): the server's DRF bodies, built with the same module, and
// the `{ error }`, `{ message }`, text and empty bodies of other servers and proxies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detailError,
  fieldsError,
  nonFieldError,
  unwrapError,
} from '../packages/api-description/src/protocol/errors.js';

describe('error bodies written and read by one module', () => {
  it('reads back what the builders write', () => {
    expect(unwrapError(detailError('Not found.'))).toEqual({
      detail: 'Not found.',
      fields: { detail: ['Not found.'] },
      general: ['Not found.'],
      perField: {},
    });
    const body = { ...fieldsError({ name: ['This field is required.'] }), ...nonFieldError('Invalid data.') };
    expect(unwrapError(body)).toMatchObject({
      detail: undefined,
      general: ['Invalid data.'],
      perField: { name: ['This field is required.'] },
    });
  });

  it('flattens nested field errors and list items', () => {
    expect(
      unwrapError({ details: { depth: ['Must be a number.'] }, entries: [{ date: ['Bad date.'] }] }).perField,
    ).toEqual({ 'details.depth': ['Must be a number.'], 'entries.0.date': ['Bad date.'] });
  });

  it("reads other servers' bodies: error, message, text, nothing", () => {
    expect(unwrapError({ error: 'Bad gateway' }).detail).toBe('Bad gateway');
    expect(unwrapError({ message: 'Try later' }).detail).toBe('Try later');
    expect(unwrapError('<html>502</html>')).toMatchObject({
      detail: '<html>502</html>',
      general: ['<html>502</html>'],
    });
    expect(unwrapError(null)).toEqual({ detail: undefined, fields: {}, general: [], perField: {} });
    expect(unwrapError('')).toEqual({ detail: undefined, fields: {}, general: [], perField: {} });
  });
});

describe('the server writes every error body with the builders', () => {
  const SERVER_SRC = join(import.meta.dirname, '../packages/server/src');
  // `GET /` answers a greeting under `detail`, not an error.
  const NOT_ERRORS = new Set(['web/landing.ts']);
  const sources = (readdirSync(SERVER_SRC, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !NOT_ERRORS.has(f.split('\\').join('/')),
  );

  it('has no detail or non_field_errors body written by hand', () => {
    const handWritten = sources.flatMap((file) =>
      readFileSync(join(SERVER_SRC, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${file}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//'))
        .filter(({ line }) => /(^|[{,(]\s*)(detail|non_field_errors):\s/.test(line))
        .map(({ at }) => at),
    );
    expect(sources.length).toBeGreaterThan(50);
    expect(handWritten).toEqual([]);
  });
});
