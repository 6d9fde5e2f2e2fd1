/**
 * `brainstem-server user create|list` on a database without demo data (the password from stdin, never argv), the
 * accounts then working against the running server, and the start-up messages: a busy port is named with what
 * to do, and stderr points to the landing page.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';
import { REPO_ROOT, runServer, SERVER_BIN, spawnServer } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'brainstem-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('brainstem-server user create / user list', () => {
  const db = join(dir, 'lab.sqlite');

  it('creates the first account of a new database, reading the password from stdin', async () => {
    const r = await runServer(
      ['user', 'create', '--db', db, '--email', 'Dave@Lab.org', '--first-name', 'Dave'],
      's3cret-pw\n',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Created user dave@lab.org (id 1).\n');
  });

  it('creates a staff account; user list shows both', async () => {
    const r = await runServer(['user', 'create', '--db', db, '--email', 'erin@lab.org', '--staff'], 'another-pw\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Created staff user erin@lab.org (id 2).\n');
    const list = await runServer(['user', 'list', '--db', db]);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+EMAIL\s+NAME\s+STAFF\s+TOKENS$/);
    expect(lines[1]).toMatch(/^1\s+dave@lab\.org\s+Dave\s+no\s+0$/);
    expect(lines[2]).toMatch(/^2\s+erin@lab\.org\s+yes\s+0$/);
  });

  it('the accounts sign in on the server started with that database', async () => {
    const server = await startServer({ port: 0, db, quiet: true });
    try {
      const res = await fetch(`${server.url}api/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'dave@lab.org', password: 's3cret-pw' }),
      });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };
      const who = await fetch(`${server.url}api/auth/whoami/`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await who.json()) as { user: { email: string } }).user.email).toBe('dave@lab.org');
    } finally {
      await server.close();
    }
  });

  it.each([
    {
      args: ['--email', 'dave@lab.org'],
      stdin: 'x-password\n',
      code: 1,
      message: 'a user with email dave@lab.org already exists',
    },
    {
      args: ['--email', 'not-an-email'],
      stdin: 'x-password\n',
      code: 2,
      message: '--email: "not-an-email" is not a valid email address',
    },
    {
      args: ['--email', 'frank@lab.org'],
      stdin: 'short\n',
      code: 2,
      message: 'the password must have at least 8 characters',
    },
    { args: ['--email', 'frank@lab.org'], stdin: '', code: 2, message: 'no password' },
    { args: [], stdin: 'x-password\n', code: 2, message: 'user create needs --email EMAIL' },
  ])('refuses with exit $code: $message', async ({ args, stdin, code, message }) => {
    const r = await runServer(['user', 'create', '--db', db, ...args], stdin);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it.skipIf(!existsSync('/usr/bin/script'))(
    'on a terminal asks for the password twice without echoing it',
    async () => {
      // `script` gives the command a pseudo-terminal; each answer is typed once its prompt has appeared.
      const line = `${process.execPath} --import tsx ${SERVER_BIN} user create --db ${db} --email tty@lab.org`;
      const child = spawn('/usr/bin/script', ['-qec', line, '/dev/null'], {
        cwd: REPO_ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      let answered = 0;
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        screen += d;
        const prompts = screen.match(/Password(?: \(again\))?: /g)?.length ?? 0;
        for (; answered < Math.min(prompts, 2); answered++) child.stdin.write('tty-password\r');
      });
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(screen).toContain('Password (again): ');
      expect(screen).toContain('Created user tty@lab.org');
      expect(screen).not.toContain('tty-password');
    },
    20_000,
  );

  it('needs a database file: :memory: and a missing file for user list are usage errors', async () => {
    const mem = await runServer(['user', 'create', '--db', ':memory:', '--email', 'x@lab.org'], 'x-password\n');
    expect(mem.code).toBe(2);
    expect(mem.stderr).toContain('needs --db FILE');
    const missing = await runServer(['user', 'list', '--db', join(dir, 'nope.sqlite')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no database at');
  });

  it('never needs the password on the command line, and the usage text does not show one', async () => {
    const help = await runServer(['--help']);
    expect(help.stdout).toContain('brainstem-server user create --db FILE --email EMAIL');
    expect(help.stdout).not.toContain('--password');
  });
});

describe('starting the server', () => {
  it('a busy port says so and how to choose another (exit 2)', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runServer(['--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`brainstem-server: port ${port} is in use; choose another with --port or --port 0\n`);
    } finally {
      blocker.close();
    }
  });

  it('points to the landing page on stderr, keeping the one stdout line', async () => {
    const p = spawnServer(['--port', '0']);
    const url = await p.ready;
    p.child.kill('SIGTERM');
    await p.exited;
    expect(p.out()).toBe(`BrainSTEM API server listening on ${url}\n`);
    expect(p.err()).toContain(`Open ${url} in a browser`);
  });
});
