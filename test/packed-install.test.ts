// Installing from the repository the way the READMEs say: `npm pack` the four packages, install the tarballs into
// an empty folder, run the `brainstem` command, the `brainstem-server` library, and ESM and CJS imports of the
// client and of the API description from there. Also: `npm publish --dry-run` has nothing to correct in any
// package.json.
//
// No network (see offline-install.ts). better-sqlite3's install script (download a prebuilt addon or compile one)
// cannot run offline, so the addon the monorepo compiled is copied in, as that script would have placed it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installOffline } from './offline-install.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['api-description', 'client', 'server', 'cli'] as const;
const BUILT = {
  'api-description': 'dist/index.js',
  client: 'dist/node.js',
  server: 'dist/index.js',
  cli: 'dist/brainstem.js',
};
let work: string;
let app: string;

beforeAll(() => {
  for (const p of PACKAGES) {
    const dir = join(root, 'packages', p);
    if (!existsSync(join(dir, BUILT[p]))) execFileSync('npx', ['tsup', '--silent'], { cwd: dir, stdio: 'ignore' });
  }
  work = mkdtempSync(join(tmpdir(), 'bs-install-'));
  const tarballs = PACKAGES.map((p) => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: join(root, 'packages', p),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  });
  app = join(work, 'app');
  mkdirSync(app);
  installOffline(root, app, tarballs);
  cpSync(join(root, 'node_modules/better-sqlite3/build'), join(app, 'node_modules/better-sqlite3/build'), {
    recursive: true,
  });
}, 180_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (file: string, args: string[] = []) =>
  execFileSync(process.execPath, [file, ...args], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, HOME: app, XDG_CONFIG_HOME: join(app, '.config'), BRAINSTEM_URL: '' },
  });

describe('installed from packed tarballs', () => {
  it('the CLI tarball needs nothing else: its dependencies are bundled', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/brainstem-cli/package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ brainstem: 'bin/brainstem.js' });
  });

  it('the other tarballs depend on what the root README lists', () => {
    const deps = (name: string) =>
      Object.keys(JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')).dependencies ?? {});
    expect(deps('brainstem-api-description')).toEqual([]);
    expect(deps('brainstem-api-tools')).toEqual(['brainstem-api-description', 'undici']);
    expect(deps('brainstem-server').sort()).toEqual(['ajv', 'better-sqlite3', 'fastify', 'swagger-ui-dist', 'yaml']);
  });

  it('runs the brainstem command and the server, imports the client from ESM and CJS', () => {
    writeFileSync(
      join(app, 'cjs.cjs'),
      `const { BrainstemClient } = require('brainstem-api-tools');
       new BrainstemClient({ url: process.argv[2] }).load('project', { portal: 'public' })
         .then((b) => console.log('cjs', b.projects.length));\n`,
    );
    writeFileSync(
      join(app, 'esm.mjs'),
      `import { execFile } from 'node:child_process';
       import { promisify } from 'node:util';
       import { BrainstemClient } from 'brainstem-api-tools';
       import { MODEL_NAMES } from 'brainstem-api-tools/registry';
       import { MODELS } from 'brainstem-api-description';
       import { DEMO_USERS, startServer } from 'brainstem-server';
       // Asynchronous child processes: the server answers them from this process's event loop.
       const run = async (file, args) => (await promisify(execFile)(file, args, { encoding: 'utf8' })).stdout.trim();
       const server = await startServer({ port: 0, seed: 'demo', quiet: true });
       try {
         const client = new BrainstemClient({ url: server.url, token: DEMO_USERS.alice.token });
         const { projects } = await client.load('project');
         console.log('esm', projects.length, MODEL_NAMES.length, MODELS.length);
         const bin = new URL('./node_modules/.bin/', import.meta.url).pathname;
         const csv = await run(bin + 'brainstem', ['load', 'project', '--portal', 'public', '--url', server.url,
           '--fields', 'name', '--format', 'csv']);
         console.log(csv.split('\\r\\n').length - 1, 'csv rows');
         console.log(await run(process.execPath, ['cjs.cjs', server.url]));
       } finally {
         await server.close();
       }\n`,
    );
    const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
    expect(run('node_modules/.bin/brainstem', ['--version']).trim()).toBe(version);
    expect(run('node_modules/.bin/brainstem', ['models', 'session'])).toContain('session');
    const lines = run('esm.mjs').trim().split('\n');
    expect(lines[0]).toMatch(/^esm [1-9]\d* 49 49$/);
    const [rows] = lines[1]!.split(' ');
    expect(Number(rows)).toBeGreaterThan(0);
    expect(lines[2]).toBe(`cjs ${rows}`);
  }, 60_000);
});

describe('npm publish --dry-run', () => {
  it.each(PACKAGES)('%s: package.json needs no correction', (p) => {
    const r = spawnSync('npm', ['publish', '--dry-run'], { cwd: join(root, 'packages', p), encoding: 'utf8' });
    expect(r.status).toBe(0);
    // The one warning left is that nobody is logged in to the registry, which a dry run does not need.
    const warnings = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /warn/i.test(l) && !/logged in/.test(l));
    expect(warnings).toEqual([]);
  }, 60_000);
});
