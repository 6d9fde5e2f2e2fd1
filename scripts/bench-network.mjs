// Client and CLI under network conditions (run by `npm run bench`, or alone: `node scripts/bench-network.mjs`;
// needs a build). Servers and measured code run in child processes, so none shares an event loop or heap.
// - speed: loadAll and iterate over 20,010 sessions at 20 ms server latency (after one warm-up walk; median of 5),
//   each against the floor (1 + ⌈(pages − 1) / pages in flight⌉) × latency (the first page goes alone; pages in
//   flight = the walk's mean adaptive limit), and a plain node:http pool over the same pages as the reference for
//   what the server and the machine allow (on a loaded machine the server's rendering, not the wait, sets the pace);
// - memory: peak RSS of a process that iterates 10,010 and 100,010 sessions (median of 3 runs each), the same
//   growth for a bare node:http walk (the reference for what a walk that keeps nothing gets), and what the client's
//   growth is made of (live heap after a full GC, V8's young generation) at records 10k and 100k of another walk;
// - faults: 10 runs each of loadAll, iterate and `brainstem load --all` (json, ndjson, csv) against 20 % injected
//   faults (502, 503, 429 + Retry-After, dropped connections) with default settings: exact or not.
// CLI start-up is in bench-cli.mjs. `BENCH_NETWORK=memory node scripts/bench.mjs network` runs one part.
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { DEMO_USERS } from 'brainstem-server';
import { runCli, runScript, spawnServer } from './bench-lib/processes.mjs';

const TOKEN = DEMO_USERS.alice.token;
const LATENCY = 20;
const FAULT_RUNS = 10;

const clientCode = (url, body) => `import { BrainstemClient } from 'brainstem-api-tools';
  const client = new BrainstemClient({ url: ${JSON.stringify(url)}, token: ${JSON.stringify(TOKEN)}, tokenStore: null,
    interactive: false, logLevel: 'off' });
  ${body}`;

/**
 * A plain keep-alive `node:http` pool at a fixed number of requests in flight that parses each page and does
 * nothing else: what the server and the machine allow at that concurrency, to tell the client's own cost from
 * the server's.
 */
const rawPoolCode = `
  import http from 'node:http';
  async function rawPool(url, token, pages, inFlight) {
    const agent = new http.Agent({ keepAlive: true });
    const get = (offset) => new Promise((resolve, reject) => {
      http.get(url + 'api/private/stem/session/?limit=100&offset=' + offset,
        { agent, headers: { authorization: 'Bearer ' + token, accept: 'application/json' } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (d) => { body += d; }).on('end', () => resolve(JSON.parse(body)));
        }).on('error', reject);
    });
    const t0 = performance.now();
    await get(0); // like the client: the first page alone
    let next = 1;
    const worker = async () => { while (next < pages) await get(100 * next++); };
    await Promise.all(Array.from({ length: inFlight }, worker));
    agent.destroy();
    return performance.now() - t0;
  }`;

async function speed() {
  const server = await spawnServer({ seedSessions: 20_000, latency: LATENCY });
  try {
    const r = await runScript(
      clientCode(
        server.url,
        `${rawPoolCode}
        await client.loadAll('session'); // warms both processes (JIT, the server's rendered records)
        const runs = { loadAll: [], iterate: [], raw: [] };
        for (let i = 0; i < 5; i++) {
          for (const kind of ['loadAll', 'iterate']) {
            const limits = [];
            const onProgress = (p) => limits.push(p.concurrency);
            const t0 = performance.now();
            let n = 0;
            if (kind === 'loadAll') n = (await client.loadAll('session', { onProgress })).sessions.length;
            else for await (const _ of client.iterate('session', { onProgress })) n++;
            const ms = performance.now() - t0;
            runs[kind].push({ ms, n, concurrency: limits.reduce((a, b) => a + b, 0) / limits.length, pages: limits.length });
          }
          const last = runs.loadAll[runs.loadAll.length - 1];
          runs.raw.push({ ms: await rawPool(${JSON.stringify(server.url)}, ${JSON.stringify(TOKEN)}, last.pages, Math.round(last.concurrency)) });
        }
        console.log(JSON.stringify(runs));`,
      ),
    );
    const rows = [];
    const median = (xs) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)];
    const best = {};
    // The first page goes alone (its count keeps the rest from asking past the end); the others share the walk's
    // pages in flight (the mean of its adaptive limit, as reported to onProgress).
    const floorOf = (m) => (1 + Math.ceil((m.pages - 1) / m.concurrency)) * LATENCY;
    for (const kind of ['loadAll', 'iterate']) {
      const m = median(r[kind]);
      best[kind] = m;
      const floor = floorOf(m);
      rows.push({ name: `${kind}: ${m.n} sessions at ${LATENCY} ms latency (median of 5)`, value: m.ms, unit: 'ms' });
      rows.push({
        name: `${kind}: ÷ floor (1 + ⌈${m.pages - 1} pages / ${m.concurrency.toFixed(1)} in flight⌉) × ${LATENCY} ms = ${floor} ms`,
        value: m.ms / floor,
        unit: '×',
        ...(kind === 'loadAll' ? { goal: '≤ 1.25', ok: m.ms / floor <= 1.25 } : {}),
      });
    }
    const raw = median(r.raw);
    const rawFloor = floorOf({ pages: best.loadAll.pages, concurrency: Math.round(best.loadAll.concurrency) });
    rows.push({
      name: `plain node:http pool, same pages, ${Math.round(best.loadAll.concurrency)} in flight: ÷ its floor ${rawFloor} ms (server + machine)`,
      value: raw.ms / rawFloor,
      unit: '×',
    });
    rows.push({
      name: "loadAll ÷ plain node:http pool wall time (the client's own cost)",
      value: best.loadAll.ms / raw.ms,
      unit: '×',
    });
    rows.push({
      name: 'iterate ÷ loadAll wall time',
      value: best.iterate.ms / best.loadAll.ms,
      unit: '×',
      goal: '≤ 1.2',
      ok: best.iterate.ms / best.loadAll.ms <= 1.2,
    });
    const [load1] = loadavg();
    rows.push({
      name: `machine load (1-min average, ${availableParallelism()} cores) after the runs`,
      value: load1,
      unit: '',
    });
    return rows;
  } finally {
    await server.close();
  }
}

