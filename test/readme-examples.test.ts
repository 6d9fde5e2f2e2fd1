// Every example in the READMEs runs, as a reader runs it: top to bottom, each README as one story on one demo
// server. Each README starts afresh — its own setup block starts a fresh demo server (`npx brainstem-server --seed
// demo`, which the text says to do) and, where it uses the CLI or the client, logs in to it — so the READMEs run
// in parallel, each on its own server, while the blocks of one README run in order and see what the blocks before
// them left (a record created, an invitation accepted, a token cached or removed).
//
// The setup lines run as written, with two mappings: the README's first `npx brainstem-server --seed demo` line
// starts the demo server in this process on a free loopback port (its other `npx brainstem-server` lines are
// alternatives to it: another port, a file database; they are not run), and `npx brainstem …` runs the built CLI,
// which is on PATH as `brainstem` (as `npm install -g` of the packed CLI puts it). The README's
// `http://127.0.0.1:8000/` stands for that server and `/home/me` for the story's private HOME; the repository's
// `examples/` is reachable from the working directory, which every block of the story shares.
//
// What is checked (grammar in readme-blocks.ts): a command exits as its comment says (`# exits 5`, else 0), prints as
// many records as a count comment says (`# 2 demo projects`) and the text of a `# prints: …` comment; in `console`
// blocks, every output line shown under a `$ ` command is printed; a TS block exits 0 and prints what its `// → …`
// comments say, in order, each as a whole printed line. Every TS block also compiles with `tsc --strict` (the packages resolved through their
// `exports` and built declarations, as an installed package is). Other install and build lines (npm, npx, node,
// eval, cd, git) are not run; blocks marked `<!-- doc-test: skip (reason) -->` are left out. A block that would
// talk to a server before its README started one fails (nothing may leave for www.brainstem.org).
//
// The servers run in this process, so the examples run as child processes without blocking it (never spawnSync:
// the server could not answer while the event loop waits).
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from 'brainstem-server';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../packages/cli/test/e2e/harness.js';
import {
  type Block,
  expectedLineMatches,
  missingOutput,
  promisedOutputs,
  readmeBlocks,
  recordCount,
} from './readme-blocks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const READMES = [
  'README.md',
  'packages/api-description/README.md',
  'packages/cli/README.md',
  'packages/client/README.md',
  'packages/server/README.md',
];
const NOT_RUN = new Set(['npm', 'npx', 'node', 'eval', 'cd', 'git']);
const DOC_URL = 'http://127.0.0.1:8000/';
const DOC_HOME = '/home/me';
const SERVER_START = /^npx brainstem-server(\s|$)/;
const CLI_LINE = /^npx brainstem(\s|$)/;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a program without blocking this process (the demo servers live here). */
function run(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }) {
  return new Promise<Ran>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** What the test does with a command line: start the README's server, run it, or leave it (install lines). */
function kindOf(command: string): 'server' | 'run' | 'skip' {
  const line = command.trim();
  if (SERVER_START.test(line)) return 'server';
  if (CLI_LINE.test(line)) return 'run';
  return NOT_RUN.has(line.split(/\s+/)[0] ?? '') ? 'skip' : 'run';
}

/** The options of a README's `npx brainstem-server …` line; the port is always a free one. */
function serverOptions(command: string): { seed: 'demo' } {
  const args = command.trim().split(/\s+/).slice(2);
  let seed: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--seed') seed = args[++i];
    else if (args[i] === '--port') i++;
    else throw new Error(`the README test starts a server from --seed and --port only, not ${args[i]}: ${command}`);
  }
  if (seed !== 'demo') throw new Error(`a README's story starts the demo server (--seed demo): ${command}`);
  return { seed: 'demo' };
}

