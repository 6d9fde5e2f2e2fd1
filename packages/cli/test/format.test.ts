import { getModel } from 'brainstem-api-description';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, parseCsv, toCsv, unionKeys } from '../src/format/csv.js';
import { formatBody, pick, RecordStream, recordsOf } from '../src/format/index.js';
import { defaultColumns, renderTable } from '../src/format/table.js';
import { fitText, wrapWords } from '../src/format/wrap.js';
import { terminalColumns } from '../src/io.js';
import { memoryIo } from './helpers.js';

const tricky = [
  { id: 'a', name: 'plain', n: 1, ok: true, tags: ['x', 'y'], extra: { k: 'v, "q"' } },
  { id: 'b', name: 'comma, "quote"\nnewline', n: null, only_b: 'here' },
  { id: 'c', name: 'ünïcode ✓', n: 2.5 },
];

describe('csv', () => {
  it('quotes per RFC 4180 and writes CRLF rows', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rx')).toBe('"cr\rx"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField({ a: [1] })).toBe('"{""a"":[1]}"');
    expect(csvRow(['a', 1])).toBe('a,1\r\n');
  });

  it('uses the union of keys in first-seen order as header', () => {
    expect(unionKeys(tricky)).toEqual(['id', 'name', 'n', 'ok', 'tags', 'extra', 'only_b']);
  });

  it('round-trips through the parser, nested values as JSON', () => {
    const rows = parseCsv(toCsv(tricky));
    expect(rows[0]).toEqual(['id', 'name', 'n', 'ok', 'tags', 'extra', 'only_b']);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['a', 'plain', '1', 'true', '["x","y"]', '{"k":"v, \\"q\\""}', '']);
    expect(rows[2]).toEqual(['b', 'comma, "quote"\nnewline', '', '', '', '', 'here']);
    expect(JSON.parse(rows[1]?.[5] as string)).toEqual({ k: 'v, "q"' });
    expect(rows[3]?.[1]).toBe('ünïcode ✓');
  });

  it('honours --fields for the header and order', () => {
    expect(parseCsv(toCsv(tricky, ['name', 'id']))[0]).toEqual(['name', 'id']);
    expect(toCsv([], ['id'])).toBe('id\r\n');
  });

  it('parses empty trailing fields and quoted empties', () => {
    expect(parseCsv('a,,""\r\n')).toEqual([['a', '', '']]);
  });
});

describe('table', () => {
  it('aligns columns and truncates to the width', () => {
    const t = renderTable(
      [
        { id: 1, name: 'short' },
        { id: 22, name: 'x'.repeat(200) },
      ],
      ['id', 'name'],
      40,
    );
    const lines = t.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name$/);
    expect(lines[1]).toMatch(/^--\s+-+$/);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines[3]).toContain('…');
  });

  it('puts id and name first and skips nested values by default', () => {
    expect(defaultColumns([{ tags: [], x: 1, name: 'n', id: 'i', extra: {} }])).toEqual(['id', 'name', 'x']);
  });

  const UUIDS = ['0b7c5a0e-3c1f-4d6e-9f1a-2b3c4d5e6f70', '1c8d6b1f-4d2a-4e7f-8a2b-3c4d5e6f7081'];

  it('never cuts an id: other columns give way first, to fit the width', () => {
    const t = renderTable(
      [{ id: UUIDS[0], name: 'a rather long session name that will not fit', description: 'x'.repeat(80) }],
      ['id', 'name', 'description'],
      60,
    );
    const lines = t.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines[2]).toContain(UUIDS[0]);
    expect(lines[2]).toContain('…');
  });

  it('wraps a cell holding several ids onto more lines, each id whole', () => {
    const t = renderTable([{ id: UUIDS[0], projects: JSON.stringify(UUIDS) }], ['id', 'projects'], 80);
    const lines = t.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    for (const id of UUIDS) expect(lines.some((l) => l.includes(id))).toBe(true);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[3]).toMatch(/^ {36} {2}"1c8d6b1f-4d2a-4e7f-8a2b-3c4d5e6f7081"\]$/);
  });

  it('keeps an id whole even when the table cannot fit the width', () => {
    const t = renderTable([{ id: UUIDS[0], name: 'n' }], ['id', 'name'], 20);
    expect(t.split('\n')[2]).toBe(`${UUIDS[0]}  n`);
  });

  it('with wrap, breaks long cells at spaces only, to fit the width', () => {
    const text = 'list detail: public private; add change delete: private';
    const t = renderTable([{ name: 'projectmembershipinvitation', portals: text }], ['name', 'portals'], 50, {
      wrap: true,
    });
    const lines = t.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 50)).toBe(true);
    const cell = lines
      .slice(2)
      .map((l) => l.slice(29).trim())
      .join(' ');
    expect(cell).toBe(text);
    expect(lines.slice(2).every((l) => !/\S…$/.test(l))).toBe(true);
  });

  it('keeps multi-line cells on one line', () => {
    expect(renderTable([{ a: 'one\ntwo' }], ['a'], 80)).toContain('one⏎two');
  });
});

