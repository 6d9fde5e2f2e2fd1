// `brainstem load session --include projects` where the sessions' project has 10,010 sessions: the server cuts the
// id lists inside each embedded copy of the project, so the page loads (exit 0) with every project embedded.
import { MAX_IDS_PER_EMBEDDED_LIST } from 'brainstem-api-description';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempHome } from './harness.js';

const home = tempHome();
let server: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', seedSessions: 10_000, quiet: true });
}, 60_000);
afterAll(async () => {
  await server.close();
  home.cleanup();
});

it('load session --include projects answers a full page with each project embedded', async () => {
  const r = await runCli(
    ['load', 'session', '--include', 'projects', '--limit', '100', '--format', 'json', '--url', server.url],
    { env: { ...home.env, BRAINSTEM_TOKEN: DEMO_USERS.alice.token } },
  );
  expect(r.code, r.stderr).toBe(0);
  const { sessions } = JSON.parse(r.stdout) as { sessions: { projects: { id: string; sessions: string[] }[] }[] };
  expect(sessions).toHaveLength(100);
  for (const s of sessions) {
    expect(s.projects.length).toBeGreaterThan(0);
    for (const p of s.projects) {
      expect(typeof p.id).toBe('string');
      expect(p.sessions.length).toBeLessThanOrEqual(MAX_IDS_PER_EMBEDDED_LIST);
    }
  }
}, 60_000);
