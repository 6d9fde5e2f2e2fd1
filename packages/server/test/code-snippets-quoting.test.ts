/**
 * Every value a snippet writes reads back as that value: TypeScript literals evaluate to it, Python literals
 * (run by python3) evaluate to it, and shell words (run by bash) reach the program unchanged, for any text —
 * quotes, backslashes, `$`, `&`, spaces, newlines, control and format characters, astral and unassigned code points.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layout, pyNode, shellWord, tsNode } from '../src/web/code-snippets/literals.js';

const run = promisify(execFile);

/** Text the way it goes wrong: the characters each language treats specially, mixed with any code unit. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc
    .array(
      fc.constantFrom(
        "'",
        '"',
        '\\',
        '$',
        '`',
        '&',
        ' ',
        '\n',
        '\r',
        '\t',
        '\0',
        '\u2028',
        '\u200b',
        '\ufeff',
        'é',
        '😀',
        '{',
        '!',
        '*',
        '~',
        '=',
        '#',
        '%',
        '\x7f',
        '\x85',
        '\u00a0',
        '-',
        '\\0',
        '\\u',
        '$' + '{x}',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

/** JSON values whose strings and keys are nasty text, as JSON.parse gives them (a body is parsed JSON). */
const json = fc
  .letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      nasty,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(nasty, fc.constantFrom('__proto__', 'constructor', 'a-b', '1', '$ok')), tie('value'), {
        maxKeys: 4,
        noNullPrototype: true,
      }),
    ),
  }))
  .value.map((v) => JSON.parse(JSON.stringify(v)) as unknown);

const ts = (v: unknown) => layout(tsNode(v), { indent: '', column: 0, step: '  ' });
const py = (v: unknown) => layout(pyNode(v), { indent: '', column: 0, step: '    ' });

describe('TypeScript literals', () => {
  it('evaluate back to the value, in strict mode (as in an ES module)', () => {
    fc.assert(
      fc.property(json, (v) => {
        const back = new Function(`"use strict"; return (${ts(v)});`)();
        // Compared as JSON, which tells every value a body can hold apart (lone surrogates are escaped).
        expect(JSON.stringify(back)).toBe(JSON.stringify(v));
        // A `__proto__` key stays a property; it never becomes the prototype.
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('Python literals', () => {
  it('evaluate back to the value in python3', async () => {
    await fc.assert(
      // Many values per run: starting python3 is what takes the time.
      fc.asyncProperty(fc.array(json, { minLength: 1, maxLength: 100 }), async (values) => {
        const script = `import json, sys\nvalues = [\n${values.map((v) => `${py(v)},`).join('\n')}\n]\nsys.stdout.write(json.dumps(values))\n`;
        const { stdout } = await run('python3', ['-c', script]);
        expect(JSON.stringify(JSON.parse(stdout))).toBe(JSON.stringify(values));
      }),
      { numRuns: 4 },
    );
  }, 60_000);
});

describe('shell words', () => {
  it('reach the program unchanged through bash', async () => {
    // A program argument is a C string of UTF-8: no NUL, no lone surrogate.
    const arg = nasty.filter((s) => !s.includes('\0') && !/\p{Cs}/u.test(s));
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { minLength: 1, maxLength: 40 }), async (words) => {
        const script = `printf '%s\\0' ${words.map(shellWord).join(' ')}`;
        const { stdout } = await run('bash', ['-c', script], { encoding: 'utf8' });
        expect(stdout.split('\0').slice(0, -1)).toEqual(words);
      }),
      { numRuns: 15 },
    );
  });

  it('leave plain words as they are', () => {
    expect(shellWord('name.icontains=cooling')).toBe('name.icontains=cooling');
    expect(shellWord('--sort=-name,date_time')).toBe('--sort=-name,date_time');
    expect(shellWord('http://127.0.0.1:8000/')).toBe('http://127.0.0.1:8000/');
    expect(shellWord('')).toBe("''");
    expect(shellWord('=x')).toBe("'=x'");
  });
});
