// Every example in the READMEs runs: shell lines (`brainstem …`, `curl …`) and TypeScript blocks, each block against
// its own fresh demo server (`seed: 'demo'`), so a block sees the data the README describes whatever the blocks
// before it changed. The setup is the one the READMEs tell a reader to use: a private HOME in which
// `brainstem login --url … --token <Alice's demo token>` has been run (the demo server is the default server, the
// token is cached), the README's `http://127.0.0.1:8000/` pointed at that server, and the repository's `examples/`
// reachable from the working directory.
//
// What is checked (grammar in readme-blocks.ts): a command exits as its comment says (`# exits 5`, else 0), prints as
// many records as a count comment says (`# 2 demo projects`) and the text of a `# prints: …` comment; in `console`
// blocks, every output line shown under a `$ ` command is printed; a TS block exits 0 and prints what its `// → …`
// comments say, in order. Install and build lines (npm, npx, node, eval, cd, git) are not run; blocks marked
// `<!-- doc-test: skip (reason) -->` are left out.
//
// The servers run in this process, so the examples run as child processes without blocking it (never spawnSync:
// the server could not answer while the event loop waits). Blocks share nothing, so a README's blocks run
// concurrently.
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
import { DEMO_USERS, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../packages/cli/test/e2e/harness.js';
import { type Block, type CommandExample, expectedLineMatches, readmeBlocks, recordCount } from './readme-blocks.js';

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

const runs = (c: CommandExample) => !NOT_RUN.has(c.command.trim().split(/\s+/)[0] ?? '');

let work: string;
let bin: string;

beforeAll(() => {
  ensureBuilt();
  for (const dist of ['packages/client/dist', 'packages/server/dist']) {
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
  // TS blocks resolve `brainstem-api-tools`, `brainstem-server` and tsx through the repository's node_modules.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

for (const readme of READMES) {
  const blocks = readmeBlocks(readFileSync(join(root, readme), 'utf8')).filter(
    (b) => b.lang === 'ts' || b.commands.some(runs),
  );

  describe.concurrent(readme, () => {
    for (const block of blocks) {
      const name = `${block.lang === 'ts' ? 'TypeScript' : 'shell'} block at line ${block.line}`;
      it(name, () => withDemoServer(block), 120_000);
    }
  });

  /** A fresh demo server, HOME and working directory for one block. */
  async function withDemoServer(block: Block) {
    const server = await startServer({ port: 0, seed: 'demo', quiet: true });
    const dir = join(work, `${readme.replaceAll('/', '_')}-${block.line}`);
    const home = join(dir, 'home');
    mkdirSync(home, { recursive: true });
    symlinkSync(join(root, 'examples'), join(dir, 'examples'));
    const env: Record<string, string> = {
      PATH: `${bin}:${process.env.PATH}`,
      LANG: 'C.UTF-8',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      CI: '1',
    };
    // The READMEs' setup: log in to the demo server once with Alice's token, which makes it the default server
    // for the CLI and the client (config.json) and caches the token for it.
    const login = await run(join(bin, 'brainstem'), ['login', '--url', server.url, '--token', DEMO_USERS.alice.token], {
      cwd: dir,
      env,
      timeoutMs: 30_000,
    });
    expect(login.code, login.stderr).toBe(0);
    const local = (text: string) =>
      text
        .replaceAll(DOC_URL, server.url)
        .replaceAll(DOC_URL.slice(0, -1), server.url.slice(0, -1))
        .replaceAll(DOC_HOME, home);
    try {
      if (block.lang === 'shell') await runShellBlock(block, dir, env, local);
      else await runTsBlock(block, dir, env, local);
    } finally {
      await server.close();
    }
  }

  async function runShellBlock(block: Block, dir: string, env: Record<string, string>, local: (t: string) => string) {
    const commands = block.commands.filter(runs);
    const out = join(dir, 'out');
    mkdirSync(out);
    // One script per block, so variables set by one line (`id=$(…)`) reach the next.
    const script = commands
      .map((c, i) => `{\n${local(c.command)}\n} >"${out}/${i}.out" 2>"${out}/${i}.err"\necho $? >"${out}/${i}.code"`)
      .join('\n');
    const r = await run('bash', ['-c', script], { cwd: dir, env, timeoutMs: 110_000 });
    expect(r.code, r.stderr).toBe(0);
    for (const [i, c] of commands.entries()) {
      const read = (ext: string) => readFileSync(join(out, `${i}.${ext}`), 'utf8');
      const stdout = read('out');
      const stderr = read('err');
      const where = `${readme}:${c.line}: ${c.command}\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr}`;
      expect(Number(read('code')), where).toBe(c.exitCode);
      if (c.count !== undefined) expect(recordCount(stdout, c.command), where).toBe(c.count);
      if (c.prints !== undefined) expect(stdout, where).toContain(local(c.prints));
      const printed = `${stdout}\n${stderr}`.split(/\r?\n/).map((l) => l.trimEnd());
      for (const expected of c.output) {
        const line = local(expected);
        expect(
          printed.some((p) => expectedLineMatches(line, p)),
          `${where}\nexpected a line: ${line}`,
        ).toBe(true);
      }
    }
  }

  async function runTsBlock(block: Block, dir: string, env: Record<string, string>, local: (t: string) => string) {
    let code = local(block.code);
    // Snippets continue from the README's `const client = new BrainstemClient()`.
    if (/\bclient\./.test(code) && !/\bconst client\b/.test(code)) {
      code = `import { BrainstemClient as __Client } from 'brainstem-api-tools';\nconst client = new __Client();\n${code}`;
    }
    const file = join(dir, 'example.mts');
    writeFileSync(file, `${code}\nexport {};\n`);
    const r = await run(process.execPath, ['--import', 'tsx', file], { cwd: dir, env, timeoutMs: 55_000 });
    const where = `${readme}:${block.line}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
    expect(r.code, where).toBe(0);
    let from = 0;
    for (const [, expected] of block.code.matchAll(/\/\/ → (.+)$/gm)) {
      const at = r.stdout.indexOf(local(expected as string).trim(), from);
      expect(at, `${where}\nexpected output: ${expected}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  }
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

  it('matches output lines exactly, except that any UUID stands for any UUID', () => {
    const shown = '2     created   PC-M03  3fa85f64-5717-4562-b3fc-2c963f66afa6  (n…';
    expect(expectedLineMatches(shown, '2     created   PC-M03  0af97696-d033-4f84-8023-522250915f4f  (n…')).toBe(true);
    expect(expectedLineMatches(shown, '2     created   PC-M04  0af97696-d033-4f84-8023-522250915f4f  (n…')).toBe(false);
    expect(expectedLineMatches('a (b) [c]', 'a (b) [c]   ')).toBe(true);
    expect(expectedLineMatches('count: 1', 'count: 10')).toBe(false);
  });
});
