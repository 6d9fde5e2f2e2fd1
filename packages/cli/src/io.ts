import { isatty } from 'node:tty';

/**
 * The process streams and environment a command runs with. `main.ts` passes the real ones; tests may pass fakes.
 *
 * @example
 * ```ts
 * const io = processIo();
 * io.out('hello\n');
 * ```
 */
export interface Io {
  /** Write to stdout (data only: records, reports). */
  out(text: string): void;
  /** Write to stderr (diagnostics, progress, prompts). */
  err(text: string): void;
  /** stdout is a terminal (pretty JSON, tables). */
  readonly stdoutIsTTY: boolean;
  /** stderr is a terminal (progress bar). */
  readonly stderrIsTTY: boolean;
  /** stdin is a terminal (prompts allowed). */
  readonly stdinIsTTY: boolean;
  /**
   * Width to fit tables and text to: `COLUMNS` when set, else the terminal's width; `Infinity` when stdout is not a
   * terminal (a file or a pipe gets one line per row, never wrapped).
   */
  readonly columns: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Read stdin to the end as UTF-8. */
  readStdin(): Promise<string>;
  /** The raw stdin stream (line-by-line reads for prompts). */
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** Resolves once everything written to stdout has been flushed. */
  flush(): Promise<void>;
  /**
   * Resolves when stdout can take more (its buffer drained), at once if it already can. Streaming commands
   * await it between records so a slow reader slows the download instead of filling memory.
   */
  drain(): Promise<void>;
}

/**
 * The real process streams. `process.stdin` is created on first use: most commands never read it, and creating it
 * costs start-up time (a file on stdin loads the fs streams).
 */
export function processIo(): Io {
  let full = false;
  return {
    out: (text) => {
      if (!process.stdout.write(text)) full = true;
    },
    err: (text) => {
      process.stderr.write(text);
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: isatty(0),
    columns: terminalColumns(process.env.COLUMNS, process.stdout.isTTY ? process.stdout.columns : undefined),
    env: process.env,
    readStdin: () => readAll(process.stdin),
    get stdin() {
      return process.stdin;
    },
    flush: () => new Promise((resolve) => process.stdout.write('', () => resolve())),
    drain: () => {
      if (!full) return Promise.resolve();
      return new Promise((resolve) => {
        process.stdout.once('drain', () => {
          full = false;
          resolve();
        });
      });
    },
  };
}

/**
 * The width output should fit: `COLUMNS` when it is a positive integer, else the terminal's width, else `Infinity`
 * (stdout is a pipe or a file: nothing is wrapped or cut to fit a screen that is not there).
 *
 * @example
 * ```ts
 * terminalColumns('100', 120); // 100
 * terminalColumns(undefined, undefined); // Infinity
 * ```
 */
export function terminalColumns(env: string | undefined, tty: number | undefined): number {
  const fromEnv = Number(env);
  if (env && Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return tty && tty > 0 ? tty : Number.POSITIVE_INFINITY;
}

/** Width for help text: the output width, or 80 when that is unbounded (help read from a file stays readable). */
export function helpWidth(columns: number): number {
  return Number.isFinite(columns) ? columns : 80;
}

/** Read a stream to the end as UTF-8 text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
