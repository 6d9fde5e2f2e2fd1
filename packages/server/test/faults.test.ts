/** Latency and fault injection: deterministic per seed, before any processing (no write happens). */
import { afterEach, describe, expect, it } from 'vitest';
import { faultPlan } from '../src/faults.js';
import { DEMO_PROJECTS, DEMO_USERS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

const H = { Authorization: `Bearer ${DEMO_USERS.alice.token}`, 'Content-Type': 'application/json' };

async function outcome(url: string, init: RequestInit = {}): Promise<string> {
  try {
    const r = await fetch(url, { ...init, headers: H });
    await r.text();
    return r.headers.get('x-brainstem-fault')
      ? `${r.status}`
      : r.status === 200 || r.status === 201
        ? 'ok'
        : `other-${r.status}`;
  } catch {
    return 'drop';
  }
}

describe('fault plan', () => {
  it('is deterministic per seed and respects the rate', () => {
    const a = faultPlan(0.3, 42);
    const b = faultPlan(0.3, 42);
    const seqA = Array.from({ length: 200 }, () => a());
    expect(Array.from({ length: 200 }, () => b())).toEqual(seqA);
    const faults = seqA.filter((x) => x !== null);
    expect(faults.length).toBeGreaterThan(30);
    expect(faults.length).toBeLessThan(90);
    expect(new Set(faults)).toEqual(new Set(['502', '503', '429', 'drop']));
    const other = faultPlan(0.3, 43);
    expect(Array.from({ length: 200 }, () => other())).not.toEqual(seqA);
    const none = faultPlan(0, 1);
    expect(Array.from({ length: 50 }, () => none()).every((x) => x === null)).toBe(true);
  });
});

describe('fault injection over HTTP', () => {
  it('answers 502/503/429 (+Retry-After: 1) or drops the connection, same sequence for the same seed', async () => {
    const runs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      c = await demoServer({ faultRate: 0.5, faultSeed: 7 });
      const seq: string[] = [];
      for (let n = 0; n < 40; n++) seq.push(await outcome(`${c.url}api/public/stem/project/`));
      runs.push(seq);
      const r429 = await (async () => {
        for (let n = 0; n < 200; n++) {
          const r = await fetch(`${c?.url}api/public/stem/project/`).catch(() => null);
          if (r?.status === 429) return r;
        }
        return null;
      })();
      expect(r429?.headers.get('retry-after')).toBe('1');
      await c.close();
      c = undefined;
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(new Set(runs[0])).toEqual(new Set(['ok', '502', '503', '429', 'drop']));
  });

  it('a faulted write never happens', async () => {
    c = await demoServer({ faultRate: 0.5, faultSeed: 3 });
    const pid = await (async () => {
      for (;;) {
        const r = await fetch(
          `${c?.url}api/private/stem/project/?filter{name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}`,
          { headers: H },
        ).catch(() => null);
        if (r?.status === 200) return (await r.json()).projects[0].id as string;
      }
    })();
    const results: string[] = [];
    for (let n = 0; n < 30; n++) {
      results.push(
        await outcome(`${c.url}api/private/stem/session/`, {
          method: 'POST',
          body: JSON.stringify({ name: `fault-${n}`, projects: [pid] }),
        }),
      );
    }
    const created = results.filter((r) => r === 'ok').length;
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThan(30);
    // Count through the database directly: faults applied before processing, so exactly the ok ones exist.
    const n = (
      c.server.ctx.db.prepare("SELECT count(*) AS n FROM t_session WHERE name LIKE 'fault-%'").get() as { n: number }
    ).n;
    expect(n).toBe(created);
  });

  it('latency delays responses', async () => {
    c = await demoServer({ latency: 150 });
    const t0 = performance.now();
    await fetch(`${c.url}api/public/stem/project/`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });
});
