#!/usr/bin/env node
// `npm run bench`: runs every scripts/bench-*.mjs in turn. Each prints its own rows; this prints one table.
// A bench script exports `default async function run(): Promise<Array<{ name, value, unit, goal?, ok? }>>`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => /^bench-.+\.mjs$/.test(f) && (!only || f.includes(only)))
  .sort();
const rows = [];
for (const f of files) {
  process.stderr.write(`running ${f}…\n`);
  const mod = await import(pathToFileURL(join(here, f)).href);
  for (const r of await mod.default()) rows.push({ suite: f.replace(/^bench-|\.mjs$/g, ''), ...r });
}
// Ratios against a goal such as ≤ 1.25 need two decimals; everything else reads fine with one.
const fmt = (v, unit) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(unit === '×' ? 2 : 1)) : String(v ?? '');
const table = rows.map((r) => [
  r.suite,
  r.name,
  `${fmt(r.value, r.unit)} ${r.unit}`,
  r.goal ?? '',
  r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED',
]);
const head = ['suite', 'measure', 'result', 'goal', ''];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
