// Rows in flight (`concurrency`) never change what an import does: against the real local server, rows naming the
// same record still run in file order (the first creates, the later ones find it), and one log's entries all land.
import { BrainstemClient } from 'brainstem-api-tools';
import { importRows } from 'brainstem-api-tools/import';
import { DEMO_PROJECTS, DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, expect, it } from 'vitest';

let server: RunningServer;
let client: BrainstemClient;

beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
  client = new BrainstemClient({ url: server.url, token: DEMO_USERS.alice.token });
});
afterAll(() => server?.close());

it('duplicates interleaved in a file: the first row of each name creates, every later one is existing', async () => {
  const rows = Array.from({ length: 60 }, (_, i) => ({
    project__name: DEMO_PROJECTS.placeCells,
    session__name: `concurrency ${i % 20}`,
  }));
  const report = await importRows(client, 'sessions', { rows, concurrency: 8 });
  expect(report.rows.map((r) => r.status)).toEqual(rows.map((_, i) => (i < 20 ? 'created' : 'existing')));
  for (const [i, r] of report.rows.entries()) expect(r.id).toBe(report.rows[i % 20]?.id);
  expect(report.rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
  const { sessions } = await client.loadAll('session', { filters: { 'name.startswith': 'concurrency ' } });
  expect(sessions).toHaveLength(20);
});

it('entries of one subject log, many rows in flight: one log, every entry added once', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({
    subject__name: 'PC-M02',
    subject_log__type: 'Weighing',
    subject_log__entry_datetime: `2025-06-${String(i + 1).padStart(2, '0')} 08:00`,
  }));
  const report = await importRows(client, 'subject-logs', { rows: [...rows, ...rows], concurrency: 8 });
  expect(report.counts).toMatchObject({ created: 30, existing: 30, error: 0 });
  const ids = new Set(report.rows.map((r) => r.id));
  expect(ids.size).toBe(1);
  const { subject_log } = await client.load('subjectlog', { id: [...ids][0] as string });
  expect(subject_log.entries).toHaveLength(30);
});
