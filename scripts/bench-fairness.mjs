// Server fairness under hostile load. (1) 50 parallel `project/?include[]=sessions.*` requests (Alice's project has
// 10,000 sessions) while another user (Bob) asks for `project/?limit=1`. Goal: Bob's answer within 1 s on a
// 2-core machine. Also reports how long the heavy burst takes and the server's peak memory. (2) 200 parallel
// `project/{id}/?include[]=sessions.*` from Alice while Bob loads sessions one after another the way `load_session`
// does (`session/{id}/?include[]=dataacquisition.*&…`): heavy requests queue per caller and callers take turns, so
// Bob's p50 should stay ≤ 100 ms and p99 ≤ 300 ms. The server runs in its own process; every request uses its own
// connection, as separate clients would. Needs `npm run build` first.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { DEMO_TOKENS, startServerCommand } from './bench-lib/server-command.mjs';

const ALICE = DEMO_TOKENS.alice;
const BOB = DEMO_TOKENS.bob;
const HEAVY = 50;
const BURST = 200;
/** Alice's project, which gets the 10,000 extra sessions (DEMO_PROJECTS.placeCells). */
const PLACE_CELLS = 'Hippocampal place cells (Andersen lab)';
const LOAD_SESSION_INCLUDES = ['dataacquisition', 'behaviors', 'manipulations', 'epochs']
  .map((r) => `include[]=${r}.*`)
  .join('&');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Peak resident memory of a process in MB (Linux /proc; null elsewhere). */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The `q` quantile (0..1) of `values`, nearest rank. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** GET on a fresh connection; resolves with { status, bytes, ms, body } (body only when `keepBody`). */
function get(url, token, keepBody = false) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        const chunks = [];
        res.on('data', (c) => {
          bytes += c.length;
          if (keepBody) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            bytes,
            ms: performance.now() - t0,
            body: keepBody ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined,
          }),
        );
      })
      .on('error', reject);
  });
}

export default async function run() {
  const s = await startServerCommand(['--seed', 'demo', '--seed-sessions', '10000']);
  try {
    const heavyUrl = `${s.url}api/private/stem/project/?include[]=sessions.*`;
    const lightUrl = `${s.url}api/private/stem/project/?limit=1`;
    await get(heavyUrl, ALICE); // warm caches, as a running server would be
    let worstLight = 0;
    let worstBurst = 0;
    let heavyBytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      const heavy = Array.from({ length: HEAVY }, () => get(heavyUrl, ALICE));
      // Ask while the burst is being worked on.
      await new Promise((r) => setTimeout(r, 50));
      const light = await get(lightUrl, BOB);
      if (light.status !== 200) throw new Error(`light request answered ${light.status}`);
      const done = await Promise.all(heavy);
      if (done.some((d) => d.status !== 200)) throw new Error('a heavy request failed');
      heavyBytes = done[0].bytes;
      worstLight = Math.max(worstLight, light.ms);
      worstBurst = Math.max(worstBurst, performance.now() - t0);
    }
    const burst = await loadSessionDuringBurst(s.url);
    const rss = peakRssMb(s.child.pid);
    return [
      {
        name: `project/?limit=1 during ${HEAVY} parallel include[]=sessions.* (worst of ${ROUNDS})`,
        value: worstLight,
        unit: 'ms',
        goal: '≤ 1000 ms',
        ok: worstLight <= 1000,
      },
      { name: `${HEAVY} include[]=sessions.* requests (10,000 sessions), all answered`, value: worstBurst, unit: 'ms' },
      { name: 'size of one include[]=sessions.* response', value: heavyBytes / 1024, unit: 'KB' },
      {
        name: `Bob's load_session-shaped request, idle server (p50 of ${burst.idle.length})`,
        value: quantile(burst.idle, 0.5),
        unit: 'ms',
      },
      {
        name: `Bob's load_session-shaped request during ${BURST} parallel project/{id}/?include[]=sessions.* of Alice, p50 (${burst.loaded.length} requests)`,
        value: quantile(burst.loaded, 0.5),
        unit: 'ms',
        goal: '≤ 100 ms',
        ok: quantile(burst.loaded, 0.5) <= 100,
      },
      {
        name: `Bob's load_session-shaped request during Alice's ${BURST} parallel heavy includes, p99`,
        value: quantile(burst.loaded, 0.99),
        unit: 'ms',
        goal: '≤ 300 ms',
        ok: quantile(burst.loaded, 0.99) <= 300,
      },
      { name: `${BURST} project/{id}/?include[]=sessions.* of Alice, all answered`, value: burst.burstMs, unit: 'ms' },
      ...(rss === null ? [] : [{ name: 'server peak memory (RSS)', value: rss, unit: 'MB' }]),
    ];
  } finally {
    await s.stop();
  }
}

/**
 * Bob loads sessions one after another (`load_session`'s request) while Alice's 200 heavy requests are in flight;
 * returns Bob's latencies on an idle server and under the burst, and how long the burst took.
 */
async function loadSessionDuringBurst(base) {
  const place = await get(
    `${base}api/private/stem/project/?filter{name}=${encodeURIComponent(PLACE_CELLS)}`,
    ALICE,
    true,
  );
  const projectId = place.body.projects[0].id;
  const bobs = await get(`${base}api/private/stem/session/?limit=1`, BOB, true);
  const bobUrl = `${base}api/private/stem/session/${bobs.body.sessions[0].id}/?${LOAD_SESSION_INCLUDES}`;
  const heavyUrl = `${base}api/private/stem/project/${projectId}/?include[]=sessions.*`;
  const idle = [];
  for (let i = 0; i < 20; i++) idle.push(await timedOk(bobUrl, BOB));
  await get(heavyUrl, ALICE); // warm, as a running server would be
  const t0 = performance.now();
  let burstDone = false;
  const heavy = Promise.all(Array.from({ length: BURST }, () => get(heavyUrl, ALICE))).then((done) => {
    burstDone = true;
    if (done.some((d) => d.status !== 200)) throw new Error('a heavy request failed');
  });
  // Ask while the burst is being worked on, until it has all been answered.
  await new Promise((r) => setTimeout(r, 50));
  const loaded = [];
  while (!burstDone) loaded.push(await timedOk(bobUrl, BOB));
  await heavy;
  return { idle, loaded, burstMs: performance.now() - t0 };
}

async function timedOk(url, token) {
  const r = await get(url, token);
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
  return r.ms;
}