/**
 * The least any cancellable client does: one page at a time on a keep-alive `node:http` agent, each request with
 * its own AbortController (for a timeout and the caller's signal), the body read as text and parsed. Its RSS growth
 * is what the machine's allocators give a walk that keeps nothing.
 */
const bareWalkCode = (url) => `
  import http from 'node:http';
  const agent = new http.Agent({ keepAlive: true });
  const get = (offset) => new Promise((resolve, reject) => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), 30_000);
    http.get(${JSON.stringify(url)} + 'api/private/stem/session/?limit=100&offset=' + offset,
      { agent, signal: ac.signal, headers: { authorization: 'Bearer ${TOKEN}', accept: 'application/json' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d) => { body += d; }).on('end', () => {
          clearTimeout(timer);
          resolve(JSON.parse(body).sessions);
        });
      }).on('error', reject);
  });
  let n = 0;
  for (let offset = 0; ; offset += 100) {
    const page = await get(offset);
    for (const _ of page) n++;
    if (page.length < 100) break;
  }
  agent.destroy();
  console.log(JSON.stringify({ n, maxRss: process.resourceUsage().maxRSS / 1024 }));`;

/** Runs of each memory walk: a single peak varies by several MB from run to run (when V8 resizes its heap). */
const MEMORY_RUNS = 3;

async function memory() {
  const rows = [];
  const peaks = {};
  const bare = {};
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const range = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
  for (const sessions of [10_000, 100_000]) {
    const server = await spawnServer({ seedSessions: sessions });
    try {
      const runs = [];
      const bareRuns = [];
      let n = 0;
      for (let i = 0; i < MEMORY_RUNS; i++) {
        const r = await runScript(
          clientCode(
            server.url,
            `let n = 0;
            for await (const _ of client.iterate('session')) n++;
            console.log(JSON.stringify({ n, maxRss: process.resourceUsage().maxRSS / 1024 }));`,
          ),
        );
        n = r.n;
        runs.push(r.maxRss);
        bareRuns.push((await runScript(bareWalkCode(server.url))).maxRss);
      }
      peaks[sessions] = median(runs);
      bare[sessions] = median(bareRuns);
      rows.push({
        name: `iterate ${n} sessions: peak RSS of the process (median of ${MEMORY_RUNS}: ${range(runs)})`,
        value: peaks[sessions],
        unit: 'MB',
        ...(sessions === 100_000 ? { goal: '≤ 80', ok: peaks[sessions] <= 80 } : {}),
      });
    } finally {
      await server.close();
    }
  }
  const growth = peaks[100_000] - peaks[10_000];
  rows.push({
    name: 'peak RSS growth from 10k to 100k sessions (medians)',
    value: growth,
    unit: 'MB',
    goal: '≤ 8',
    ok: growth <= 8,
  });
  rows.push({
    name: '  same, bare node:http walk (1 page at a time, 1 AbortController each)',
    value: bare[100_000] - bare[10_000],
    unit: 'MB',
  });
  // What the growth is made of, in a third walk (its full GCs would disturb the peaks above): what the walk keeps
  // alive (the heap after a full GC) against what V8 sizes for itself (the young generation it grows when many
  // short-lived objects outlive a scavenge, e.g. pages in flight).
  const server = await spawnServer({ seedSessions: 100_000 });
  try {
    const r = await runScript(
      clientCode(
        server.url,
        `const v8 = await import('node:v8');
        const at = {};
        const sample = () => {
          globalThis.gc();
          const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
          return { live: process.memoryUsage().heapUsed / 2 ** 20, young: young / 2 ** 20 };
        };
        let n = 0;
        for await (const _ of client.iterate('session')) if (++n === 10_000 || n === 100_000) at[n] = sample();
        console.log(JSON.stringify(at));`,
      ),
      {},
      ['--expose-gc'],
    );
    rows.push({
      name: '  live heap (after a full GC) at record 10k → 100k',
      value: `${r[10_000].live.toFixed(1)} → ${r[100_000].live.toFixed(1)}`,
      unit: 'MB',
    });
    rows.push({
      name: '  V8 young generation (semi-spaces) at record 10k → 100k',
      value: `${r[10_000].young.toFixed(0)} → ${r[100_000].young.toFixed(0)}`,
      unit: 'MB',
    });
  } finally {
    await server.close();
  }
  return rows;
}

