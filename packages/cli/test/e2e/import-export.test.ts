// `brainstem export` writes the import format: exporting every type of the demo data and importing the files back
// finds every row existing. Also the templates, the type list, and the example spreadsheet under examples/import.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/format/csv.js';
import { CLI_DIR, ensureBuilt, type RunResult, runCli, tempHome } from './harness.js';

const ALICE = DEMO_USERS.alice.token;
const EXAMPLES = join(CLI_DIR, '..', '..', 'examples', 'import');
let server: RunningServer;
const home = tempHome();
const as = (args: string[]): Promise<RunResult> =>
  runCli([...args, '--url', server.url, '--token', ALICE], { env: home.env });

function ndjson(r: RunResult): Array<{ line: number; status: string; level: string; message: string }> {
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
});

afterAll(async () => {
  await server?.close();
  home.cleanup();
});

describe('brainstem import template / types', () => {
  it('writes the documented header and one example row', async () => {
    const r = await runCli(['import', 'template', 'sessions'], { env: home.env });
    expect(r.code, r.stderr).toBe(0);
    const [header, example, ...rest] = parseCsv(r.stdout);
    expect(header).toEqual([
      'project__name',
      'session__name',
      'session__description',
      'session__date_time',
      'session__tags',
      'session__data_storage',
      'session_name_in_data_storage',
    ]);
    expect(example?.[1]).toBe('Session_001');
    expect(example?.[5]).toBe('YOUR_DATA_STORAGE_ID');
    expect(rest).toEqual([]);
  });

  it('lists the eleven types with their columns, required ones marked', async () => {
    const r = await runCli(['import', 'types', '--format', 'json'], { env: home.env });
    const types = JSON.parse(r.stdout) as Array<{
      name: string;
      columns: Array<{ column: string; required?: boolean }>;
    }>;
    expect(types.map((t) => t.name)).toEqual([
      'projects',
      'subjects',
      'procedures',
      'subject-logs',
      'sessions',
      'behaviors',
      'data-acquisition',
      'manipulations',
      'epochs',
      'cohorts',
      'collections',
    ]);
    const behaviors = types.find((t) => t.name === 'behaviors');
    expect(behaviors?.columns.filter((c) => c.required).map((c) => c.column)).toEqual([
      'session__name',
      'subject__name',
      'behavior__setup',
      'behavior__behavioral_paradigm',
    ]);
    const table = await runCli(['import', 'types'], { env: home.env });
    expect(table.stdout).toContain('cohort__subjects*');
  });

  it('a template piped back on stdin (-) is checked: its example project does not exist here (exit 5)', async () => {
    const template = await runCli(['import', 'template', 'subjects'], { env: home.env });
    const r = await runCli(
      ['import', 'subjects', '-', '--dry-run', '--format', 'ndjson', '--url', server.url, '--token', ALICE],
      { env: home.env, stdin: template.stdout },
    );
    expect(r.code).toBe(5);
    expect(ndjson(r).map((x) => [x.line, x.status, x.level, x.message])).toEqual([
      [2, 'error', 'error', 'no project named "Auditory Cortex Project" (names are case-sensitive)'],
      [2, 'error', 'error', 'no supplier named "Charles River Laboratories" (names are case-sensitive)'],
    ]);
  });

  it('refuses an unknown type with the list of types (usage error)', async () => {
    const r = await runCli(['import', 'sesions', 'x.csv'], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown import type "sesions" (one of: projects, subjects');
  });
});

describe('the example spreadsheet (examples/import)', () => {
  const order = ['projects', 'subjects', 'procedures', 'subject-logs', 'sessions', 'cohorts', 'collections'];

  it('imports into the demo server, then again without creating anything', async () => {
    for (const type of order) {
      const r = await as(['import', type, join(EXAMPLES, `${type}.csv`), '--format', 'ndjson']);
      expect(r.code, `${type}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(new Set(ndjson(r).map((x) => x.status))).toEqual(new Set(['created']));
    }
    for (const type of order) {
      const r = await as(['import', type, join(EXAMPLES, `${type}.csv`), '--format', 'ndjson']);
      expect(r.code, r.stderr).toBe(0);
      expect(new Set(ndjson(r).map((x) => x.status))).toEqual(new Set(['existing']));
    }
  });
});

describe('export → import', () => {
  const types = [
    'projects',
    'subjects',
    'procedures',
    'subject-logs',
    'sessions',
    'behaviors',
    'data-acquisition',
    'manipulations',
    'cohorts',
    'collections',
  ];

  it.each(types)('%s: every exported row imports back as existing', async (type) => {
    const file = join(home.home, `export-${type}.csv`);
    const exported = await as(['export', type, '-o', file]);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = parseCsv(readFileSync(file, 'utf8'));
    expect(rows.length).toBeGreaterThan(1);
    const back = await as(['import', type, file, '--format', 'ndjson']);
    expect(back.code, back.stdout + back.stderr).toBe(0);
    const report = ndjson(back);
    expect(new Set(report.map((x) => x.line)).size).toBe(rows.length - 1);
    expect(report.filter((x) => x.status !== 'existing')).toEqual([]);
    // An exported record is what its row says: no field is reported as differing.
    expect(report.filter((x) => /differs from the record/.test(String(x.message)))).toEqual([]);
  });

  it('exports only what --filters selects, with a BOM on request', async () => {
    const r = await as(['export', 'sessions', '--filters', 'name.icontains=allen', '--bom']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFFproject__name,session__name,')).toBe(true);
    const rows = parseCsv(r.stdout.slice(1)).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[1]?.toLowerCase()).toContain('allen');
    writeFileSync(join(home.home, 'bom.csv'), r.stdout);
    const back = await as(['import', 'sessions', join(home.home, 'bom.csv'), '--format', 'ndjson']);
    expect(ndjson(back).every((x) => x.status === 'existing')).toBe(true);
  });

  it('epochs: the export is the header alone (the API has no epoch endpoint)', async () => {
    const r = await as(['export', 'epochs']);
    expect(r.code, r.stderr).toBe(0);
    expect(parseCsv(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain('no epoch endpoint');
  });
});
