// Every example in the READMEs runs: shell lines (`brainstem …`, `curl …`) and TypeScript blocks, against a fresh
// demo server per README (`seed: 'demo'`), as the demo user Alice (BRAINSTEM_URL + BRAINSTEM_TOKEN), with the
// README's `http://127.0.0.1:8000/` pointed at that server. A command must exit as its comment says (`# exits 5`,
// else 0) and print as many records as a count comment says (`# 2 demo projects`); a TS block must exit 0 and
// print what its `// → …` comments say, in order. Install and build lines (npm, npx, node, eval, cd, git) are not
// run; blocks marked `<!-- doc-test: skip (reason) -->` (browser logins) are left out.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../packages/cli/test/e2e/harness.js';
import { type Block, type CommandExample, readmeBlocks } from './readme-blocks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const READMES = ['README.md', 'packages/cli/README.md', 'packages/client/README.md', 'packages/server/README.md'];
const NOT_RUN = new Set(['npm', 'npx', 'node', 'eval', 'cd', 'git']);
const DOC_URL = 'http://127.0.0.1:8000/';

/** How many records a command printed: a JSON body's list, a JSON array, CSV rows or NDJSON/table lines. */
export function recordCount(stdout: string, command: string): number {
  const text = stdout.trim();
  if (!text) return 0;
  try {
    const body = JSON.parse(text) as unknown;
    if (Array.isArray(body)) return body.length;
    const list = Object.values(body as object).find(Array.isArray) as unknown[] | undefined;
    if (list) return list.length;
    return 1;
  } catch {
    const lines = text.split(/\r?\n/).length;
    return /--format[ =](csv|table)/.test(command) ? lines - 1 : lines;
  }
}

const runs = (c: CommandExample) => !NOT_RUN.has(c.command.trim().split(/\s+/)[0] ?? '');

for (const readme of READMES) {
  const blocks = readmeBlocks(readFileSync(join(root, readme), 'utf8')).filter(
    (b) => b.lang === 'ts' || b.commands.some(runs),
  );

  describe(readme, () => {
    let server: RunningServer;
    let work: string;
    let env: Record<string, string>;

    beforeAll(async () => {
      ensureBuilt();
      server = await startServer({ port: 0, seed: 'demo', quiet: true });
      work = mkdtempSync(join(tmpdir(), 'bs-readme-'));
      const bin = join(work, 'bin');
      mkdirSync(bin);
      writeFileSync(
        join(bin, 'brainstem'),
        `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'packages/cli/dist/brainstem.js')}" "$@"\n`,
      );
      chmodSync(join(bin, 'brainstem'), 0o755);
      // TS blocks resolve `brainstem-api-tools` (and tsx) through the repository's node_modules.
      symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
      env = { PATH: `${bin}:${process.env.PATH}`, LANG: 'C.UTF-8' };
      for (const k of ['HOME', 'XDG_CONFIG_HOME']) env[k] = join(work, 'home');
      env.XDG_CONFIG_HOME = join(work, 'home', '.config');
      env.BRAINSTEM_URL = server.url;
      env.BRAINSTEM_TOKEN = DEMO_USERS.alice.token;
    });
    afterAll(async () => {
      await server?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    const local = (text: string) =>
      text.replaceAll(DOC_URL, server.url).replaceAll(DOC_URL.slice(0, -1), server.url.slice(0, -1));

    for (const block of blocks) {
      if (block.lang === 'shell') it(`shell block at line ${block.line}`, () => runShellBlock(block), 120_000);
      else it(`TypeScript block at line ${block.line}`, () => runTsBlock(block), 60_000);
    }

    function runShellBlock(block: Block) {
      const commands = block.commands.filter(runs);
      const out = join(work, `out-${block.line}`);
      mkdirSync(out);
      // One script per block, so variables set by one line (`id=$(…)`) reach the next.
      const script = commands
        .map((c, i) => `{\n${local(c.command)}\n} >"${out}/${i}.out" 2>"${out}/${i}.err"\necho $? >"${out}/${i}.code"`)
        .join('\n');
      const r = spawnSync('bash', ['-c', script], { cwd: work, env, encoding: 'utf8', timeout: 110_000 });
      expect(r.status, r.stderr).toBe(0);
      for (const [i, c] of commands.entries()) {
        const read = (ext: string) => readFileSync(join(out, `${i}.${ext}`), 'utf8');
        const where = `${readme}:${c.line}: ${c.command}\nstdout: ${read('out').slice(0, 2000)}\nstderr: ${read('err')}`;
        expect(Number(read('code')), where).toBe(c.exitCode);
        if (c.count !== undefined) expect(recordCount(read('out'), c.command), where).toBe(c.count);
      }
    }

    function runTsBlock(block: Block) {
      let code = local(block.code);
      // Snippets continue from the README's `const client = new BrainstemClient()`.
      if (/\bclient\./.test(code) && !/\bconst client\b/.test(code)) {
        code = `import { BrainstemClient as __Client } from 'brainstem-api-tools';\nconst client = new __Client();\n${code}`;
      }
      const file = join(work, `block-${block.line}.mts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', file], {
        cwd: work,
        env,
        encoding: 'utf8',
        timeout: 55_000,
      });
      const where = `${readme}:${block.line}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
      expect(r.status, where).toBe(0);
      let from = 0;
      for (const [, expected] of block.code.matchAll(/\/\/ → (.+)$/gm)) {
        const at = r.stdout.indexOf(local(expected as string).trim(), from);
        expect(at, `${where}\nexpected output: ${expected}`).toBeGreaterThanOrEqual(0);
        from = at;
      }
    }
  });
}
