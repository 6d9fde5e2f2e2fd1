// Spreadsheet import: `brainstem import sessions` of a 1,000-row CSV into the local server (its own process, demo
// data) with the default 4 rows in flight, then the same file again (every row existing), a dry run, another
// 1,000 rows one by one (--concurrency 1), then `brainstem export sessions`. Wall time of the built CLI, as a user
// runs it. Needs `npm run build` first (npm run bench does it).
// Goal: the 1,000 rows import in ≤ 20 s on this 2-core machine (each row looks for its record, then creates it).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './bench-lib/processes.mjs';
import { DEMO_TOKENS, requireBuilt, startServerCommand } from './bench-lib/server-command.mjs';

const TOKEN = DEMO_TOKENS.alice;
const PROJECT = 'Hippocampal place cells (Andersen lab)';
const ROWS = 1000;
const GOAL_S = 20;

/** Run the CLI; resolve with seconds taken and the statuses it reported (ndjson). */
function timed(url, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args, '--url', url, '--token', TOKEN, '-q'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => {
      const secs = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`brainstem ${args.join(' ')} exited ${code}: ${err}`));
      resolve({ secs, out });
    });
  });
}

function statusCounts(ndjson) {
  const counts = {};
  for (const line of ndjson.split('\n').filter(Boolean)) {
    const { status } = JSON.parse(line);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

export default async function run() {
  requireBuilt(CLI);
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const sheet = (prefix) => {
    const lines = ['project__name,session__name,session__description,session__date_time,session__tags'];
    for (let i = 0; i < ROWS; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(`"${PROJECT}",${prefix} ${i},"Recording ${i}, linear track",2025-03-${day} 10:00,"bench, import"`);
    }
    const file = join(dir, `${prefix}.csv`);
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    return file;
  };
  const file = sheet('bench session');
  const serialFile = sheet('bench serial session');
  const server = await startServerCommand(['--seed', 'demo']);
  const { url } = server;
  try {
    const first = await timed(url, ['import', 'sessions', file, '--format', 'ndjson']);
    const created = statusCounts(first.out).created ?? 0;
    if (created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(statusCounts(first.out))}`);
    const second = await timed(url, ['import', 'sessions', file, '--format', 'ndjson']);
    if ((statusCounts(second.out).existing ?? 0) !== ROWS) throw new Error('second run: expected every row existing');
    const dry = await timed(url, ['import', 'sessions', file, '--format', 'ndjson', '--dry-run']);
    const serial = await timed(url, ['import', 'sessions', serialFile, '--format', 'ndjson', '--concurrency', '1']);
    const exported = await timed(url, ['export', 'sessions', '-o', join(dir, 'export.csv')]);
    return [
      {
        name: `import ${ROWS} session rows (all created)`,
        value: first.secs,
        unit: 's',
        goal: `≤ ${GOAL_S} s`,
        ok: first.secs <= GOAL_S,
      },
      { name: 'import rate', value: ROWS / first.secs, unit: 'rows/s' },
      { name: `same file again (all ${ROWS} existing)`, value: second.secs, unit: 's' },
      { name: `same file, --dry-run`, value: dry.secs, unit: 's' },
      { name: `${ROWS} other rows with --concurrency 1 (one by one)`, value: serial.secs, unit: 's' },
      { name: `export sessions (${2 * ROWS + 12} rows)`, value: exported.secs, unit: 's' },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
