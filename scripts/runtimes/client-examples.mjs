// The client under another JavaScript runtime (Deno, Bun): every TypeScript example of the client README, and a
// walk (loadAll, iterate, a save and a delete), each as a program that runtime runs against a fresh local demo
// server. The servers run in this Node process; the programs are child processes, spawned without blocking it.
//
// A README example runs as the README tells a reader to run it: in a folder whose HOME has been logged in to the
// demo server with Alice's token (`brainstem login --url … --token …`, which makes it the default server and
// caches the token), the README's `http://127.0.0.1:8000/` replaced by the server's URL. It passes when it exits 0
// and prints what its `// → …` comments say, in order. A block after `<!-- doc-test: skip (…) -->` is left out.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOC_URL = 'http://127.0.0.1:8000/';
const SKIP = /<!--\s*doc-test:\s*skip\b/;

/** The `ts` blocks of a README that are not marked skipped, with the line of their opening fence. */
export function tsBlocks(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    let end = lines.indexOf('```', i + 1);
    if (end < 0) end = lines.length;
    let prev = i - 1;
    while (prev >= 0 && lines[prev].trim() === '') prev--;
    if (open[1] === 'ts' && !(prev >= 0 && SKIP.test(lines[prev]))) {
      blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    }
    i = end;
  }
  return blocks;
}

