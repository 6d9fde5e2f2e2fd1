// A command that needs a token, on a terminal without one, starts a login: --headless prints a URL and code
// instead of opening a browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, demoServerForFile, sh } from './harness.js';

const demo = demoServerForFile();
const { home } = demo;
const hasScript = existsSync('/usr/bin/script');

describe('--headless on any command', () => {
  // A fake `xdg-open` on PATH (with a DISPLAY set) records whether the client tried to open a browser.
  async function lazyLogin(extra: string[]): Promise<{ out: string; opened: boolean }> {
    const bin = join(home.home, 'bin');
    mkdirSync(bin, { recursive: true });
    const marker = join(home.home, 'browser-opened');
    rmSync(marker, { force: true });
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > ${sh(marker)}\n`, { mode: 0o755 });
    const cmd = `${sh(process.execPath)} ${sh(BIN)} load session ${extra.join(' ')} --url ${demo.server.url}`;
    const env = { ...home.env, PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99' };
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const shown = new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (/Waiting for authorization/.test(out)) resolve();
      });
    });
    const closed = new Promise((resolve) => child.on('close', resolve));
    await Promise.race([shown, closed]);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await closed;
    return { out, opened: existsSync(marker) };
  }

  it.skipIf(!hasScript)('a command on a terminal without a token starts a login that prints URL + code', async () => {
    const headless = await lazyLogin(['--headless']);
    expect(headless.out).toContain(`${demo.server.url}account/authorize/`);
    expect(headless.out).toMatch(/enter the code: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(headless.opened).toBe(false);
    // Control: without --headless the same command opens the browser.
    const browser = await lazyLogin([]);
    expect(browser.opened).toBe(true);
  });
});
