// An import through an unreliable connection never duplicates a record, and re-running the same file finishes
// the job: creates (POST) are not retried after an unknown outcome, and every row looks for its record first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrainstemClient } from 'brainstem-api-tools';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempHome } from './harness.js';

const ALICE = DEMO_USERS.alice.token;
const ROWS = 20;
let server: RunningServer;
const home = tempHome();

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', quiet: true, faultRate: 0.25, faultSeed: 7 });
});

afterAll(async () => {
  await server?.close();
  home.cleanup();
});

it('re-running a file after failed rows ends with each record created exactly once', async () => {
  // Procedures have no unique field on the server, so a repeated create would show as a second record.
  const lines = ['subject__name,procedure__type,procedure__notes,procedure__date_time'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`PC-M01,Injection,fault test ${i},2025-01-01 ${String(i).padStart(2, '0')}:00`);
  }
  const file = join(home.home, 'procedures.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const codes: number[] = [];
  for (let run = 0; run < 15; run++) {
    const r = await runCli(['import', 'procedures', file, '--url', server.url, '--token', ALICE, '-q'], {
      env: home.env,
      timeoutMs: 60_000,
    });
    codes.push(r.code ?? -1);
    if (r.code === 0) break;
  }
  expect(codes.at(-1), `exit codes: ${codes.join(', ')}`).toBe(0);
  expect(codes.length).toBeGreaterThan(1); // the faults did fail some rows on the way

  const client = new BrainstemClient({ url: server.url, token: ALICE, maxRetries: 20 });
  const { procedures } = await client.loadAll('procedure', { filters: { 'notes.startswith': 'fault test' } });
  expect(procedures).toHaveLength(ROWS);
  expect(new Set(procedures.map((p) => p.notes)).size).toBe(ROWS);
});
