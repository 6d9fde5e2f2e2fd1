// Shared fixture for the spawned-CLI tests: build the bundle when missing or stale, run it as a user would
// (`node dist/brainstem.js …`) with a private HOME / XDG_CONFIG_HOME so no real token cache is touched.
import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, type ServerOptions, startServer } from 'brainstem-server';
import { afterAll, beforeAll } from 'vitest';

export const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(CLI_DIR, 'dist', 'brainstem.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Build packages/cli/dist (brainstem.js and its chunks) when it is missing or older than the CLI or client sources. Test files run
 * in parallel, so the bundle is built in a private directory and renamed into place (atomic): a test never sees a
 * half-written or cleaned-away file. Once the new entry is in place, every file of `dist/` the new build did not
 * write is removed, so `dist/` holds exactly one build and no stale chunk can end up in a packed tarball (a CLI
 * started from the new entry loads only the new build's chunks; a parallel rebuild of the same sources writes the
 * same names).
 */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(BIN).mtimeMs;
  } catch {}
  const sources = Math.max(newestMtime(join(CLI_DIR, 'src')), newestMtime(join(CLI_DIR, '..', 'client', 'src')));
  if (built > sources) return;
  const out = mkdtempSync(join(CLI_DIR, 'dist-build-'));
  try {
    const r = spawnSync('npx', ['tsup', '--silent', '--out-dir', out], { cwd: CLI_DIR, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}\n${r.stderr}`);
    const fresh = new Set(readdirSync(out));
    mkdirSync(dirname(BIN), { recursive: true });
    // Chunks first (their names carry a content hash, so they never replace a file in use), the entry last.
    const entry = new Set(['brainstem.js', 'brainstem.js.map']);
    for (const f of readdirSync(out).filter((name) => !entry.has(name)))
      renameSync(join(out, f), join(dirname(BIN), f));
    renameSync(join(out, 'brainstem.js.map'), `${BIN}.map`);
    renameSync(join(out, 'brainstem.js'), BIN);
    for (const stale of readdirSync(dirname(BIN)).filter((name) => !fresh.has(name))) {
      rmSync(join(dirname(BIN), stale), { recursive: true, force: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  cwd?: string;
  timeoutMs?: number;
}

/** A private home for one test file: HOME and XDG_CONFIG_HOME point here. */
export function tempHome(): { home: string; env: Record<string, string>; cleanup(): void } {
  const home = mkdtempSync(join(tmpdir(), 'brainstem-cli-test-'));
  return {
    home,
    env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Environment without the caller's BRAINSTEM_* variables or CI, plus `extra`. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('BRAINSTEM_') && k !== 'CI') env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * Run the built CLI with `args`; resolves with its exit code and output (never rejects on a non-zero exit).
 *
 * @example
 * ```ts
 * const r = await runCli(['load', 'session', '--url', server.url], { env: home.env });
 * expect(r.code).toBe(0);
 * ```
 */
export function runCli(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const spawnOpts: SpawnOptions = {
    cwd: opts.cwd ?? CLI_DIR,
    env: cleanEnv(opts.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  };
  const child = spawn(process.execPath, [BIN, ...args], spawnOpts);
  return collect(child, opts);
}

/** Run a shell command line (for `script`-based pseudo-terminal runs). */
export function runShell(line: string, opts: RunOptions = {}): Promise<RunResult> {
  const child = spawn('/bin/sh', ['-c', line], {
    cwd: opts.cwd ?? CLI_DIR,
    env: cleanEnv(opts.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child, opts);
}

function collect(child: ReturnType<typeof spawn>, opts: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  child.stdin?.end(opts.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Quote a word for /bin/sh. */
export function sh(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The fixture most spawned-CLI test files share: the built CLI, a private home and a demo server started before
 * the file's tests (with `options` on top of the demo data), stopped and removed after them.
 */
export function demoServerForFile(options: ServerOptions = {}): {
  readonly home: ReturnType<typeof tempHome>;
  readonly server: RunningServer;
} {
  const home = tempHome();
  let server: RunningServer | undefined;
  beforeAll(async () => {
    ensureBuilt();
    server = await startServer({ port: 0, seed: 'demo', quiet: true, ...options });
  });
  afterAll(async () => {
    await server?.close();
    home.cleanup();
  });
  return {
    home,
    get server() {
      if (!server) throw new Error('the demo server starts in beforeAll');
      return server;
    },
  };
}
