/** POST /api/token/, GET /api/auth/whoami/, and `brainstem-server token create`. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, startServer } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

const run = promisify(execFile);
let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('POST /api/token/', () => {
  it('email + password → a new working token', async () => {
    const r = await c.req('POST', 'api/token/', {
      as: null,
      body: { username: 'bob@example.org', password: 'brainstem-demo' },
    });
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^bst_/);
    const who = await fetch(`${c.url}api/auth/whoami/`, { headers: { Authorization: `Bearer ${r.body.token}` } });
    expect(await who.json()).toEqual({
      user: { id: 2, email: 'bob@example.org', first_name: 'Bob', last_name: 'Berg' },
    });
  });

  it('400 for missing fields, 401 for bad credentials without saying which part', async () => {
    const missing = await c.req('POST', 'api/token', { as: null, body: { username: 'bob@example.org' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ password: ['This field is required.'] });
    expect((await c.req('POST', 'api/token/', { as: null, body: [] })).status).toBe(400);
    const wrongPw = await c.req('POST', 'api/token/', {
      as: null,
      body: { username: 'bob@example.org', password: 'nope' },
    });
    const wrongUser = await c.req('POST', 'api/token/', {
      as: null,
      body: { username: 'nobody@example.org', password: 'brainstem-demo' },
    });
    expect(wrongPw.status).toBe(401);
    expect(wrongUser.status).toBe(401);
    expect(wrongPw.body).toEqual(wrongUser.body);
  });
});

describe('GET /api/auth/whoami/', () => {
  it('needs a valid Bearer token', async () => {
    expect((await c.get('api/auth/whoami/', null)).status).toBe(401);
    expect((await c.get('api/auth/whoami', 'carol')).body.user.email).toBe('carol@example.org');
    const bad = await fetch(`${c.url}api/auth/whoami/`, {
      headers: { Authorization: `Bearer ${DEMO_USERS.alice.token}x` },
    });
    expect(bad.status).toBe(401);
    const basic = await fetch(`${c.url}api/auth/whoami/`, {
      headers: { Authorization: `Basic ${DEMO_USERS.alice.token}` },
    });
    expect(basic.status).toBe(401);
  });
});

describe('brainstem-server token create', () => {
  it('prints a token that works against the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bst-token-'));
    const db = join(dir, 'db.sqlite');
    try {
      const seeded = await startServer({ port: 0, db, seed: 'demo', quiet: true });
      await seeded.close();
      const bin = join(import.meta.dirname, '../src/bin.ts');
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', bin, 'token', 'create', '--db', db, '--user', 'carol@example.org', '--name', 'ci'],
        {
          cwd: join(import.meta.dirname, '../../..'),
        },
      );
      const token = stdout.trim();
      expect(token).toMatch(/^bst_[A-Za-z0-9_-]{40,}$/);
      const s = await startServer({ port: 0, db, quiet: true });
      try {
        const r = await fetch(`${s.url}api/auth/whoami/`, { headers: { Authorization: `Bearer ${token}` } });
        expect((await r.json()).user.email).toBe('carol@example.org');
      } finally {
        await s.close();
      }
      const unknown = await run(process.execPath, [
        '--import',
        'tsx',
        bin,
        'token',
        'create',
        '--db',
        db,
        '--user',
        'x@example.org',
      ]).catch((e) => e);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/no user with email x@example.org/);
      const missing = join(dir, 'missing.sqlite');
      const noDb = await run(process.execPath, [
        '--import',
        'tsx',
        bin,
        'token',
        'create',
        '--db',
        missing,
        '--user',
        'carol@example.org',
      ]).catch((e) => e);
      expect(noDb.code).toBe(2);
      expect(noDb.stderr).toMatch(/no database at/);
      expect(existsSync(missing)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
