/** `brainstem-server` run from source as a child process, with its output captured. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The command's entry point and the directory it runs in. */
export const SERVER_BIN = join(import.meta.dirname, '../src/bin.ts');
export const REPO_ROOT = join(import.meta.dirname, '../../..');

export interface ServerProcess {
  child: ChildProcess;
  /** The server's URL once its one stdout line is out; rejects when the process ends first. */
  ready: Promise<string>;
  /** The exit code, once the process has ended and its output is read. */
  exited: Promise<number | null>;
  out(): string;
  err(): string;
}

/** Start `brainstem-server ARGS`; `stdin` is written and closed (no stdin at all when omitted). */
export function spawnServer(args: string[], stdin?: string): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_BIN, ...args], {
    cwd: REPO_ROOT,
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  if (stdin !== undefined) child.stdin?.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const m = /listening on (http:\/\/\S+\/)\n/.exec(stdout);
      if (m) resolve(m[1] as string);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  // Commands that never serve end before `ready`; only callers that await it see the rejection.
  ready.catch(() => {});
  return { child, ready, exited, out: () => stdout, err: () => stderr };
}

/** Run `brainstem-server ARGS` to the end. */
export async function runServer(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawnServer(args, stdin);
  const code = await p.exited;
  return { code, stdout: p.out(), stderr: p.err() };
}
