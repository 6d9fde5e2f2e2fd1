/** Runs test/python_client.py (python3 + urllib, no pip) against a demo server, as the Python v2 client would. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

const run = promisify(execFile);
let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('the Python v2 client way', () => {
  it('python_client.py passes every check', async () => {
    const script = join(import.meta.dirname, 'python_client.py');
    const { stdout } = await run('python3', [script, c.url, DEMO_USERS.alice.token]).catch((e) => {
      throw new Error(`python_client.py failed:\n${e.stdout}\n${e.stderr}`);
    });
    expect(stdout).toMatch(/^OK \d+ checks$/m);
    expect(Number(/OK (\d+)/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(24);
  });
});
