// The built CLI finds its token in a .env file in the working directory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS } from 'brainstem-server';
import { describe, expect, it } from 'vitest';
import { demoServerForFile, runCli } from './harness.js';

const ALICE = DEMO_USERS.alice.token;
const demo = demoServerForFile();
const { home } = demo;

describe('token sources', () => {
  it('reads BRAINSTEM_TOKEN from a .env file in the working directory', async () => {
    writeFileSync(join(home.home, '.env'), `BRAINSTEM_TOKEN=${ALICE}\n`);
    const r = await runCli(['whoami', '--url', demo.server.url, '--format', 'json'], { env: home.env, cwd: home.home });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ user: { email: 'alice@example.org' }, token_source: '.env' });
  });
});
