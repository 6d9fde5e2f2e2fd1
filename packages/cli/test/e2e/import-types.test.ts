// `brainstem import` of each of the eleven documented import types through the built CLI against the real local
// server: a dry run writes nothing, the real run reports each row, the second run creates nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrainstemClient } from 'brainstem-api-tools';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, type RunResult, runCli, tempHome } from './harness.js';
import { type Fixture, type FixtureIds, fixtures } from './import-fixtures.js';

const ALICE = DEMO_USERS.alice.token;
let server: RunningServer;
const home = tempHome();
const ids: FixtureIds = { setup: '', assay: '', equipment: '', datastorage: '', procedures: [] };

interface ReportLine {
  line: number;
  status: string;
  record: string;
  id: string | null;
  level: string;
  field: string;
  message: string;
}

async function importFile(
  type: string,
  csv: string,
  extra: string[] = [],
): Promise<RunResult & { report: ReportLine[] }> {
  const file = join(home.home, `${type}.csv`);
  writeFileSync(file, csv);
  const r = await runCli(
    // --lenient: these fixtures also check what a lenient import leaves out and says so.
    ['import', type, file, '--format', 'ndjson', '--url', server.url, '--token', ALICE, '--lenient', ...extra],
    {
      env: home.env,
    },
  );
  const report = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ReportLine);
  return { ...r, report };
}

/** Status of each line (one report record per issue; they share the status). */
function statuses(report: ReportLine[]): Record<number, string> {
  const out: Record<number, string> = {};
  for (const r of report) out[r.line] = r.status;
  return out;
}

function issuesOf(report: ReportLine[], line: number): string[] {
  return report.filter((r) => r.line === line && r.level).map((r) => `${r.level} ${r.field}: ${r.message}`);
}

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
  const client = new BrainstemClient({ url: server.url, token: ALICE });
  const first = async (model: 'setup' | 'behavioralassay' | 'equipment' | 'datastorage', name: string) => {
    const body = (await client.load(model, { filters: { name } })) as unknown as Record<string, Array<{ id: string }>>;
    const list = Object.values(body).find(Array.isArray) as Array<{ id: string }>;
    return list[0]?.id as string;
  };
  ids.setup = await first('setup', 'Linear track rig 1');
  ids.assay = await first('behavioralassay', 'Linear track running');
  ids.equipment = await first('equipment', 'Overhead camera');
  ids.datastorage = await first('datastorage', 'Andersen lab NAS');
  for (const id of [ids.setup, ids.assay, ids.equipment, ids.datastorage]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
});

afterAll(async () => {
  await server?.close();
  home.cleanup();
});

/** Dry run, real run, second run of one type's fixture, checking statuses and the exit code each time. */
async function threeRuns(type: string): Promise<ReportLine[]> {
  const fixture = fixtures(ids)[type] as Fixture;
  const dryExpected = Object.fromEntries(
    Object.entries(fixture.expected).map(([l, s]) => [l, s === 'created' ? 'would-create' : s]),
  );
  const dry = await importFile(type, fixture.csv, ['--dry-run']);
  expect(statuses(dry.report), dry.stderr).toEqual(dryExpected);
  expect(dry.stderr).toContain('dry run, nothing written');

  const run = await importFile(type, fixture.csv);
  expect(statuses(run.report), run.stderr).toEqual(fixture.expected);
  expect(run.code).toBe(Object.values(fixture.expected).includes('error') ? 5 : 0);
  for (const r of run.report)
    if (r.status === 'created' || r.status === 'existing') expect(r.id).toMatch(/^[0-9a-f-]{36}$/);

  const again = await importFile(type, fixture.csv);
  const secondExpected = Object.fromEntries(
    Object.entries(fixture.expected).map(([l, s]) => [l, s === 'created' ? 'existing' : s]),
  );
  expect(statuses(again.report), again.stderr).toEqual(secondExpected);
  return run.report;
}

