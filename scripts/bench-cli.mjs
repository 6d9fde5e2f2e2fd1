#!/usr/bin/env node
// CLI start-up: wall time of `brainstem --version`, `brainstem models`, `brainstem models session` (no network)
// and `brainstem load project --portal public --limit 1` against a local server (in a child process) from the
// built bundle (packages/cli/dist; `npm run bench` builds first). Runs are interleaved with a bare `node -e 0` so
// a busy machine slows both alike; the overhead row is the CLI's own cost, judged against a goal per command
// (--version ≤ 40 ms, models ≤ 75 ms, load ≤ 80 ms over bare Node). The overhead is the median of each round's
// difference (the command's run minus that round's bare Node run), so a slow stretch of a shared machine, which
// hits both runs of a round, cancels out rather than shifting one median. Absolute times are reported, not judged:
// Node's own start-up alone is ~110 ms on this 2-core machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer } from './bench-lib/processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/brainstem.js');
const RUNS = 31;

/** [name, node arguments, goal for the overhead over bare Node in ms]. */
const cases = (url) => [
  ['node -e 0 (floor: Node start-up alone)', ['-e', '0']],
  ['brainstem --version', [bin, '--version'], 40],
  ['brainstem models', [bin, 'models'], 75],
  ['brainstem models session', [bin, 'models', 'session'], 75],
  [
    'brainstem load project --portal public --limit 1',
    [bin, 'load', 'project', '--portal', 'public', '--limit', '1', '--url', url],
    80,
  ],
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function once(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, BRAINSTEM_TOKEN: '' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export default async function run() {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const server = await spawnServer({});
  const CASES = cases(server.url);
  const times = CASES.map(() => []);
  try {
    for (let i = 0; i < RUNS + 2; i++) {
      CASES.forEach(([, args], k) => {
        const ms = once(args);
        if (i >= 2) times[k].push(ms); // two warm-up rounds (file cache)
      });
    }
  } finally {
    await server.close();
  }
  const rows = [{ name: `${CASES[0][0]} (median of ${RUNS})`, value: median(times[0]), unit: 'ms' }];
  for (let k = 1; k < CASES.length; k++) {
    const overhead = median(times[k].map((ms, i) => ms - times[0][i]));
    rows.push({ name: `${CASES[k][0]} (median of ${RUNS})`, value: median(times[k]), unit: 'ms' });
    rows.push({
      name: `${CASES[k][0]}: overhead over node -e 0`,
      value: overhead,
      unit: 'ms',
      goal: `≤ ${CASES[k][2]} ms`,
      ok: overhead <= CASES[k][2],
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) {
    console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.goal ? ` (goal ${r.goal})` : ''}`);
  }
}
