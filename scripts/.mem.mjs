import { spawnServer, runScript } from './bench-lib/processes.mjs';
import { DEMO_USERS } from 'brainstem-server';
const server = await spawnServer({ seedSessions: 100_000 });
for (const [label, extra, flags] of [['adaptive', '{}', ''], ['c=1', '{ concurrency: 1 }', ''], ['adaptive semi8', '{}', '--max-semi-space-size=1']]) {
  const code = `import { BrainstemClient } from 'brainstem-api-tools';
  const client = new BrainstemClient({ url: '${server.url}', token: '${DEMO_USERS.alice.token}', tokenStore: null, interactive: false });
  let n = 0; let peakHeap = 0; let rss10 = 0;
  for await (const _ of client.iterate('session', ${extra})) { if (++n % 1000 === 0) { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); if (n === 10000) rss10 = process.resourceUsage().maxRSS/1024; } }
  console.log(JSON.stringify({ n, rss10, maxRss: process.resourceUsage().maxRSS / 1024, peakHeap: peakHeap / 2**20 }));`;
  const r = await runScript(code, flags ? { NODE_OPTIONS: flags } : {});
  console.log(label, r);
}
await server.close();
