// Client benchmarks (run by `npm run bench`, or alone: `node scripts/bench-client.mjs`). Needs a build.
// - loadAll of 20,000 sessions from the local server: records/s, with the default 4 pages in flight and with 1
//   (the server runs in this same process, so on loopback extra pages in flight buy little; see the latency row).
// - the same over a 20 ms-latency server, where concurrency matters most.
// - iterate() over the same 20,000 sessions: peak heap growth, against the heap loadAll keeps.
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BrainstemClient } from 'brainstem-api-tools';
import { DEMO_USERS, startServer } from 'brainstem-server';

const SESSIONS = 20_000;

function client(url, extra = {}) {
  return new BrainstemClient({ url, token: DEMO_USERS.alice.token, tokenStore: null, interactive: false, ...extra });
}

async function timeLoadAll(url, concurrency) {
  const t0 = performance.now();
  const all = await client(url, { concurrency }).loadAll('session');
  const s = (performance.now() - t0) / 1000;
  return { n: all.sessions.length, perSecond: all.sessions.length / s, seconds: s };
}

let gc;
/** Live heap after a full collection (gc() is exposed on first use even when node runs without --expose-gc). */
function heap() {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = globalThis.gc ?? runInNewContext('gc');
  }
  gc();
  return process.memoryUsage().heapUsed;
}

export default async function run() {
  const rows = [];
  const server = await startServer({ port: 0, seed: 'demo', seedSessions: SESSIONS, quiet: true });
  try {
    await client(server.url).load('session', { limit: 1 }); // warm up
    const c4 = await timeLoadAll(server.url, 4);
    const c1 = await timeLoadAll(server.url, 1);
    const total = c4.n;
    rows.push({
      name: `loadAll ${total} sessions, 4 pages in flight`,
      value: c4.perSecond,
      unit: 'records/s',
      goal: '≥ 5000',
      ok: c4.perSecond >= 5000 && total >= SESSIONS,
    });
    rows.push({ name: `loadAll ${total} sessions, 1 page in flight`, value: c1.perSecond, unit: 'records/s' });

    // Memory: what loadAll holds vs. the peak growth while streaming with iterate().
    const before = heap();
    let kept = await client(server.url).loadAll('session');
    const loadAllHeap = (heap() - before) / 2 ** 20;
    kept = null;
    const base = heap();
    let peak = 0;
    let n = 0;
    for await (const _ of client(server.url).iterate('session')) {
      if (++n % 2000 === 0) peak = Math.max(peak, heap() - base);
    }
    const iterPeak = peak / 2 ** 20;
    const iterPeakKb = peak / 1024;
    rows.push({ name: `heap kept by loadAll (${total} sessions)`, value: loadAllHeap, unit: 'MB' });
    rows.push({
      name: `iterate() peak live-heap growth (${n} sessions; 0 = below GC noise)`,
      value: iterPeakKb,
      unit: 'KB',
      goal: '< 25% of loadAll',
      ok: iterPeak < loadAllHeap / 4 && n === total && kept === null,
    });
  } finally {
    await server.close();
  }

  const slow = await startServer({ port: 0, seed: 'demo', seedSessions: 2_000, latency: 20, quiet: true });
  try {
    const s4 = await timeLoadAll(slow.url, 4);
    const s1 = await timeLoadAll(slow.url, 1);
    rows.push({
      name: `loadAll ${s4.n} sessions at 20 ms latency: speed-up of 4 vs 1 in flight`,
      value: s1.seconds / s4.seconds,
      unit: '×',
      goal: '≥ 1.5',
      ok: s1.seconds / s4.seconds >= 1.5,
    });
  } finally {
    await slow.close();
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) console.log(r);
}
