// Server benchmarks (issue 3): start time with demo data, pages of 100 sessions out of 20,000, session detail.
// The server runs in its own process (as users run it); this process drives it over keep-alive HTTP with a
// few concurrent connections. Needs `npm run build` first (npm run bench does it).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/server/dist/bin.js');
const TOKEN = 'bst_demo_alice_4f1c9a7e2b6d8035'; // DEMO_USERS.alice.token
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

/** Spawn the server; resolve with { url, child, ms } once it prints its listening line. */
function startServer(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, '--port', '0', '--quiet', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ url: m[1], child, ms: performance.now() - t0 });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${res.statusCode} ${url}`)),
        );
      })
      .on('error', reject);
  });
}

/** Run `next()`-produced GETs with CONCURRENCY workers for SECONDS; returns requests per second. */
async function load(next) {
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < end) {
      await get(next());
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return done / ((performance.now() - t0) / 1000);
}

export default async function run() {
  const rows = [];
  // 1. Start with demo data (median of 3 starts).
  const starts = [];
  for (let i = 0; i < 3; i++) {
    const s = await startServer(['--seed', 'demo']);
    starts.push(s.ms);
    await stop(s.child);
  }
  starts.sort((a, b) => a - b);
  rows.push({
    name: 'start with --seed demo (process spawn to listening)',
    value: starts[1],
    unit: 'ms',
    goal: '≤ 500 ms',
    ok: starts[1] <= 500,
  });

  // 2. 20,000 sessions.
  const s = await startServer(['--seed', 'demo', '--seed-sessions', '20000']);
  rows.push({ name: 'start with demo + 20,000 sessions', value: s.ms, unit: 'ms', goal: '', ok: undefined });
  try {
    const base = `${s.url}api/private/stem/session/`;
    const first = JSON.parse(String(await get(`${base}?limit=1`)));
    const count = first.count;
    let offset = 0;
    const pages = await load(() => {
      const url = `${base}?limit=100&offset=${offset}`;
      offset = offset + 100 >= count ? 0 : offset + 100;
      return url;
    });
    rows.push({
      name: `pages of 100 sessions (of ${count}), paging through all`,
      value: pages,
      unit: 'pages/s',
      goal: '≥ 1000 pages/s',
      ok: pages >= 1000,
    });
    const ids = [];
    for (let o = 0; o < count; o += 100) {
      for (const r of JSON.parse(String(await get(`${base}?limit=100&offset=${o}`))).sessions) ids.push(r.id);
      if (ids.length >= 2000) break;
    }
    let i = 0;
    const detail = await load(() => {
      i = (i + 7919) % ids.length;
      return `${base}${ids[i]}/`;
    });
    rows.push({ name: 'session detail', value: detail, unit: 'req/s', goal: '≥ 5000 req/s', ok: detail >= 5000 });
  } finally {
    agent.destroy();
    await stop(s.child);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(r);
}
