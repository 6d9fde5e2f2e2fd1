// Reading spreadsheets for `brainstem import`: BOMs, quoted commas and newlines, European ';' files, line numbers,
// encodings; and the cell conventions of the import tool (booleans, datetimes, dates, lists, JSON, durations).
import {
  parseBoolean,
  parseDate,
  parseDateTime,
  parseDuration,
  parseJsonObject,
  splitList,
} from 'brainstem-api-tools/import';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { decodeUtf8, delimiterArg, detectDelimiter, parseSheet } from '../src/import/read-csv.js';

describe('parseSheet', () => {
  it('drops a BOM, keeps quoted commas and newlines (as LF), and numbers rows by the line they start on', () => {
    const text = '\uFEFFsession__name,session__description\r\n"S,1","two\r\nlines"\r\n\r\nS2,"say ""hi"""\r\n';
    const sheet = parseSheet(text);
    expect(sheet.columns).toEqual(['session__name', 'session__description']);
    expect(sheet.rows).toEqual([
      { session__name: 'S,1', session__description: 'two\nlines' },
      { session__name: 'S2', session__description: 'say "hi"' },
    ]);
    expect(sheet.lines).toEqual([2, 5]);
  });

  it("detects ';' (European Excel) and tab separators from the header; commas inside quotes do not count", () => {
    expect(detectDelimiter('"a,b,c";d;e\r\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a,b;c\n')).toBe(',');
    const sheet = parseSheet('project__name;subject__name\nP, one;"M;1"\n');
    expect(sheet.delimiter).toBe(';');
    expect(sheet.rows).toEqual([{ project__name: 'P, one', subject__name: 'M;1' }]);
  });

  it('honours --delimiter over detection, and rejects other characters', () => {
    expect(parseSheet('a;b,c\n1;2,3\n', delimiterArg(',')).rows).toEqual([{ 'a;b': '1;2', c: '3' }]);
    expect(delimiterArg('tab')).toBe('\t');
    expect(() => delimiterArg('|')).toThrow(UsageError);
  });

  it('skips blank rows, trims header names, ignores cells beyond the header and tolerates short rows', () => {
    const sheet = parseSheet(' a , b \n1,2,3\n,,\n4\n');
    expect(sheet.columns).toEqual(['a', 'b']);
    expect(sheet.rows).toEqual([{ a: '1', b: '2' }, { a: '4' }]);
    expect(sheet.lines).toEqual([2, 4]);
  });

  it('names the problem: an empty file, broken quoting, text that is not UTF-8', () => {
    expect(() => parseSheet('', undefined, 'x.csv')).toThrow(/x\.csv is empty: expected a header row/);
    expect(() => parseSheet('a,b\n"open,2\n', undefined, 'x.csv')).toThrow(/x\.csv: not valid CSV/);
    const latin1 = Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(() => decodeUtf8(latin1, 'x.csv')).toThrow(/x\.csv is not UTF-8 text: save it as "CSV UTF-8"/);
    expect(decodeUtf8(new TextEncoder().encode('Müller'), 'x.csv')).toBe('Müller');
  });
});

describe('cell conventions', () => {
  it('booleans: true/yes/1/on/enabled in any case; anything else is false', () => {
    for (const t of ['true', 'YES', '1', 'On', 'Enabled', ' yes ']) expect(parseBoolean(t)).toBe(true);
    for (const f of ['false', 'no', '0', '', 'off', 'y', undefined]) expect(parseBoolean(f)).toBe(false);
  });

  it('datetimes: ISO with seconds (zone kept), spaced forms, month/day variants; impossible ones rejected', () => {
    expect(parseDateTime('2024-05-01T14:30:00')).toBe('2024-05-01T14:30:00');
    expect(parseDateTime('2024-05-01T14:30:00Z')).toBe('2024-05-01T14:30:00Z');
    expect(parseDateTime('2024-05-01T14:30:00+0200')).toBe('2024-05-01T14:30:00+02:00');
    expect(parseDateTime('2024-05-01 14:30')).toBe('2024-05-01T14:30:00');
    expect(parseDateTime('2024-05-01 14:30:45')).toBe('2024-05-01T14:30:45');
    expect(parseDateTime('05/01/2024 14:30')).toBe('2024-05-01T14:30:00');
    expect(parseDateTime('5/1/2024 9:05:07')).toBe('2024-05-01T09:05:07');
    for (const bad of ['2024-05-01', '2024-02-30 10:00', '2024-05-01 24:00', '13/01/2024 10:00', 'today']) {
      expect(parseDateTime(bad)).toBeUndefined();
    }
  });

  it('dates: YYYY-MM-DD, a trailing time ignored; other spellings rejected', () => {
    expect(parseDate('2023-02-14')).toBe('2023-02-14');
    expect(parseDate('2023-02-14 08:00')).toBe('2023-02-14');
    for (const bad of ['2023-02-29', '14/02/2023', '2023-2-14', '2023-02-14 junk'])
      expect(parseDate(bad)).toBeUndefined();
  });

  it('lists split on commas and trim; JSON cells must be objects; epoch times as seconds', () => {
    expect(splitList(' vision, cortex ,,')).toEqual(['vision', 'cortex']);
    expect(parseJsonObject('{"laserPower": 5, "units": "mW"}').value).toEqual({ laserPower: 5, units: 'mW' });
    expect(parseJsonObject('{laserPower: 5}').error).toMatch(/^invalid JSON/);
    expect(parseJsonObject('[1]').error).toMatch(/expected a JSON object/);
    expect(parseJsonObject('[1]', true).value).toEqual([1]);
    expect(parseDuration('00:05:00')).toBe(300);
    expect(parseDuration('1:00:30')).toBe(3630);
    expect(parseDuration('PT1H2M3S')).toBe(3723);
    expect(parseDuration('PT0S')).toBe(0);
    for (const bad of ['5 min', 'PT', '00:60:00']) expect(parseDuration(bad)).toBeUndefined();
  });
});
