// `npm run demo`: start the local BrainSTEM server with demo data on a free port, run examples/tutorial.ts against
// it as Alice (BRAINSTEM_URL + BRAINSTEM_TOKEN), print what it does, stop the server. Exits non-zero on failure.
// Expects a build (`npm run demo` builds first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS, startServer } from 'brainstem-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// 240 extra sessions in Alice's project, so the tutorial's pagination section really pages (3 pages of 100).
const server = await startServer({ port: 0, seed: 'demo', seedSessions: 240, quiet: true });
// A throwaway HOME: the tutorial must not read or write the user's real token cache.
const home = mkdtempSync(join(tmpdir(), 'brainstem-demo-'));
console.log(`Local BrainSTEM server with demo data: ${server.url}`);
console.log(`Running examples/tutorial.ts as ${DEMO_USERS.alice.email}\n`);

let code = 1;
try {
  code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'examples', 'tutorial.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        BRAINSTEM_URL: server.url,
        BRAINSTEM_TOKEN: DEMO_USERS.alice.token,
        BRAINSTEM_API_TOKEN: '',
        BRAINSTEM_NO_BROWSER: '1',
      },
    });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(signal ? 1 : (c ?? 1)));
  });
} finally {
  await server.close();
  rmSync(home, { recursive: true, force: true });
}
console.log(code === 0 ? '\nDemo finished; server stopped.' : `\nDemo FAILED (exit ${code}); server stopped.`);
process.exit(code);