/** Whether a TS block talks to a server: it builds a client or uses one. */
const usesServer = (code: string) => /\bBrainstemClient\b|\bclient\.|\bfetch\(/.test(code);

/** The program a TS block is: snippets continue from the README's `const client = new BrainstemClient()`. */
function programOf(block: Block, local: (t: string) => string): string {
  let code = local(block.code);
  if (/\bclient\./.test(code) && !/\bconst client\b/.test(code)) {
    code = `import { BrainstemClient as __Client } from 'brainstem-api-tools';\nconst client = new __Client();\n${code}`;
  }
  return `${code}\nexport {};\n`;
}

const runnable = (b: Block) => b.lang === 'ts' || b.commands.some((c) => kindOf(c.command) !== 'skip');

let work: string;
let bin: string;

beforeAll(() => {
  ensureBuilt();
  for (const dist of ['packages/client/dist', 'packages/server/dist', 'packages/api-description/dist']) {
    if (!existsSync(join(root, dist))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  }
  for (const tool of ['jq', 'curl']) {
    const found = process.env.PATH?.split(':').some((dir) => dir && existsSync(join(dir, tool)));
    if (!found) throw new Error(`the README examples use ${tool}: install it (apt-get install -y ${tool})`);
  }
  work = mkdtempSync(join(tmpdir(), 'bs-readme-'));
  bin = join(work, 'bin');
  mkdirSync(bin);
  // `brainstem` on PATH, as `npm install -g` of the packed CLI puts it there.
  writeFileSync(
    join(bin, 'brainstem'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'packages/cli/dist/brainstem.js')}" "$@"\n`,
  );
  chmodSync(join(bin, 'brainstem'), 0o755);
  // TS blocks resolve `brainstem-api-tools` and `brainstem-server` through the repository's node_modules.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.concurrent('every README, top to bottom', () => {
  for (const readme of READMES) {
    const blocks = readmeBlocks(readFileSync(join(root, readme), 'utf8')).filter(runnable);
    const lines = blocks.map((b) => b.line).join(', ');
    it(`${readme}: blocks at lines ${lines}, in order, on one fresh demo server`, () => story(readme, blocks), 300_000);
  }

  it('every TypeScript block compiles with tsc --strict', async () => {
    const dir = join(work, 'typecheck');
    mkdirSync(dir);
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const files: string[] = [];
    for (const readme of READMES) {
      for (const block of readmeBlocks(readFileSync(join(root, readme), 'utf8'))) {
        if (block.lang !== 'ts') continue;
        const file = `${readme.replaceAll('/', '_').replace(/\.md$/, '')}-${block.line}.mts`;
        writeFileSync(
          join(dir, file),
          programOf(block, (t) => t),
        );
        files.push(file);
      }
    }
    // A user's project: strict, Node's module resolution (the packages' `exports` and their .d.ts files).
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          skipLibCheck: true,
          types: ['node'],
        },
        files,
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const r = await run(process.execPath, [tsc, '-p', dir], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      timeoutMs: 240_000,
    });
    // tsc names the file, which names the README and the block's line.
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 300_000);
});

interface Story {
  readme: string;
  dir: string;
  env: Record<string, string>;
  server: RunningServer | undefined;
  local(text: string): string;
}

/** One README's blocks, in order, in one working directory and HOME, on the server its setup starts. */
async function story(readme: string, blocks: Block[]) {
  const dir = join(work, readme.replaceAll('/', '_'));
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  symlinkSync(join(root, 'examples'), join(dir, 'examples'));
  const s: Story = {
    readme,
    dir,
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      LANG: 'C.UTF-8',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      CI: '1',
    },
    server: undefined,
    local(text) {
      let out = text.replaceAll(DOC_HOME, home);
      if (this.server) {
        out = out.replaceAll(DOC_URL, this.server.url).replaceAll(DOC_URL.slice(0, -1), this.server.url.slice(0, -1));
      }
      return out;
    },
  };
  try {
    for (const block of blocks) {
      if (block.lang === 'shell') await runShellBlock(block, s);
      else await runTsBlock(block, s);
    }
  } finally {
    await s.server?.close();
  }
}

async function runShellBlock(block: Block, s: Story) {
  for (const c of block.commands) {
    if (kindOf(c.command) === 'server' && !s.server) {
      s.server = await startServer({ port: 0, quiet: true, ...serverOptions(c.command) });
    }
  }
  const commands = block.commands.filter((c) => kindOf(c.command) === 'run');
  if (commands.length === 0) return;
  if (!s.server) throw new Error(`${s.readme}:${block.line}: the block runs before the README starts its demo server`);
  const out = join(s.dir, 'out', String(block.line));
  mkdirSync(out, { recursive: true });
  // One script per block, so variables set by one line (`id=$(…)`) reach the next.
  const script = commands
    .map((c, i) => {
      const line = s.local(c.command).replace(CLI_LINE, 'brainstem$1');
      return `{\n${line}\n} >"${out}/${i}.out" 2>"${out}/${i}.err"\necho $? >"${out}/${i}.code"`;
    })
    .join('\n');
  const r = await run('bash', ['-c', script], { cwd: s.dir, env: s.env, timeoutMs: 110_000 });
  expect(r.code, r.stderr).toBe(0);
  for (const [i, c] of commands.entries()) {
    const read = (ext: string) => readFileSync(join(out, `${i}.${ext}`), 'utf8');
    const stdout = read('out');
    const stderr = read('err');
    const where = `${s.readme}:${c.line}: ${c.command}\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr}`;
    expect(Number(read('code')), where).toBe(c.exitCode);
    if (c.count !== undefined) expect(recordCount(stdout, c.command), where).toBe(c.count);
    if (c.prints !== undefined) expect(stdout, where).toContain(s.local(c.prints));
    const printed = `${stdout}\n${stderr}`.split(/\r?\n/).map((l) => l.trimEnd());
    for (const expected of c.output) {
      const line = s.local(expected);
      expect(
        printed.some((p) => expectedLineMatches(line, p)),
        `${where}\nexpected a line: ${line}`,
      ).toBe(true);
    }
  }
}

