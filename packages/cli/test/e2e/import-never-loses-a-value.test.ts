// A spreadsheet value is never lost silently: a cell that cannot be read stops its row (nothing created) unless
// --lenient; a row whose existing record differs is reported field by field; --update makes the record match,
// and a second run then finds nothing to change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrainstemClient } from 'brainstem-api-tools';
import { DEMO_USERS } from 'brainstem-server';
import { describe, expect, it } from 'vitest';
import { demoServerForFile, runCli } from './harness.js';

const demo = demoServerForFile();
const ALICE = DEMO_USERS.alice.token;
const PROJECT = 'Hippocampal place cells (Andersen lab)';
const HEADER = 'project__name,subject__name,subject__sex,subject__strain,subject__birth_date,subject__description';

interface Line {
  line: number;
  status: string;
  level: string;
  field: string;
  message: string;
}

async function importCsv(name: string, rows: string[], extra: string[] = []) {
  const file = join(demo.home.home, `${name}.csv`);
  writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  const r = await runCli(
    ['import', 'subjects', file, '--format', 'ndjson', '--url', demo.server.url, '--token', ALICE, ...extra],
    { env: demo.home.env },
  );
  const report = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  return { ...r, report };
}

async function subjectNamed(name: string) {
  const client = new BrainstemClient({ url: demo.server.url, token: ALICE, tokenStore: null });
  const { subjects } = await client.load('subject', { filters: { name } });
  return subjects[0] as Record<string, unknown> | undefined;
}

describe('import: nothing lost silently', () => {
  it('an unreadable date stops the row and creates nothing; --lenient creates it without the date', async () => {
    const row = `${PROJECT},NL-M01,M,C57BL/6J,15.01.2024,calm`;
    const strict = await importCsv('strict', [row]);
    expect(strict.code).toBe(5);
    expect(strict.report.map((l) => [l.status, l.level, l.field, l.message])).toEqual([
      ['error', 'error', 'subject__birth_date', '"15.01.2024" is not a date (YYYY-MM-DD)'],
    ]);
    expect(await subjectNamed('NL-M01')).toBeUndefined();
    expect(strict.stderr).toMatch(/a row has a cell that could not be read, .*pass --lenient to import without/);

    const lenient = await importCsv('lenient', [row], ['--lenient']);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.report.map((l) => [l.status, l.level, l.message])).toEqual([
      ['created', 'warning', '"15.01.2024" is not a date (YYYY-MM-DD); skipped'],
    ]);
    expect((await subjectNamed('NL-M01'))?.birth_date ?? null).toBeNull();
  });

  it('a fixed row meets its record: the difference is reported; --update applies it once', async () => {
    const fixed = `${PROJECT},NL-M01,M,C57BL/6J,2024-01-15,calm`;
    const again = await importCsv('fixed', [fixed]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.report.map((l) => [l.status, l.level, l.field, l.message])).toEqual([
      [
        'existing',
        'warning',
        'subject__birth_date',
        'differs from the record, which has empty (the row: "2024-01-15"); not changed',
      ],
    ]);
    expect(again.stderr).toMatch(/1 existing \(1 differing from the file: --update changes it\)/);
    expect((await subjectNamed('NL-M01'))?.birth_date ?? null).toBeNull();

    const dry = await importCsv('fixed', [fixed], ['--update', '--dry-run']);
    expect(dry.report.map((l) => [l.status, l.level, l.message])).toEqual([
      ['would-update', 'info', 'would change empty to "2024-01-15"'],
    ]);
    expect((await subjectNamed('NL-M01'))?.birth_date ?? null).toBeNull();

    const update = await importCsv('fixed', [fixed], ['--update']);
    expect(update.code, update.stderr).toBe(0);
    expect(update.report.map((l) => [l.status, l.level, l.field, l.message])).toEqual([
      ['updated', 'info', 'subject__birth_date', 'changed empty to "2024-01-15"'],
    ]);
    expect(update.stderr).toMatch(/1 updated/);
    expect((await subjectNamed('NL-M01'))?.birth_date).toBe('2024-01-15');

    const settled = await importCsv('fixed', [fixed], ['--update']);
    expect(settled.report.map((l) => [l.status, l.level])).toEqual([['existing', '']]);
  });

  it('an unreadable cell on an existing record stays an error (its value may differ)', async () => {
    const r = await importCsv('bad-again', [`${PROJECT},NL-M01,M,C57BL/6J,31.02.2024,calm`]);
    expect(r.code).toBe(5);
    expect(r.report.map((l) => [l.status, l.level, l.field])).toEqual([['error', 'error', 'subject__birth_date']]);
  });
});
