// Tables keep what matters: names and dates are never cut (a column that repeats another, then the least
// important by the API description's fields, gives way first), the import report wraps instead of cutting, and
// output that is not read on a terminal is never wrapped (one line per row).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getModel, MODEL_NAMES } from 'brainstem-api-description';
import { DEMO_USERS } from 'brainstem-server';
import { describe, expect, it } from 'vitest';
import { columnRank, renderTable } from '../../src/format/table.js';
import { demoServerForFile, runCli } from './harness.js';

const demo = demoServerForFile();
const ALICE = DEMO_USERS.alice.token;
const as = (args: string[], env: Record<string, string> = {}) =>
  runCli([...args, '--url', demo.server.url, '--token', ALICE], { env: { ...demo.home.env, ...env } });

describe('load --format table', () => {
  it('at 80 and 120 columns, every session name and date is whole; the storage-name copy gives way first', async () => {
    const { sessions } = JSON.parse((await as(['load', 'session', '--limit', '10'])).stdout) as {
      sessions: Array<{ name: string; date_time: string }>;
    };
    for (const columns of ['80', '120']) {
      const r = await as(['load', 'session', '--format', 'table', '--limit', '10'], { COLUMNS: columns });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(
        lines.filter((l) => l.length > Number(columns)),
        columns,
      ).toEqual([]);
      expect(lines[0], columns).toMatch(/^id\s+name(\s|$)/);
      expect(lines[0], columns).not.toContain('name_used_in_storage');
      for (const s of sessions) expect(r.stdout, columns).toContain(s.name);
      if (columns === '120') for (const s of sessions) expect(r.stdout).toContain(s.date_time);
    }
  });

  it('ranks columns from the API description: id, name, required and dates, writable, read-only', () => {
    const rank = columnRank(getModel('session').fields);
    expect(['id', 'name', 'date_time', 'description', 'name_used_in_storage', 'extra'].map(rank)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    // A column that repeats another goes before one that does not, whatever its rank.
    const records = [
      { id: 1, name: 'PC-M01_2024-03-01', copy: 'PC-M01_2024-03-01', notes: 'a long note about the session' },
    ];
    const table = renderTable(records, ['id', 'name', 'copy', 'notes'], 50, {
      drop: true,
      rank: (f) => ({ id: 0, name: 1, copy: 2, notes: 3 })[f] ?? 9,
    });
    expect(table.split('\n')[0]).toMatch(/^id\s+name\s+notes$/);
  });
});

describe('the import report', () => {
  it('wraps messages in a narrow terminal, never cuts one', async () => {
    const file = join(demo.home.home, 'report.csv');
    writeFileSync(
      file,
      'project__name,subject__name,subject__sex,subject__strain,subject__supplier\n' +
        'Hippocampal place cells (Andersen lab),RP-M01,M,C57BL/6J,Charles River\n',
    );
    const r = await as(['import', 'subjects', file, '--dry-run', '--format', 'table'], { COLUMNS: '70' });
    expect(r.code).toBe(5);
    expect(r.stdout).not.toContain('…');
    expect(r.stdout.split('\n').filter((l) => l.length > 70)).toEqual([]);
    const words = r.stdout.split(/\s+/);
    for (const w of ['subject__supplier', 'supplier', '"Charles', 'River"', 'case-sensitive)'])
      expect(words).toContain(w);
  });
});

describe('output that is not read on a terminal', () => {
  it('brainstem models into a file or pipe: one line per model, not wrapped', async () => {
    const r = await runCli(['models'], { env: demo.home.env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(MODEL_NAMES.length + 2);
    for (const name of MODEL_NAMES) expect(r.stdout).toMatch(new RegExp(`^${name}\\s`, 'm'));
  });
});
