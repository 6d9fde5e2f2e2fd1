// `npm run demo` (scripts/demo.mjs → examples/tutorial.ts against the local server): the pagination section must
// really page. Runs the script as `npm run demo` does after its build step, so it needs the built packages.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const built = ['packages/server/dist/index.js', 'packages/client/dist/node.js'].every((p) => existsSync(join(root, p)));

describe('npm run demo', () => {
  it.skipIf(!built)('pages through sessions in the pagination section (needs `npm run build`)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, BRAINSTEM_TOKEN: '', BRAINSTEM_URL: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    const second = /Second page of 20: (\d+) sessions/.exec(r.stdout);
    expect(Number(second?.[1])).toBe(20);
    const all = /loadAll: (\d+) pages of 100, \d+ in flight\): (\d+)/.exec(r.stdout);
    expect(Number(all?.[1])).toBeGreaterThan(1);
    expect(Number(all?.[2])).toBeGreaterThan(200);
  });
});
