// `brainstem login --headless` end to end: the CLI prints a URL and a code, headless Chromium (the server tests'
// browser harness: Debian's /usr/bin/chromium via playwright-core, never a downloaded browser) signs in as Alice
// and enters the code, the CLI receives the token, caches it 0600, and `brainstem whoami` then works.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
// One place knows how to launch Chromium (path, flags, throwaway profile): the server's browser harness.
import { CHROMIUM, launchBrowser } from '../../../server/test/browser-harness.js';
import { BIN, cleanEnv, ensureBuilt, runCli, tempHome } from './harness.js';

const alice = DEMO_USERS.alice;
const home = tempHome();
let server: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', quiet: true, deviceInterval: 1 });
});
afterAll(async () => {
  await server?.close();
  home.cleanup();
});

it.skipIf(!existsSync(CHROMIUM))(
  'login --headless: URL + code on stderr, a browser approves, token cached 0600, whoami works',
  async () => {
    const child = spawn(process.execPath, [BIN, 'login', '--headless', '--url', server.url], {
      env: cleanEnv(home.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    const prompt = new Promise<{ uri: string; code: string }>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const m = stderr.match(/Open (\S+) in a browser\nand enter the code: (\S+)\n/);
        if (m) resolve({ uri: m[1] as string, code: m[2] as string });
      });
      child.on('close', () => reject(new Error(`login exited early: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const { uri, code } = await prompt;
    expect(uri).toBe(`${server.url}account/authorize/`);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(uri);
      await page.getByLabel('Email').fill(alice.email);
      await page.getByLabel('Password').fill(alice.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Code').fill(code);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Approve' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Device approved');
    } finally {
      await browser.close();
    }

    expect(await exited, stderr).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Logged in to ${server.url} as Alice Andersen <alice@example.org>`);
    expect(stderr).not.toMatch(/bst_/);
    const cache = join(home.home, '.config', 'brainstem', 'tokens.json');
    expect(statSync(cache).mode & 0o777).toBe(0o600);

    const who = await runCli(['whoami', '--url', server.url, '--format', 'json'], { env: home.env });
    expect(who.code, who.stderr).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({ user: { email: alice.email }, token_source: 'cache' });
    expect(who.stdout).not.toMatch(/bst_/);
  },
  90_000,
);