describe('brainstem import, type by type (each builds on the records of the ones before)', () => {
  it('projects: creates absent projects, trims names, reports unknown columns once', async () => {
    const report = await threeRuns('projects');
    const run = await importFile('projects', (fixtures(ids).projects as Fixture).csv);
    expect(run.stderr.match(/lab_notes/g)).toHaveLength(1);
    expect(issuesOf(report, 5)).toEqual(['error project__name: required: the cell is empty']);
    expect(issuesOf(report, 6)[0]).toMatch(/project__name: longer than 200 characters/);
    const client = new BrainstemClient({ url: server.url, token: ALICE });
    const { projects } = await client.load('project', { filters: { name: 'Import test: auditory cortex' } });
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ is_public: true, tags: ['auditory', 'cortex'] });
    expect(Object.keys(projects[0]?.users ?? {})).toContain('bob@example.org');
  });

  it('subjects (";"-separated): missing supplier and a bad date warn; missing project and strain stop the row', async () => {
    const report = await threeRuns('subjects');
    expect(issuesOf(report, 3)).toEqual([
      'warning subject__supplier: no supplier named "Charles River Laboratories" (names are case-sensitive); relationship skipped',
      'warning subject__birth_date: "2024-02-30" is not a date (YYYY-MM-DD); skipped',
    ]);
    expect(issuesOf(report, 5)).toEqual([
      'error project__name: no project named "No such project" (names are case-sensitive)',
    ]);
    expect(issuesOf(report, 6)).toContain('error subject__strain: subject.strain is required by the API');
  });

  it('procedures: brain region by name or acronym, JSON columns, month/day datetimes', async () => {
    const report = await threeRuns('procedures');
    ids.procedures = report.filter((r) => r.line === 2 || r.line === 3).map((r) => r.id as string);
    expect(new Set(ids.procedures).size).toBe(2);
    expect(issuesOf(report, 3).join('\n')).toMatch(/procedure__consumablestock: no consumablestock with id .*skipped/);
    expect(issuesOf(report, 3).join('\n')).toMatch(/procedure__details: invalid JSON/);
    expect(issuesOf(report, 4)).toEqual([
      'warning procedure__date_time: "2024-04-31 12:00" is not a datetime (e.g. 2024-05-01 14:30 or 2024-05-01T14:30:00Z); skipped',
    ]);
    expect(issuesOf(report, 7)[0]).toMatch(/procedure__type: "NotAProcedure" is not a procedure type choice/);
    const client = new BrainstemClient({ url: server.url, token: ALICE });
    const { procedure } = await client.load('procedure', {
      id: ids.procedures[1] as string,
      include: ['brain_region'],
    });
    expect(procedure).toMatchObject({ type: 'CranialWindow', coordinates_system: 'Stereotaxic_BregmaBrainSurface' });
    expect((procedure.brain_region as unknown as { acronym: string }).acronym).toBe('VISp');
    expect(String(procedure.date_time)).toMatch(/^2024-04-12T11:00:00/);
  });

  it('subject logs: one log per subject and type, entries added once per timestamp', async () => {
    const report = await threeRuns('subject-logs');
    expect(issuesOf(report, 4)[0]).toMatch(/warning subject_log__entry_datetime: the log already has an entry/);
    expect(issuesOf(report, 7)).toContain('error subject_log__entry_datetime: required for Weighing entries');
    const client = new BrainstemClient({ url: server.url, token: ALICE });
    const weighing = report.find((r) => r.line === 2)?.id as string;
    const { subject_log } = await client.load('subjectlog', { id: weighing });
    expect(subject_log.entries).toHaveLength(2);
    const handling = await client.load('subjectlog', { id: report.find((r) => r.line === 5)?.id as string });
    expect(handling.subject_log.entries).toEqual([
      expect.objectContaining({ start_date_time: '2024-05-01T14:00:00Z', end_date_time: '2024-05-01T15:00:00Z' }),
    ]);
  });

  it('sessions: data storage by UUID, a missing one only warns', async () => {
    const report = await threeRuns('sessions');
    expect(issuesOf(report, 3).join('\n')).toMatch(/session__data_storage: no datastorage with id/);
    expect(issuesOf(report, 6)[0]).toMatch(/session__name: longer than 100 characters/);
  });

  it('behaviors: setup and behavioral assay by UUID are required', async () => {
    const report = await threeRuns('behaviors');
    expect(issuesOf(report, 5)[0]).toMatch(/error behavior__setup: no setup with id/);
    expect(issuesOf(report, 6)[0]).toMatch(/error subject__name: no subject named "Mouse_999"/);
  });

  it('data acquisition: at least one known procedure; unknown ones warn', async () => {
    const report = await threeRuns('data-acquisition');
    expect(issuesOf(report, 3).join('\n')).toMatch(/warning data_acquisition__procedures: no procedure with id/);
  });

  it('manipulations: details may be a JSON array (documented as object or array)', async () => {
    const report = await threeRuns('manipulations');
    expect(issuesOf(report, 2)).toEqual([]);
    expect(issuesOf(report, 5)).toContain('error manipulation__procedures: required: the cell is empty');
  });

  it('epochs: validated, then refused (the API has no epoch endpoint)', async () => {
    const report = await threeRuns('epochs');
    expect(issuesOf(report, 2)[0]).toMatch(/no epoch endpoint/);
    expect(issuesOf(report, 3).join('\n')).toMatch(/warning epoch__start: "5 min" is not HH:MM:SS/);
  });

  it('cohorts and collections: members by name; unknown members warn', async () => {
    const cohorts = await threeRuns('cohorts');
    expect(issuesOf(cohorts, 3)[0]).toMatch(/warning cohort__subjects: no subject named "Mouse_999"/);
    expect(issuesOf(cohorts, 6)).toContain('error cohort__subjects: none of the 2 listed exist');
    const collections = await threeRuns('collections');
    expect(issuesOf(collections, 3)[0]).toMatch(/warning collection__sessions: no session named "No such session"/);
  });
});