function run(cmd, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** How each runtime runs a TypeScript file that imports packages from `node_modules`. */
export const RUNNERS = {
  deno: (bin, file) => [bin, ['run', '--allow-all', '--quiet', file]],
  bun: (bin, file) => [bin, ['run', file]],
  node: (bin, file) => [bin, ['--import', 'tsx', file]],
};

/**
 * Runs the client README's examples, the walk and the core program under `runtime` (a key of RUNNERS, its binary
 * at `bin`; `only`, a RegExp, picks programs by name). Resolves to one result per program: `{ name, ok, detail }`.
 */
export async function runClientExamples(runtime, bin, { log = () => {}, only } = {}) {
  const { startServer, DEMO_USERS } = await import(join(root, 'packages/server/dist/index.js'));
  const cli = join(root, 'packages/cli/dist/brainstem.js');
  const readme = readFileSync(join(root, 'packages/client/README.md'), 'utf8');
  const programs = tsBlocks(readme).map((b) => ({ name: `packages/client/README.md:${b.line}`, code: b.code }));
  programs.push({ name: 'walk (loadAll, iterate, save, delete)', code: WALK, env: true });
  programs.push({ name: 'the core entry (brainstem-api-tools/core)', code: CORE, env: true });
  if (only) programs.splice(0, programs.length, ...programs.filter((p) => only.test(p.name)));
  const work = mkdtempSync(join(tmpdir(), `bs-${runtime}-`));
  const results = [];
  try {
    for (const [i, program] of programs.entries()) {
      const server = await startServer({ port: 0, seed: 'demo', quiet: true });
      try {
        const dir = join(work, String(i));
        const home = join(dir, 'home');
        mkdirSync(home, { recursive: true });
        // Packages resolve through the repository's node_modules (the workspace links to the built packages).
        symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
        writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
        const env = {
          PATH: process.env.PATH,
          LANG: 'C.UTF-8',
          HOME: home,
          XDG_CONFIG_HOME: join(home, '.config'),
          DENO_DIR: join(work, 'deno-cache'),
          DENO_NO_UPDATE_CHECK: '1',
          NO_COLOR: '1',
          CI: '1',
        };
        const login = await run(
          process.execPath,
          [cli, 'login', '--url', server.url, '--token', DEMO_USERS.alice.token],
          {
            cwd: dir,
            env,
            timeoutMs: 30_000,
          },
        );
        if (login.code !== 0) throw new Error(`brainstem login failed: ${login.stderr}`);
        let code = program.code.replaceAll(DOC_URL, server.url);
        // README snippets after the first continue from its `const client = new BrainstemClient();`.
        if (/\bclient\./.test(code) && !/\bconst client\b/.test(code)) {
          code = `import { BrainstemClient as __Client } from 'brainstem-api-tools';\nconst client = new __Client();\n${code}`;
        }
        const file = join(dir, 'example.ts');
        writeFileSync(file, `${code}\nexport {};\n`);
        const [cmd, args] = RUNNERS[runtime](bin, file);
        const extra = program.env ? { BRAINSTEM_URL: server.url, BRAINSTEM_TOKEN: DEMO_USERS.alice.token } : {};
        const r = await run(cmd, args, { cwd: dir, env: { ...env, ...extra }, timeoutMs: 60_000 });
        let detail =
          r.code === 0 ? '' : `exit ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 8).join('\n')}`;
        // Deno's console.log quotes strings with ", Node's and Bun's with ': either matches the README.
        const quotes = (text) => text.replaceAll('"', "'");
        const stdout = quotes(r.stdout);
        let from = 0;
        for (const [, expected] of detail ? [] : program.code.matchAll(/\/\/ → (.+)$/gm)) {
          const at = stdout.indexOf(quotes(expected.replaceAll(DOC_URL, server.url).trim()), from);
          if (at < 0) {
            detail = `expected output: ${expected}\nprinted: ${stdout.slice(from, from + 500)}`;
            break;
          }
          from = at;
        }
        results.push({ name: program.name, ok: !detail, detail });
        log(`${detail ? 'FAIL' : 'ok  '} ${runtime} ${program.name}${detail ? `\n${detail}` : ''}`);
      } finally {
        await server.close();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

/** Every page, a stream, a create and a delete, checked: BRAINSTEM_URL and BRAINSTEM_TOKEN name the server. */
const WALK = `
import { BrainstemClient, NotFoundError } from 'brainstem-api-tools';

const check = (ok: boolean, what: string) => { if (!ok) throw new Error('walk: ' + what); };
const client = new BrainstemClient();
const all = await client.loadAll('session', { pageSize: 3 });
check(all.sessions.length === all.count && all.count > 3, 'loadAll returns every page: ' + all.sessions.length + ' of ' + all.count);
const sorted = await client.loadAll('session', { sort: ['name'], pageSize: 3 });
const names: string[] = [];
for await (const s of client.iterate('session', { sort: ['name'], pageSize: 3 })) names.push(s.name);
check(names.join() === sorted.sessions.map((s) => s.name).join(), 'iterate yields every session, in order');
const { projects } = await client.load('project', { filters: { 'name.icontains': 'place cells' } });
const created = await client.save('session', { data: { name: 'walk session', projects: [projects[0]!.id] } });
const again = await client.load('session', { id: created.session.id });
check(again.session.name === 'walk session', 'the saved session loads back');
await client.delete('session', { id: created.session.id });
let gone = false;
try { await client.load('session', { id: created.session.id }); } catch (err) { gone = err instanceof NotFoundError; }
check(gone, 'the deleted session is gone (NotFoundError)');
console.log('walk ok', all.count, 'sessions');
`;

/** The portable core (no Node built-ins), given its URL and token rather than finding them. */
const CORE = `
import { BrainstemClient, NotFoundError } from 'brainstem-api-tools/core';

const env = (name: string) => (globalThis as any).Deno?.env.get(name) ?? (globalThis as any).process.env[name];
const client = new BrainstemClient({ url: env('BRAINSTEM_URL'), token: env('BRAINSTEM_TOKEN') });
const { sessions, count } = await client.load('session', { limit: 2 });
if (sessions.length !== 2 || !(count > 2)) throw new Error('core: load returns a page of sessions');
let notFound = false;
try { await client.load('session', { id: '00000000-0000-4000-8000-000000000000' }); } catch (err) { notFound = err instanceof NotFoundError; }
if (!notFound) throw new Error('core: a missing record is a NotFoundError');
console.log('core ok', count, 'sessions');
`;
