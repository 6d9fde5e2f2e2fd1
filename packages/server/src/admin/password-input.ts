/**
 * Reading a new password for `brainstem-server user create` without putting it on the command line: on a
 * terminal it is asked for twice without echo; otherwise the first line of stdin is the password
 * (`printf '%s\n' "$PW" | brainstem-server user create …`).
 */
import type { Readable, Writable } from 'node:stream';

/** Shortest password accepted (Django's MinimumLengthValidator default). */
export const MIN_PASSWORD_LENGTH = 8;

export interface PasswordSource {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stderr: Writable;
}

/** The first line of a non-terminal stdin ('' when it is empty). */
async function firstLine(stdin: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return (text.split('\n')[0] ?? '').replace(/\r$/, '');
}

/** One answer typed on a terminal without echo (Enter ends it, Ctrl-C aborts). */
function hiddenAnswer(src: PasswordSource, question: string): Promise<string> {
  const { stdin, stderr } = src;
  return new Promise((resolve, reject) => {
    let answer = '';
    // Echo goes off before the prompt appears, so nothing typed in answer to it is ever shown.
    stdin.setRawMode?.(true);
    stdin.resume();
    stderr.write(question);
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      if (err) reject(err);
      else resolve(answer);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new Error('interrupted'));
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else if (ch >= ' ') answer += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The new password, from a terminal prompt (typed twice) or stdin's first line; throws an `Error` with a message
 * for the user when it is missing, too short or mistyped.
 *
 * @example
 * ```ts
 * const password = await readNewPassword({ stdin: process.stdin, stderr: process.stderr });
 * ```
 */
export async function readNewPassword(src: PasswordSource): Promise<string> {
  let password: string;
  if (src.stdin.isTTY && typeof src.stdin.setRawMode === 'function') {
    password = await hiddenAnswer(src, 'Password: ');
    checkPassword(password);
    if ((await hiddenAnswer(src, 'Password (again): ')) !== password) throw new Error('the passwords do not match');
  } else {
    password = await firstLine(src.stdin);
    if (password === '') throw new Error('no password: type it at the prompt, or give it as the first line of stdin');
  }
  checkPassword(password);
  return password;
}

/** Throws when a password is too short to accept. */
export function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new Error(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}
