// The built `brainstem-server` command as the benchmarks run it: in its own process, on a free port, quiet.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes.mjs';

export const SERVER_BIN = join(ROOT, 'packages/server/dist/bin.js');

/** Tokens of the demo accounts (DEMO_USERS in packages/server/src/demo-users.ts). */
export const DEMO_TOKENS = {
  alice: 'bst_demo_alice_4f1c9a7e2b6d8035',
  bob: 'bst_demo_bob_93d2e6b1c8a4f570',
};

/** Throws naming the first missing file: the benchmarks run the built packages (`npm run build`). */
export function requireBuilt(...files) {
  for (const f of files) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
}

/**
 * Starts `brainstem-server --port 0 --quiet ARGS`; resolves once it listens with its URL, the child process and
 * `stop()` (SIGTERM, resolves when it has exited).
 */
export function startServerCommand(args = []) {
  requireBuilt(SERVER_BIN);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_BIN, '--port', '0', '--quiet', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ url: m[1], child, stop: () => stop(child) });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
}