describe('records and bodies', () => {
  const keys = getModel('session');

  it('finds records under the list key, the detail key or an approval key', () => {
    expect(recordsOf({ sessions: [{ id: 1 }], count: 1 }, keys)).toMatchObject({ key: 'sessions', list: true });
    expect(recordsOf({ session: { id: 1 } }, keys)).toEqual({ key: 'session', records: [{ id: 1 }], list: false });
    expect(recordsOf({ session_approval: { id: 2 } }, keys).records).toEqual([{ id: 2 }]);
    expect(recordsOf({ species_approval: { id: 4 } }, getModel('species'))).toEqual({
      key: 'species_approval',
      records: [{ id: 4 }],
      list: false,
    });
    expect(recordsOf([{ id: 3 }], keys).records).toEqual([{ id: 3 }]);
  });

  it("reads only the model's own envelope: an array under another key is not its list", () => {
    const body = { projects: [{ id: 1 }, { id: 2 }], count: 2 };
    expect(recordsOf(body, keys)).toEqual({ records: [body], list: false });
    expect(formatBody(body, keys, { format: 'ndjson', pretty: false, width: 80 })).toBe(`${JSON.stringify(body)}\n`);
  });

  it('json keeps the body shape; --fields projects its records', () => {
    const body = { sessions: [{ id: 1, name: 'a', x: 9 }], count: 1 };
    expect(formatBody(body, keys, { format: 'json', pretty: false, width: 80 })).toBe(`${JSON.stringify(body)}\n`);
    expect(JSON.parse(formatBody(body, keys, { format: 'json', pretty: false, width: 80, fields: ['name'] }))).toEqual({
      sessions: [{ name: 'a' }],
      count: 1,
    });
    expect(formatBody(body, keys, { format: 'json', pretty: true, width: 80 })).toContain('\n  "sessions": [\n');
  });

  it('ndjson prints one record per line', () => {
    const body = { sessions: [{ id: 1 }, { id: 2 }] };
    expect(formatBody(body, keys, { format: 'ndjson', pretty: true, width: 80 })).toBe('{"id":1}\n{"id":2}\n');
  });

  it('pick keeps order and fills missing fields with null', () => {
    expect(pick({ a: 1, b: 2 }, ['b', 'z'])).toEqual({ b: 2, z: null });
  });
});

describe('RecordStream', () => {
  it('streams ndjson immediately', () => {
    const m = memoryIo();
    const s = new RecordStream(m.io, { format: 'ndjson', pretty: false, width: 80 });
    s.write({ id: 1 });
    expect(m.stdout()).toBe('{"id":1}\n');
    s.end();
    expect(s.streams).toBe(true);
  });

  it('streams CSV when --fields fixes the header, buffers otherwise', () => {
    const a = memoryIo();
    const s = new RecordStream(a.io, { format: 'csv', pretty: false, width: 80, fields: ['id'] });
    s.write({ id: 1, x: 2 });
    expect(a.stdout()).toBe('id\r\n1\r\n');
    const b = memoryIo();
    const t = new RecordStream(b.io, { format: 'csv', pretty: false, width: 80 });
    t.write({ id: 1 });
    t.write({ id: 2, y: 'late key' });
    expect(b.stdout()).toBe('');
    t.end();
    expect(parseCsv(b.stdout())).toEqual([
      ['id', 'y'],
      ['1', ''],
      ['2', 'late key'],
    ]);
  });

  it('writes a header even with no records when --fields is given', () => {
    const a = memoryIo();
    const s = new RecordStream(a.io, { format: 'csv', pretty: false, width: 80, fields: ['id', 'name'] });
    s.end();
    expect(a.stdout()).toBe('id,name\r\n');
  });
});

describe('text fitted to the terminal', () => {
  it('wraps at spaces, never inside a word', () => {
    expect(wrapWords('list detail: public private', 12)).toEqual(['list detail:', 'public', 'private']);
    expect(wrapWords('averyveryverylongword x', 8)).toEqual(['averyveryverylongword', 'x']);
  });

  it('lines a wrapped description up under its column', () => {
    expect(fitText('  BRAINSTEM_URL   server URL (when --url is not given)', 40)).toBe(
      '  BRAINSTEM_URL   server URL (when --url\n                  is not given)',
    );
  });

  it("moves a shell example's comment to its own line and continues a long command with a backslash", () => {
    const text = fitText('  $ brainstem import subjects subjects.csv --dry-run  # spreadsheet import', 50);
    expect(text.split('\n')).toEqual([
      '  $ brainstem import subjects subjects.csv \\',
      '      --dry-run',
      '      # spreadsheet import',
    ]);
    expect(text.split('\n').every((l) => l.length <= 50)).toBe(true);
  });

  it('takes the width from COLUMNS, else the terminal, else no limit (a pipe or a file)', () => {
    expect(terminalColumns('100', 120)).toBe(100);
    expect(terminalColumns(undefined, 120)).toBe(120);
    expect(terminalColumns(undefined, undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(terminalColumns('wide', undefined)).toBe(Number.POSITIVE_INFINITY);
  });
});