async function runTsBlock(block: Block, s: Story) {
  if (usesServer(block.code) && !s.server) {
    throw new Error(`${s.readme}:${block.line}: the block runs before the README starts its demo server`);
  }
  // The types are stripped as `npx tsx` strips them (esbuild), in this process: a tsx start per block costs one to
  // two seconds, and the blocks of a README run one after another.
  const { code } = await transform(
    programOf(block, (t) => s.local(t)),
    { loader: 'ts', format: 'esm', target: 'node20' },
  );
  const file = join(s.dir, `example-${block.line}.mjs`);
  writeFileSync(file, code);
  const r = await run(process.execPath, [file], { cwd: s.dir, env: s.env, timeoutMs: 55_000 });
  const where = `${s.readme}:${block.line}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
  expect(r.code, where).toBe(0);
  const missing = missingOutput(
    r.stdout,
    promisedOutputs(block.code).map((o) => s.local(o)),
  );
  expect(missing, `${where}\nexpected a line, after the ones before it: ${missing}`).toBeUndefined();
}

describe('reading a README', () => {
  const fence = '```';
  const text = [
    '<!-- doc-test: skip (opens a browser) -->',
    `${fence}bash`,
    'brainstem login',
    fence,
    '',
    `${fence}bash`,
    "brainstem load session --filters 'name.icontains=a #b'   # 2 sessions",
    'brainstem save session --data x \\',
    '  --id y   # exits 5',
    'echo "$code"   # prints: missing',
    fence,
    `${fence}console`,
    '$ brainstem whoami',
    'Server:      http://127.0.0.1:8000/',
    '',
    '$ brainstem action group 1 join    # exits 5',
    'brainstem: 400 Bad Request',
    fence,
    fence,
    'brainstem load <model>',
    fence,
    `${fence}ts`,
    'console.log(1); // → 1',
    fence,
  ].join('\n');
  const blocks = readmeBlocks(text);

  it('leaves out a block marked doc-test: skip, and blocks without a language', () => {
    expect(blocks.map((b) => [b.lang, b.line])).toEqual([
      ['shell', 6],
      ['shell', 12],
      ['ts', 22],
    ]);
  });

  it('reads exit codes, record counts and printed text from trailing comments, outside quotes', () => {
    expect(blocks[0]?.commands).toEqual([
      { command: "brainstem load session --filters 'name.icontains=a #b'", line: 7, exitCode: 0, count: 2, output: [] },
      { command: 'brainstem save session --data x \\\n  --id y', line: 8, exitCode: 5, output: [] },
      { command: 'echo "$code"', line: 10, exitCode: 0, prints: 'missing', output: [] },
    ]);
  });

  it('takes the lines under a console command as its output', () => {
    expect(blocks[1]?.commands.map((c) => [c.command, c.exitCode, c.output])).toEqual([
      ['brainstem whoami', 0, ['Server:      http://127.0.0.1:8000/']],
      ['brainstem action group 1 join', 5, ['brainstem: 400 Bad Request']],
    ]);
  });

  it('counts the records of a JSON body, NDJSON lines, CSV rows and table rows', () => {
    expect(recordCount('{"sessions":[{},{}],"count":2}', 'brainstem load session')).toBe(2);
    expect(recordCount('{"session":{}}', 'brainstem load session --id x')).toBe(1);
    expect(recordCount('{}\n{}\n{}\n', 'brainstem load session --format ndjson')).toBe(3);
    expect(recordCount('id,name\r\n1,a\r\n', 'brainstem load session --format csv')).toBe(1);
    expect(recordCount('id  name\n--  ----\n1   a\n2   b\n', 'brainstem load session --format table')).toBe(2);
    expect(recordCount('', 'brainstem load session')).toBe(0);
  });

  it("reads a TS block's promised outputs and finds each as a whole printed line, in order", () => {
    expect(promisedOutputs("console.log(2); // → 2\n// → name: [ 'x' ]\n")).toEqual(['2', "name: [ 'x' ]"]);
    expect(missingOutput('10 sessions\n2\n', ['2'])).toBeUndefined();
    expect(missingOutput('10 sessions\n', ['2'])).toBe('2');
    expect(
      missingOutput("{\n  name: [ 'x' ],\n  projects: []\n}\n", ["name: [ 'x' ]", 'projects: []']),
    ).toBeUndefined();
    expect(missingOutput('b\na\n', ['a', 'b'])).toBe('b');
    expect(missingOutput('a\n', ['a', 'a'])).toBe('a');
  });

  it('matches output lines exactly, except that any UUID stands for any UUID', () => {
    const shown = '2     created   PC-M03  3fa85f64-5717-4562-b3fc-2c963f66afa6  (n…';
    expect(expectedLineMatches(shown, '2     created   PC-M03  0af97696-d033-4f84-8023-522250915f4f  (n…')).toBe(true);
    expect(expectedLineMatches(shown, '2     created   PC-M04  0af97696-d033-4f84-8023-522250915f4f  (n…')).toBe(false);
    expect(expectedLineMatches('a (b) [c]', 'a (b) [c]   ')).toBe(true);
    expect(expectedLineMatches('count: 1', 'count: 10')).toBe(false);
  });
});
