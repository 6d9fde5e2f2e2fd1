import { PassThrough } from 'node:stream';
import type { Io } from '../src/io.js';

/** An in-memory Io for unit tests: captures stdout/stderr, with chosen TTY flags and stdin text. */
export function memoryIo(
  opts: { stdin?: string; tty?: boolean; stderrTTY?: boolean; env?: Record<string, string> } = {},
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? '');
  const io: Io = {
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    stdoutIsTTY: Boolean(opts.tty),
    stderrIsTTY: Boolean(opts.stderrTTY ?? opts.tty),
    stdinIsTTY: false,
    columns: 100,
    env: opts.env ?? {},
    readStdin: async () => opts.stdin ?? '',
    stdin,
    flush: async () => {},
    drain: async () => {},
  };
  return { io, stdout: () => stdout.join(''), stderr: () => stderr.join('') };
}
