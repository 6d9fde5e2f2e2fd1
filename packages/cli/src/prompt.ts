import { createInterface } from 'node:readline';
import { AbortError } from 'brainstem-api-tools';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/**
 * Reads answers for `login --password`: on a terminal it prompts on stderr (the password without echo); when
 * stdin is a pipe it reads one line per answer (`printf 'me@lab.org\nsecret\n' | brainstem login --password`).
 *
 * @example
 * ```ts
 * const p = new Prompter(io);
 * const email = await p.line('Email: ');
 * const password = await p.hidden('Password: ');
 * p.close();
 * ```
 */
export class Prompter {
  private lines: AsyncIterator<string> | undefined;
  private rl: ReturnType<typeof createInterface> | undefined;

  constructor(private readonly io: Io) {}

  private async nextLine(what: string): Promise<string> {
    if (!this.rl) {
      this.rl = createInterface({ input: this.io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
      this.lines = this.rl[Symbol.asyncIterator]();
    }
    const next = await (this.lines as AsyncIterator<string>).next();
    if (next.done) throw new UsageError(`login --password: stdin ended before the ${what} was given`);
    return next.value;
  }

  /** A visible answer (e.g. the email). */
  async line(question: string, what = 'answer'): Promise<string> {
    if (this.io.stdinIsTTY) this.io.err(question);
    return (await this.nextLine(what)).trim();
  }

  /** A hidden answer (the password): nothing is echoed on a terminal. */
  async hidden(question: string, what = 'password'): Promise<string> {
    const stdin = this.io.stdin;
    if (!this.io.stdinIsTTY || typeof stdin.setRawMode !== 'function') return this.nextLine(what);
    this.rl?.close();
    this.rl = undefined;
    this.io.err(question);
    return new Promise<string>((resolve, reject) => {
      let answer = '';
      const setRaw = stdin.setRawMode as (raw: boolean) => unknown;
      setRaw.call(stdin, true);
      stdin.resume();
      const finish = (err?: Error) => {
        stdin.off('data', onData);
        setRaw.call(stdin, false);
        stdin.pause();
        this.io.err('\n');
        if (err) reject(err);
        else resolve(answer);
      };
      const onData = (chunk: Buffer | string) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
          if (ch === '\u0003') {
            return finish(new AbortError('interrupted'));
          }
          if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
          else if (ch >= ' ') answer += ch;
        }
      };
      stdin.on('data', onData);
    });
  }

  close(): void {
    this.rl?.close();
  }
}
