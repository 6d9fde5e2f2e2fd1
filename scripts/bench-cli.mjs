#!/usr/bin/env node
// CLI start-up: wall time of `brainstem --version`, `brainstem models` and `brainstem models session` (no
// network) from the built bundle (packages/cli/dist/brainstem.js; `npm run bench` builds first). Runs are
// interleaved with a bare `node -e 0` so a busy machine slows both alike; the overhead row is the CLI's own cost.
// Goal: the CLI's own cost (overhead over a bare `node -e 0`) ≤ 75 ms per command. The absolute wall time is
// reported too, but not judged: Node's own start-up alone is ~110 ms on this 2-core machine, so an absolute
// 150 ms target would mostly measure Node, not us.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/brainstem.js');
const RUNS = 21;
const OVERHEAD_GOAL_MS = 75;

const CASES = [
  ['node -e 0 (floor: Node start-up alone)', ['-e', '0']],
  ['brainstem --version', [bin, '--version']],
  ['brainstem models', [bin, 'models']],
  ['brainstem models session', [bin, 'models', 'session']],
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function once(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export default async function run() {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const times = CASES.map(() => []);
  for (let i = 0; i < RUNS + 2; i++) {
    CASES.forEach(([, args], k) => {
      const ms = once(args);
      if (i >= 2) times[k].push(ms); // two warm-up rounds (file cache)
    });
  }
  const floor = median(times[0]);
  const rows = [{ name: `${CASES[0][0]} (median of ${RUNS})`, value: floor, unit: 'ms' }];
  for (let k = 1; k < CASES.length; k++) {
    const ms = median(times[k]);
    rows.push({ name: `${CASES[k][0]} (median of ${RUNS})`, value: ms, unit: 'ms' });
    rows.push({
      name: `${CASES[k][0]}: overhead over node -e 0`,
      value: ms - floor,
      unit: 'ms',
      goal: `≤ ${OVERHEAD_GOAL_MS} ms`,
      ok: ms - floor <= OVERHEAD_GOAL_MS,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) {
    console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.goal ? ` (goal ${r.goal})` : ''}`);
  }
}
