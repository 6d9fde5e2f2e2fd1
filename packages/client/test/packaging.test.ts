// The published artefact: `npm pack` the client, install the tarball in a temp project, import it from ESM and
// CJS (one process loading both: instanceof must still work), type-check a consumer, and bundle the default
// export for the browser with esbuild — no Node built-ins — then run that bundle in headless Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installOffline } from '../../../test/offline-install.js';
import { json, startHttp } from './helpers/http.js';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(pkgDir, '..', '..');
let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bs-pack-'));
  // The client and the API description it depends on, packed as they would be published.
  const tarballs = [pkgDir, join(root, 'packages', 'api-description')].map((cwd) => {
    if (!existsSync(join(cwd, 'dist', 'index.js'))) execFileSync('npx', ['tsup'], { cwd, stdio: 'ignore' });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd, encoding: 'utf8' });
    return join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  });
  app = join(work, 'app');
  mkdirSync(app);
  installOffline(root, app, tarballs);
}, 120_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8' }).trim();

describe('packed package', () => {
  it('ships only dist + README + package.json; the core depends on the API description alone', () => {
    const installed = join(app, 'node_modules/brainstem-api-tools');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    // undici serves only the Node entry's proxy support, loaded when a proxy variable is set.
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['brainstem-api-description', 'undici']);
    for (const core of ['dist/index.js', 'dist/index.cjs', 'dist/registry.js']) {
      expect(readFileSync(join(installed, core), 'utf8'), core).not.toMatch(/undici/);
    }
    expect(readFileSync(join(installed, 'dist/node.js'), 'utf8')).toMatch(/import\(["']undici["']\)/);
    expect(existsSync(join(app, 'node_modules/brainstem-api-tools/src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/brainstem-api-tools/dist/node.d.ts'))).toBe(true);
  });

  it('imports from ESM (Node entry with the token cache) and every subpath', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import * as m from 'brainstem-api-tools';
       import * as core from 'brainstem-api-tools/core';
       import * as reg from 'brainstem-api-tools/registry';
       import * as n from 'brainstem-api-tools/node';
       import * as sch from 'brainstem-api-tools/schemas';
       const c = new m.BrainstemClient({ token: 't' });
       console.log(JSON.stringify([typeof m.FileTokenStore, typeof core.FileTokenStore, reg.MODEL_NAMES.length,
         typeof n.BrainstemClient, typeof c.loadSession, c.url, sch.detailsSchemaFor('procedure', 'Anesthesia')['x-version'],
         typeof m.isModelName, typeof core.isModelName, m.VERSION]));`,
    ]);
    const [nodeStore, coreStore, models, nodeClient, loader, url, schemaVersion, nodeRegistry, coreRegistry, version] =
      JSON.parse(out);
    expect([nodeStore, coreStore, models, nodeClient, loader, url, schemaVersion, nodeRegistry, coreRegistry]).toEqual([
      'function',
      'undefined',
      49,
      'function',
      'function',
      'https://www.brainstem.org/',
      '1.1.0',
      'function',
      'function',
    ]);
    expect(version).toBe(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version);
  });

  it('ships the import engine as its own entry, ESM and CJS, bundling for the browser without Node built-ins', async () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       import * as imp from 'brainstem-api-tools/import';
       const cjs = createRequire(import.meta.url)('brainstem-api-tools/import');
       console.log(JSON.stringify([imp.IMPORT_TYPE_NAMES.length, typeof imp.importRows, typeof cjs.exportRows]));`,
    ]);
    expect(JSON.parse(out)).toEqual([11, 'function', 'function']);
    writeFileSync(join(app, 'import-entry.js'), "export { importRows } from 'brainstem-api-tools/import';\n");
    const result = await build({
      entryPoints: [join(app, 'import-entry.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      absWorkingDir: app,
      logLevel: 'silent',
    });
    expect(result.outputFiles[0]!.text).not.toMatch(/from\s*["']node:|require\(["'](node:)?[a-z_]+["']\)/);
  });

  it('requires from CJS, and instanceof holds across the ESM and CJS copies', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       import * as esm from 'brainstem-api-tools';
       const cjs = createRequire(import.meta.url)('brainstem-api-tools');
       const e = new cjs.NotFoundError({ status: 404, body: null, url: 'u', method: 'GET' });
       console.log(JSON.stringify([typeof cjs.BrainstemClient, cjs.BrainstemClient === esm.BrainstemClient,
         e instanceof esm.NotFoundError, e instanceof esm.APIError, e instanceof esm.BrainstemError,
         e instanceof esm.ValidationError, new esm.TimeoutError({ url: 'u', method: 'GET', timeout: 1 }) instanceof cjs.ConnectionError]));`,
    ]);
    expect(JSON.parse(out)).toEqual(['function', false, true, true, true, false, true]);
    expect(node(['-e', "const m = require('brainstem-api-tools/core'); console.log(typeof m.BrainstemClient)"])).toBe(
      'function',
    );
  });

  it('type-checks a TypeScript consumer (ESM resolution through the exports map)', () => {
    writeFileSync(
      join(app, 'use.mts'),
      `import { BrainstemClient, type Session } from 'brainstem-api-tools';
       const c = new BrainstemClient();
       export async function f(): Promise<Session[]> { return (await c.loadSession({ name: 'x' })).sessions; }\n`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        '--types',
        'node',
        '--typeRoots',
        join(root, 'node_modules', '@types'),
        'use.mts',
      ],
      { cwd: app, stdio: 'pipe' },
    );
  });

  it('bundles for the browser with no Node built-ins, and runs in Chromium', async () => {
    writeFileSync(
      join(app, 'entry.js'),
      `import { BrainstemClient, NotFoundError } from 'brainstem-api-tools';
       window.run = async () => {
         const c = new BrainstemClient({ url: location.origin });
         const page = await c.load('project', { portal: 'public' });
         let nf = false;
         try { await c.load('project', { portal: 'public', id: '00000000-0000-4000-8000-000000000000' }); }
         catch (e) { nf = e instanceof NotFoundError; }
         return { names: page.projects.map((p) => p.name), nf };
       };`,
    );
    const result = await build({
      entryPoints: [join(app, 'entry.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      absWorkingDir: app,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('brainstem-api-tools/dist/index.js'))).toBe(true);
    expect(inputs.some((i) => i.includes('dist/node.'))).toBe(false);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|os|path|child_process|crypto|readline)["']\)/);

    if (!existsSync('/usr/bin/chromium')) return; // the bundle checks above still ran
    const srv = await startHttp((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><script type="module" src="/bundle.js"></script>');
      }
      if (req.url === '/bundle.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(code);
      }
      if (req.url.startsWith('/api/public/stem/project/0')) return json(res, 404, { detail: 'Not found.' });
      if (req.url.startsWith('/api/public/stem/project/')) {
        return json(res, 200, {
          projects: [
            { id: '1', name: req.headers['user-agent']?.includes('brainstem-api-tools') ? 'ua-leaked' : 'ok' },
          ],
        });
      }
      json(res, 404, {});
    });
    const { launchBrowser } = await import('../../server/test/browser-harness.js');
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(srv.url);
      await page.waitForFunction(() => typeof (window as unknown as { run?: unknown }).run === 'function');
      const out = await page.evaluate(() => (window as unknown as { run: () => Promise<unknown> }).run());
      expect(out).toEqual({ names: ['ok'], nf: true });
    } finally {
      await browser.close();
      await srv.close();
    }
  }, 60_000);
});
