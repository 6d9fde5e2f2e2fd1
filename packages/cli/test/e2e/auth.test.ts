// login / logout / whoami through the built CLI against the local server, with a private token cache.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, ensureBuilt, runCli, sh, tempHome } from './harness.js';

const alice = DEMO_USERS.alice;
let server: RunningServer;
let other: RunningServer;
const home = tempHome();
const env = home.env;
const cacheFile = join(home.home, '.config', 'brainstem', 'tokens.json');
const hasScript = existsSync('/usr/bin/script');

beforeAll(async () => {
  ensureBuilt();
  [server, other] = await Promise.all([
    startServer({ port: 0, seed: 'demo', quiet: true }),
    startServer({ port: 0, seed: 'demo', quiet: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), other?.close()]);
  home.cleanup();
});
beforeEach(async () => {
  await runCli(['logout', '--all', '--quiet'], { env });
});

function noSecrets(...texts: string[]) {
  for (const t of texts) {
    expect(t).not.toContain(alice.token);
    expect(t).not.toContain(alice.password);
  }
}

describe('login --token', () => {
  it('checks the token, caches it 0600 per server, prints no token', async () => {
    const r = await runCli(['login', '--url', server.url, '--token', alice.token], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Logged in to ${server.url} as Alice Andersen <alice@example.org>`);
    expect(r.stderr).toContain(cacheFile);
    noSecrets(r.stdout, r.stderr);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.home, '.config', 'brainstem')).mode & 0o777).toBe(0o700);

    // The cached token is used without --token.
    const load = await runCli(['load', 'project', '--url', server.url], { env });
    expect(load.code, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout).projects.length).toBeGreaterThan(0);
  });

  it('refuses a bad token (exit 3) and stores nothing', async () => {
    const r = await runCli(['login', '--url', server.url, '--token', 'bst_wrong'], { env });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain('bst_wrong');
    const w = await runCli(['whoami', '--url', server.url], { env });
    expect(w.code).toBe(3);
  });
});

describe('whoami', () => {
  it('names the user, the server and the token cache, never the token', async () => {
    await runCli(['login', '--url', server.url, '--token', alice.token], { env });
    const r = await runCli(['whoami', '--url', server.url], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Server:      ${server.url}`);
    expect(r.stdout).toContain('Alice Andersen <alice@example.org>');
    expect(r.stdout).toContain(`token cache ${cacheFile}`);
    noSecrets(r.stdout, r.stderr);

    const j = await runCli(['whoami', '--url', server.url, '--format', 'json'], { env });
    const info = JSON.parse(j.stdout);
    expect(info).toMatchObject({ url: server.url, token_source: 'cache', token_cache: cacheFile });
    expect(info.user.email).toBe('alice@example.org');
    noSecrets(j.stdout);
  });

  it('with --token or BRAINSTEM_TOKEN says where the token came from', async () => {
    const r = await runCli(['whoami', '--url', server.url, '--format', 'json'], {
      env: { ...env, BRAINSTEM_TOKEN: alice.token },
    });
    expect(JSON.parse(r.stdout).token_source).toBe('env:BRAINSTEM_TOKEN');
  });

  it('exits 3 when not logged in', async () => {
    const r = await runCli(['whoami', '--url', server.url], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/brainstem login/);
  });

  it('auth errors give CLI guidance for the server in use; the token page only for brainstem.org', async () => {
    const library = /new BrainstemClient|client\.login|portal: 'public'/;
    const none = await runCli(['load', 'session', '--url', server.url], { env });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain(`brainstem login --url ${server.url}`);
    expect(none.stderr).toMatch(/--token.*--portal public/);
    expect(none.stderr).not.toMatch(library);
    expect(none.stderr).not.toContain('brainstem.org');

    const bad = await runCli(['load', 'session', '--url', server.url, '--token', 'bst_not_a_real_token_0000'], { env });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/401 Unauthorized.*invalid or expired/);
    expect(bad.stderr).toContain(`brainstem login --url ${server.url}`);
    expect(bad.stderr).not.toMatch(library);
    expect(bad.stderr).not.toContain('brainstem.org');

    // No token for brainstem.org is found before any request (no network needed).
    const remote = await runCli(['load', 'session', '--url', 'https://www.brainstem.org/'], { env });
    expect(remote.code).toBe(3);
    expect(remote.stderr).toContain('run `brainstem login` or pass --token');
    expect(remote.stderr).toContain('https://www.brainstem.org/private/users/tokens/');
    expect(remote.stderr).not.toMatch(library);
  });
});

