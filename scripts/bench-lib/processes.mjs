// Helpers for benchmarks that must not share a process with what they measure: a local server in a child process,
// a script in a child process (its own peak RSS), and the built CLI.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'packages/cli/dist/brainstem.js');

/** Starts `startServer(options)` in a child process; resolves with its URL and a `close()`. */
export function spawnServer(options) {
  const code = `import { startServer } from 'brainstem-server';
    const s = await startServer(${JSON.stringify({ port: 0, seed: 'demo', quiet: true, ...options })});
    process.stdout.write(s.url + '\\n');
    process.stdin.on('end', () => s.close().then(() => process.exit(0))).resume();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (c) => reject(new Error(`server exited with ${c}`)));
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        child.removeAllListeners('exit');
        resolve({
          url: out.trim(),
          close: () =>
            new Promise((r) => {
              child.on('exit', r);
              child.stdin.end();
            }),
        });
      }
    });
  });
}

/** Runs an ES module snippet in a child process (with `nodeArgs`); resolves with its stdout parsed as JSON. */
export function runScript(code, env = {}, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
    });
    child.on('exit', (c) => (c === 0 ? resolve(JSON.parse(out)) : reject(new Error(`script exited with ${c}`))));
  });
}

/** Runs the built CLI; resolves with exit code and output. */
export function runCli(args, env = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve) => {
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err }));
  });
}
