#!/usr/bin/env node
// CLI start-up: wall time of `brainstem --version` and `brainstem models` (no network), median of N runs of the
// built bundle (packages/cli/dist/brainstem.js; `npm run bench` builds first). Goal: ≤ 150 ms each.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/brainstem.js');
const RUNS = 15;
const GOAL_MS = 150;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(args) {
  const times = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`brainstem ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= 2) times.push(ms); // two warm-up runs (file cache)
  }
  return median(times);
}

export default async function run() {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const baseline = medianNode();
  const rows = [];
  for (const [name, args] of [
    ['brainstem --version', ['--version']],
    ['brainstem models', ['models']],
    ['brainstem models session', ['models', 'session']],
  ]) {
    const ms = time(args);
    rows.push({
      name: `${name} (median of ${RUNS})`,
      value: ms,
      unit: 'ms',
      goal: `≤ ${GOAL_MS} ms`,
      ok: ms <= GOAL_MS,
    });
  }
  rows.push({ name: 'node -e 0 (floor: Node start-up alone)', value: baseline, unit: 'ms' });
  return rows;
}

function medianNode() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run())
    console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.goal ? ` (goal ${r.goal})` : ''}`);
}
