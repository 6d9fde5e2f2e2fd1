#!/usr/bin/env node
// `npm run test:runtimes`: the tests under the runtimes users run besides the machine's Node.
//
//   node scripts/test-runtimes.mjs [node22] [node24] [deno] [bun]     (default: all four)
//
// - Node 22 and Node 24 run the integration tests (INTEGRATION below: the client's and the CLI's end-to-end tests
//   and the server's tests of itself as a process, a database file and an HTTP listener, all against real local
//   servers).
// - Deno and Bun run the client README's TypeScript examples, a walk (loadAll, iterate, save, delete) and the core
//   entry against a local demo server (scripts/runtimes/client-examples.mjs).
//
// The runtimes come from the npm registry (node-<platform>-<arch>, deno, bun; pinned in RUNTIMES) and are installed
// into `.runtimes/` (git-ignored); a second run installs nothing. better-sqlite3 is compiled once per Node ABI into
// `.runtimes/` (node-gyp with `--nodedir` pointing at that Node's headers) and loaded there by a preload
// (scripts/runtimes/sqlite-addon.cjs): node_modules keeps the machine's Node build whatever happens, and a build
// that stops part-way is never used (it is renamed into place only when complete). The packages must be built
// (`npm run build`, which `npm test` runs first).
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClientExamples } from './runtimes/client-examples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.runtimes');
const platform = `${process.platform}-${process.arch}`;

/** The runtimes tested, as npm packages (aliases, so two versions of one package sit side by side). */
const RUNTIMES = {
  node22: { spec: `npm:node-${platform}@22.23.5`, bin: 'node_modules/node22/bin/node' },
  node24: { spec: `npm:node-${platform}@24.22.3`, bin: 'node_modules/node24/bin/node' },
  deno: { spec: '2.9.6', bin: 'node_modules/.bin/deno' },
  bun: { spec: '1.4.5', bin: 'node_modules/.bin/bun' },
};

/**
 * The tests each Node runs: what depends on the Node it runs on. Every end-to-end test of the client (fetch, the
 * token file, proxies, device login against a real server) and of the CLI (the built `brainstem` as a process),
 * and the server's tests of itself as a process, on a database file, as an HTTP listener, and its SQL paths (the
 * native addon). Left to the machine's Node: the server's rule-by-rule suites (permission matrices, query and
 * validation rules, fuzzing), which exercise the same code paths many times, the browser tests (Chromium), and the
 * unit and cross-package tests.
 */
export const INTEGRATION = [
  'packages/client/test/integration/',
  'packages/cli/test/e2e/',
  ...[
    'bin',
    'device-server',
    'landing-page',
    'query',
    'server-admin',
    'sqlite-addon-load-failure',
    'storage',
    'token',
    'web-signin-api',
    'writes',
  ].map((name) => `packages/server/test/${name}.test.ts`),
];

const BUILT = [
  'packages/api-description/dist/index.js',
  'packages/client/dist/node.js',
  'packages/server/dist/index.js',
  'packages/cli/dist/brainstem.js',
];

const say = (line) => process.stdout.write(`[test:runtimes] ${line}\n`);

/** All the runtimes into .runtimes/ (one manifest, so one install), unless the pinned versions are there. */
function install() {
  const manifest = join(dir, 'package.json');
  const wanted = {
    name: 'runtimes',
    private: true,
    dependencies: Object.fromEntries(Object.entries(RUNTIMES).map(([name, r]) => [name, r.spec])),
    // deno's and bun's install scripts link the binary of their platform package, which npm installed as an
    // optional dependency, so they need no network.
    allowScripts: { deno: true, bun: true },
  };
  const text = `${JSON.stringify(wanted, null, 2)}\n`;
  const bins = Object.values(RUNTIMES).map((r) => join(dir, r.bin));
  if (existsSync(manifest) && readFileSync(manifest, 'utf8') === text && bins.every((b) => existsSync(b))) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(manifest, text);
  say(`installing ${Object.keys(RUNTIMES).join(', ')} into .runtimes/`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: dir, stdio: 'inherit' });
}

/** node-gyp as npm ships it (the one `npm install` uses for better-sqlite3). */
function nodeGyp() {
  const npmCli =
    process.env.npm_execpath ?? realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
  const npmRoot = npmCli.slice(0, npmCli.lastIndexOf('/bin/'));
  const gyp = join(npmRoot, 'node_modules/node-gyp/bin/node-gyp.js');
  if (!existsSync(gyp)) throw new Error(`node-gyp not found next to npm (${gyp})`);
  return gyp;
}

