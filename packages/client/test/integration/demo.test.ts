// `npm run demo` (scripts/demo.mjs → examples/tutorial.ts and the CLI against the local server): the pagination
// section must really page. Runs the script as `npm run demo` does after its build step (`--no-build`), so it needs
// the built packages.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const built = ['packages/server/dist/index.js', 'packages/client/dist/node.js'].every((p) => existsSync(join(root, p)));

describe('npm run demo', () => {
  it.skipIf(!built)('pages through sessions in the pagination section (needs `npm run build`)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), '--no-build'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, BRAINSTEM_TOKEN: '', BRAINSTEM_URL: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    const second = /Second page of 5: (\d+) sessions of (\d+)/.exec(r.stdout);
    expect(Number(second?.[1])).toBe(5);
    expect(Number(second?.[2])).toBe(10);
    const all = /loadAll: (\d+) sessions in (\d+) pages/.exec(r.stdout);
    expect(Number(all?.[1])).toBe(10);
    expect(Number(all?.[2])).toBeGreaterThan(1);
  });
});
