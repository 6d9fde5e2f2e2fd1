/** File databases: WAL, data survives a restart, the demo seed only fills an empty database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS, DEMO_USERS, startServer } from '../src/index.js';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const H = { Authorization: `Bearer ${DEMO_USERS.alice.token}`, 'Content-Type': 'application/json' };

describe('file database', () => {
  it('uses WAL, keeps writes across restarts, and does not seed twice', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bst-db-'));
    const db = join(dir, 'lab.sqlite');
    const a = await startServer({ port: 0, db, seed: 'demo', quiet: true });
    expect(a.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const projects = await (
      await fetch(`${a.url}api/private/stem/project/?filter{name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}`, {
        headers: H,
      })
    ).json();
    const created = await fetch(`${a.url}api/private/stem/session/`, {
      method: 'POST',
      headers: H,
      body: JSON.stringify({ name: 'persisted', projects: [projects.projects[0].id] }),
    });
    expect(created.status).toBe(201);
    const before = (await (await fetch(`${a.url}api/private/stem/session/?limit=1`, { headers: H })).json()).count;
    await a.close();

    const b = await startServer({ port: 0, db, seed: 'demo', seedSessions: 5, quiet: true });
    try {
      const after = await (await fetch(`${b.url}api/private/stem/session/?limit=1`, { headers: H })).json();
      expect(after.count).toBe(before + 5);
      const again = await (
        await fetch(`${b.url}api/private/stem/session/?filter{name}=persisted`, { headers: H })
      ).json();
      expect(again.count).toBe(1);
      const users = await (await fetch(`${b.url}api/public/users/user/`)).json();
      expect(users.count).toBe(4);
    } finally {
      await b.close();
    }
  });

  it('rejects invalid options with a TypeError naming them', async () => {
    await expect(startServer({ port: -1 })).rejects.toThrow(/port/);
    await expect(startServer({ faultRate: 1.5 })).rejects.toThrow(/faultRate/);
    await expect(startServer({ seedSessions: 3 })).rejects.toThrow(/seedSessions/);
    await expect(startServer({ pagination: 'some' as 'full' })).rejects.toThrow(/pagination/);
  });
});