/** better-sqlite3's addon for the Node at `nodeBin`, compiled into .runtimes/ on first use. */
function sqliteAddon(nodeBin) {
  const abi = execFileSync(nodeBin, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).trim();
  const source = join(root, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const target = join(dir, `better-sqlite3-${version}-abi${abi}`);
  const addon = join(target, 'build/Release/better_sqlite3.node');
  if (existsSync(addon)) return addon;
  const work = `${target}.building-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps'])
    cpSync(join(source, part), join(work, part), { recursive: true });
  say(`compiling better-sqlite3 ${version} for Node ABI ${abi} (about a minute or more)`);
  const started = Date.now();
  const nodedir = dirname(dirname(nodeBin));
  execFileSync(nodeBin, [nodeGyp(), 'rebuild', '--release', `--nodedir=${nodedir}`, '--jobs=2'], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Under `npm run`, npm hands its own settings to scripts as npm_config_* variables, and node-gyp prefers
    // npm_config_nodedir (a machine's npmrc may point it at the system Node's headers) over --nodedir.
    env: { ...process.env, npm_config_nodedir: nodedir, PATH: `${dirname(nodeBin)}:${process.env.PATH}` },
  });
  // An addon built against the wrong headers compiles fine and fails only when loaded: load it here, once.
  try {
    execFileSync(nodeBin, ['-e', `require(${JSON.stringify(join(work, 'build/Release/better_sqlite3.node'))})`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    throw new Error(`better-sqlite3 compiled in ${work} does not load under ${nodeBin}: ${String(e.stderr ?? e)}`);
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(work, target);
  say(`compiled in ${Math.round((Date.now() - started) / 1000)} s`);
  return addon;
}

function runTests(nodeBin, addon) {
  const env = {
    ...process.env,
    // Child processes that the tests start with `node` or process.execPath run this Node too.
    PATH: `${dirname(nodeBin)}:${process.env.PATH}`,
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --require "${join(root, 'scripts/runtimes/sqlite-addon.cjs')}"`.trim(),
    SQLITE_ADDON_FOR_THIS_NODE: addon,
  };
  return new Promise((resolve) => {
    // Timeouts here catch hangs, not slowness (speed is the benchmarks' business): a test that starts a dozen
    // processes one after another needs more than vitest's 30 s on a busy CI machine.
    const args = ['run', '--testTimeout=120000', '--hookTimeout=180000', ...INTEGRATION];
    const child = spawn(nodeBin, [join(root, 'node_modules/vitest/vitest.mjs'), ...args], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(RUNTIMES);
for (const n of names)
  if (!(n in RUNTIMES)) throw new Error(`unknown runtime ${n}: choose from ${Object.keys(RUNTIMES).join(', ')}`);
const missing = BUILT.filter((f) => !existsSync(join(root, f)));
if (missing.length) throw new Error(`build the packages first (npm run build): ${missing.join(', ')} missing`);
// A compile that a stopped run left behind (its process is gone) is removed; a running one's is left alone.
const running = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
for (const stale of existsSync(dir) ? readdirSync(dir).filter((f) => /\.building-\d+$/.test(f)) : []) {
  if (!running(Number(stale.slice(stale.lastIndexOf('-') + 1))))
    rmSync(join(dir, stale), { recursive: true, force: true });
}
install();

const rows = [];
for (const name of names) {
  const bin = join(dir, RUNTIMES[name].bin);
  const version = /\d+\.\d+\.\d+/.exec(execFileSync(bin, ['--version'], { encoding: 'utf8' }))?.[0] ?? '?';
  const started = Date.now();
  let ok;
  let what;
  if (name.startsWith('node')) {
    say(`${name} ${version}: ${INTEGRATION.join(' ')}`);
    const addon = sqliteAddon(bin);
    ok = (await runTests(bin, addon)) === 0;
    what = 'integration tests';
  } else {
    say(`${name} ${version}: the client README's examples, a walk and the core entry`);
    const results = await runClientExamples(name, bin, { log: say });
    ok = results.every((r) => r.ok);
    what = `${results.filter((r) => r.ok).length}/${results.length} client programs`;
  }
  rows.push({ name, version, what, ok, seconds: Math.round((Date.now() - started) / 1000) });
}

say('runtime  version        result                               time');
for (const r of rows) {
  say(`${r.name.padEnd(8)} ${r.version.padEnd(14)} ${`${r.ok ? 'ok  ' : 'FAIL'} ${r.what}`.padEnd(36)} ${r.seconds} s`);
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
