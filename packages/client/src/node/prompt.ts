/**
 * Terminal prompts (Node): plain questions, and hidden input for passwords (raw mode, no echo). `node:readline`
 * is imported when a question is asked, so start-up does not pay for it.
 * @module
 */

/**
 * Whether a person can answer: stdin and stderr are terminals and `CI` is unset.
 *
 * @example
 * ```ts
 * if (canPrompt()) await client.login();
 * ```
 */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY && !process.env.CI);
}

/**
 * Asks on stderr and reads one line from stdin; `hidden` suppresses the echo.
 *
 * @example
 * ```ts
 * const pw = await prompt('Password: ', { hidden: true });
 * ```
 */
export async function prompt(question: string, opts: { hidden?: boolean } = {}): Promise<string> {
  const { stdin, stderr } = process;
  if (opts.hidden && stdin.isTTY) {
    return new Promise((resolve, reject) => {
      stderr.write(question);
      let value = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const done = (err?: Error) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        stderr.write('\n');
        if (err) reject(err);
        else resolve(value);
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
          if (ch === '\u0003') return done(new Error('cancelled'));
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
  }
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: stdin, output: stderr, terminal: Boolean(stdin.isTTY) });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}