describe('logout', () => {
  it('removes the token of one server only', async () => {
    await runCli(['login', '--url', server.url, '--token', alice.token], { env });
    await runCli(['login', '--url', other.url, '--token', DEMO_USERS.bob.token], { env });
    const r = await runCli(['logout', '--url', server.url], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Logged out of ${server.url}`);
    expect((await runCli(['whoami', '--url', server.url], { env })).code).toBe(3);
    const still = await runCli(['whoami', '--url', other.url], { env });
    expect(still.code).toBe(0);
    expect(still.stdout).toContain('bob@example.org');

    const again = await runCli(['logout', '--url', server.url], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to remove');
  });

  it("says the Python tool's token still applies to the default server, and leaves that file alone", async () => {
    const h = tempHome();
    try {
      const dir = join(h.home, '.config', 'brainstem');
      mkdirSync(dir, { recursive: true });
      const py = join(dir, 'token');
      writeFileSync(py, 'bst_python_tool_token\n', { mode: 0o600 });
      for (const args of [['logout'], ['logout', '--quiet'], ['logout', '--all']]) {
        const r = await runCli(args, { env: h.env });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/Not logged in/);
        expect(r.stderr).toContain(`Still logged in to https://www.brainstem.org/`);
        expect(r.stderr).toContain(`Python tool's token at ${py}`);
        expect(r.stderr).toContain(`rm ${py}`);
        expect(r.stderr).not.toContain('bst_python_tool_token');
      }
      expect(readFileSync(py, 'utf8')).toBe('bst_python_tool_token\n');
    } finally {
      h.cleanup();
    }
  });

  it('--all removes every server', async () => {
    await runCli(['login', '--url', server.url, '--token', alice.token], { env });
    await runCli(['login', '--url', other.url, '--token', DEMO_USERS.bob.token], { env });
    const r = await runCli(['logout', '--all'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Logged out of ${server.url}`);
    expect(r.stderr).toContain(`Logged out of ${other.url}`);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toEqual({});
    expect((await runCli(['whoami', '--url', other.url], { env })).code).toBe(3);
  });
});

describe('login --password', () => {
  it('reads email and password from stdin when it is not a terminal', async () => {
    const r = await runCli(['login', '--password', '--url', server.url], {
      env,
      stdin: `${alice.email}\n${alice.password}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('as Alice Andersen <alice@example.org>');
    noSecrets(r.stdout, r.stderr);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect((await runCli(['whoami', '--url', server.url], { env })).stdout).toContain('alice@example.org');
  });

  it('--email plus the password on stdin', async () => {
    const r = await runCli(['login', '--password', '--email', alice.email, '--url', server.url], {
      env,
      stdin: `${alice.password}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
  });

  it('a wrong password exits 3', async () => {
    const r = await runCli(['login', '--password', '--url', server.url], { env, stdin: `${alice.email}\nnot-it\n` });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain('not-it');
  });

  it('stdin ending early is a usage error', async () => {
    const r = await runCli(['login', '--password', '--url', server.url], { env, stdin: `${alice.email}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin ended before the password was given');
  });

  it.skipIf(!hasScript)('on a terminal: prompts, and the password is not echoed', async () => {
    // util-linux `script` gives the CLI a pseudo-terminal; we type the password only once the prompt shows, as a
    // person would (typed earlier, the terminal itself would echo it before the CLI can turn echo off).
    const cmd = `${sh(process.execPath)} ${sh(BIN)} login --password --email ${alice.email} --url ${server.url}`;
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const prompted = new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('Password: ')) resolve();
      });
    });
    await prompted;
    await new Promise((r) => setTimeout(r, 200));
    child.stdin.write(`${alice.password}\r`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end();
    expect(code, out).toBe(0);
    expect(out).toContain('Password: ');
    expect(out).toContain('Logged in to');
    expect(out).not.toContain(alice.password);
  });
});

describe('interrupt', () => {
  it('Ctrl-C (SIGINT) while a request is in flight exits 130', async () => {
    // A loopback server that takes the request and never answers: the signal is sent once the request has arrived,
    // so the CLI has started (however long that takes on a busy machine) and is waiting on the network.
    let arrived: () => void = () => {};
    const requested = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const silent = createServer(() => arrived());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      const child = spawn(process.execPath, [BIN, 'load', 'session', '--url', url, '--token', alice.token], {
        env: cleanEnv(env),
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      await requested;
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(stderr).toContain('interrupted');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