async function faults() {
  const server = await spawnServer({ seedSessions: 10_000, faultRate: 0.2, faultSeed: 3 });
  try {
    // The truth: the same server, read with patience (one page at a time, many retries).
    const truth = await runScript(
      clientCode(
        server.url,
        `const t = new BrainstemClient({ url: ${JSON.stringify(server.url)}, token: ${JSON.stringify(TOKEN)},
          tokenStore: null, interactive: false, logLevel: 'off', maxRetries: 50, concurrency: 1 });
        console.log(JSON.stringify((await t.loadAll('session', { sort: ['name'] })).sessions.map((s) => s.id)));`,
      ),
    );
    const want = truth.join('\n');
    const lib = await runScript(
      clientCode(
        server.url,
        `const out = { loadAll: [], iterate: [] };
        for (let i = 0; i < ${FAULT_RUNS}; i++) {
          try {
            out.loadAll.push((await client.loadAll('session', { sort: ['name'] })).sessions.map((s) => s.id).join('\\n'));
          } catch (e) { out.loadAll.push('failed: ' + e.message); }
          try {
            const ids = [];
            for await (const s of client.iterate('session', { sort: ['name'] })) ids.push(s.id);
            out.iterate.push(ids.join('\\n'));
          } catch (e) { out.iterate.push('failed: ' + e.message); }
        }
        console.log(JSON.stringify(out));`,
      ),
    );
    const rows = [];
    const row = (name, results) => {
      const exact = results.filter((r) => r === want).length;
      for (const r of results.filter((x) => x !== want)) process.stderr.write(`${name}: ${String(r).slice(0, 300)}\n`);
      rows.push({
        name: `20 % faults, ${truth.length} sessions: ${name} exact runs`,
        value: `${exact}/${results.length}`,
        unit: '',
        goal: `${results.length}/${results.length}`,
        ok: exact === results.length,
      });
      return exact;
    };
    row('loadAll', lib.loadAll);
    row('iterate', lib.iterate);
    const base = ['load', 'session', '--all', '--sort', 'name', '--url', server.url, '--token', TOKEN, '--quiet'];
    const parsers = {
      json: (out) => JSON.parse(out).sessions.map((s) => s.id),
      ndjson: (out) =>
        out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).id),
      csv: (out) => out.trim().split(/\r?\n/).slice(1),
    };
    for (const format of ['json', 'ndjson', 'csv']) {
      const results = [];
      for (let i = 0; i < FAULT_RUNS; i++) {
        const r = await runCli([...base, '--format', format, ...(format === 'csv' ? ['--fields', 'id'] : [])]);
        let got;
        try {
          got = r.code === 0 ? parsers[format](r.stdout).join('\n') : `failed (exit ${r.code}): ${r.stderr}`;
        } catch (e) {
          got = `unparsable: ${e.message}`;
        }
        results.push(got);
      }
      row(`CLI load --all --format ${format}`, results);
    }
    return rows;
  } finally {
    await server.close();
  }
}

/** `BENCH_NETWORK=speed,memory` runs only those parts (default: all three). */
export default async function run() {
  const parts = (process.env.BENCH_NETWORK ?? 'speed,memory,faults').split(',');
  const rows = [];
  for (const [name, part] of Object.entries({ speed, memory, faults }))
    if (parts.includes(name)) rows.push(...(await part()));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) console.log(r);
}
