// Server fairness under hostile load: 50 parallel `project/?include[]=sessions.*` requests (Alice's project has
// 10,000 sessions) while another user (Bob) asks for `project/?limit=1`. Goal: Bob's answer within 1 s on a
// 2-core machine. Also reports how long the heavy burst takes and the server's peak memory. The server runs in its
// own process; every request uses its own connection, as 50 separate clients would. Needs `npm run build` first.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { DEMO_TOKENS, startServerCommand } from './bench-lib/server-command.mjs';

const ALICE = DEMO_TOKENS.alice;
const BOB = DEMO_TOKENS.bob;
const HEAVY = 50;
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

/** GET on a fresh connection; resolves with { status, bytes, ms }. */
function get(url, token) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        res.on('data', (c) => {
          bytes += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode, bytes, ms: performance.now() - t0 }));
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
      ...(rss === null ? [] : [{ name: 'server peak memory (RSS)', value: rss, unit: 'MB' }]),
    ];
  } finally {
    await s.stop();
  }
}
