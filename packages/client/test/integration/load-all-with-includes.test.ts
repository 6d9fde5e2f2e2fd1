// loadAll with include[] over every page of a project of 10,010 sessions: each page embeds the sessions' project,
// whose own session list (10,004 ids) the server cuts inside embedded copies, so no page is refused and the walk
// ends with every session, its projects embedded.
import { MAX_IDS_PER_EMBEDDED_LIST } from 'brainstem-api-description';
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientFor, startDemo } from '../helpers/server.js';

const EXTRA = 10_000;
let server: RunningServer;
beforeAll(async () => {
  server = await startDemo({ seedSessions: EXTRA });
}, 60_000);
afterAll(() => server.close());

it("loadAll('session', { include: ['projects'] }) returns every session with its projects embedded", async () => {
  const c = clientFor(server, 'alice');
  const total = (await c.load('session', { limit: 1 })).count as number;
  expect(total).toBeGreaterThan(EXTRA);
  const all = await c.loadAll('session', { include: ['projects'] });
  expect(all.sessions).toHaveLength(total);
  expect(new Set(all.sessions.map((s) => s.id)).size).toBe(total);
  for (const s of all.sessions) {
    expect(s.projects.length).toBeGreaterThan(0);
    for (const p of s.projects as unknown as { id: string; sessions: string[] }[]) {
      expect(typeof p.id).toBe('string');
      expect(p.sessions.length).toBeLessThanOrEqual(MAX_IDS_PER_EMBEDDED_LIST);
    }
  }
}, 120_000);
