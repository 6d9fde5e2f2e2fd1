// `brainstem login` names itself: the approval page says "brainstem CLI" is asking, not the library it is built on.
import { spawn } from 'node:child_process';
import { DEMO_USERS, findUserByEmail, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { approveDeviceSession, deviceStore } from '../../../server/src/device/index.js';
import { BIN, cleanEnv, ensureBuilt, tempHome } from './harness.js';

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

it('brainstem login --headless sends client_name "brainstem CLI"', async () => {
  const child = spawn(process.execPath, [BIN, 'login', '--headless', '--url', server.url], {
    env: cleanEnv(home.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const code = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /enter the code: (\S+)\n/.exec(stderr);
      if (m) resolve(m[1] as string);
    });
    child.on('close', () => reject(new Error(`login exited early: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(deviceStore(server.ctx).find(code)?.clientName).toBe('brainstem CLI');
  const alice = findUserByEmail(server.ctx.db, DEMO_USERS.alice.email);
  expect(approveDeviceSession(server.ctx, code, alice!.id)).toBe('ok');
  expect(await exited, stderr).toBe(0);
});
