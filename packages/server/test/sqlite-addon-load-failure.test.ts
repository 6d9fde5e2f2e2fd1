// A better-sqlite3 addon that does not load (none compiled, or compiled for another Node) ends the start with what
// the native build needs, not a loader stack. The failure is real: the repository's addon preload
// (scripts/runtimes/sqlite-addon.cjs) hands Node's loader a file that is not an addon, as a broken build leaves.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SERVER_BIN } from './server-process.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bs-addon-'));
  writeFileSync(join(dir, 'better_sqlite3.node'), 'not a shared object\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startWithBrokenAddon(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--require', join(REPO_ROOT, 'scripts/runtimes/sqlite-addon.cjs'), '--import', 'tsx', SERVER_BIN, ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, SQLITE_ADDON_FOR_THIS_NODE: join(dir, 'better_sqlite3.node') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('brainstem-server when better-sqlite3 does not load', () => {
  it('exits 1 saying what compiling the addon needs, without a stack', async () => {
    const r = await startWithBrokenAddon(['--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`better-sqlite3's native addon cannot be loaded under Node ${process.versions.node}`);
    expect(r.stderr).toContain('better_sqlite3.node'); // the loader's own first line, naming the file
    expect(r.stderr).toMatch(/python3, make and g\+\+/);
    expect(r.stderr).toContain('npm_config_nodedir');
    expect(r.stderr).toContain('npm rebuild better-sqlite3');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says the same for the account commands, which open the database too', async () => {
    const db = join(dir, 'lab.sqlite');
    writeFileSync(db, '');
    const r = await startWithBrokenAddon(['user', 'list', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('npm_config_nodedir');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('leaves SQLite errors of a loaded addon as they are', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', SERVER_BIN, '--port', '0', '--db', join(dir, 'no/such/dir/x.sqlite')],
        {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/directory does not exist|unable to open/i);
    expect(r.stderr).not.toContain('npm_config_nodedir');
  });
});
