// What the README says the packed CLI is: no dependencies, `bin/brainstem.js` and the bundle in `dist/` (the entry
// and the chunks it loads on demand, JavaScript only, no source maps), about 1 MB unpacked. The tarball is unpacked
// into a folder with no node_modules anywhere above it and run from there, so a package the bundle failed to
// inline cannot be found.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_DIR, ensureBuilt } from './e2e/harness.js';

interface Packed {
  filename: string;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

let work: string;
let packed: Packed;
let unpacked: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'bs-cli-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: CLI_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  packed = (JSON.parse(out) as Packed[])[0] as Packed;
  execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
  unpacked = join(work, 'package');
}, 120_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed CLI', () => {
  it('has no dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
  });

  it('is the launcher and the JavaScript bundle in dist/, about 1 MB, without source maps', () => {
    const others = packed.files.map((f) => f.path).filter((p) => !/^dist\/[\w-]+\.js$/.test(p));
    expect(others.sort()).toEqual(['README.md', 'bin/brainstem.js', 'package.json']);
    expect(packed.files.map((f) => f.path)).toContain('dist/brainstem.js');
    expect(packed.unpackedSize).toBeLessThan(1_500_000);
  });

  it('runs from a folder without node_modules: every chunk loads, and the commands work', () => {
    // Each chunk imported by a plain Node (not through the test runner's resolver): its static imports resolve.
    const chunks = readdirSync(join(unpacked, 'dist'))
      .filter((f) => f !== 'brainstem.js')
      .map((f) => pathToFileURL(join(unpacked, 'dist', f)).href);
    expect(chunks.length).toBeGreaterThan(0);
    const loaded = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'for (const c of JSON.parse(process.argv[1])) await import(c); console.log("loaded")',
        JSON.stringify(chunks),
      ],
      { cwd: work, encoding: 'utf8' },
    );
    expect(loaded.trim()).toBe('loaded');
    const run = (args: string[]) =>
      execFileSync(process.execPath, [join(unpacked, 'bin/brainstem.js'), ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, HOME: work, XDG_CONFIG_HOME: join(work, '.config'), NODE_PATH: '' },
      });
    expect(run(['--version']).trim()).toBe(JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')).version);
    expect(run(['models', 'procedure', '--type', 'Anesthesia'])).toContain('procedure');
    expect(run(['completion', 'bash'])).toContain('brainstem');
  }, 60_000);
});
