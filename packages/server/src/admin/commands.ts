/**
 * Administration subcommands of `brainstem-server` on a database file, for a server started without demo data:
 *
 *   brainstem-server user create --db FILE --email EMAIL [--password PW] [--staff] [--first-name F] [--last-name L]
 *   brainstem-server user list --db FILE
 *   brainstem-server token create --db FILE --user EMAIL [--name NAME]
 *
 * `user create` reads the password from a terminal prompt or the first line of stdin when `--password` is not
 * given (a password on the command line ends up in shell history and process lists).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type BetterSqlite3 from 'better-sqlite3';
import { createToken } from '../auth/tokens.js';
import { createUser, findUserByEmail } from '../auth/users.js';
import { openDatabase } from '../db/open.js';
import { EMAIL } from '../records/addresses.js';
import { checkPassword, type PasswordSource, readNewPassword } from './password-input.js';

/** A failed command: `message` for stderr, `exitCode` 2 for usage errors, 1 otherwise. */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export interface AdminIo extends PasswordSource {
  stdout: { write(text: string): unknown };
}

export const ADMIN_USAGE = `       brainstem-server user create --db FILE --email EMAIL [--staff] [--first-name F] [--last-name L]
       brainstem-server user list --db FILE
       brainstem-server token create --db FILE --user EMAIL [--name NAME]`;

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AdminError(`${(e as Error).message}\nusage: ${usage}`);
  }
}

/** Opens `file`; `create` allows a new file (a first user before the first start), else it must exist. */
function open(file: string | undefined, what: string, create: boolean): BetterSqlite3.Database {
  if (!file || file === ':memory:') throw new AdminError(`${what} needs --db FILE (the database the server uses)`);
  // Opening a missing path would create an empty database: only a first `user create` may do that.
  if (!create && !existsSync(file)) {
    throw new AdminError(`no database at ${file} (create a user with --db ${file}, or start the server with it)`);
  }
  return openDatabase(file);
}

async function userCreate(argv: string[], io: AdminIo): Promise<void> {
  const usage = 'brainstem-server user create --db FILE --email EMAIL [--staff] [--first-name F] [--last-name L]';
  const { values, positionals } = parse(
    argv,
    {
      db: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      staff: { type: 'boolean' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
    },
    usage,
  );
  if (positionals.length > 0) throw new AdminError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
  const email = (values.email ?? '').trim().toLowerCase();
  if (!email) throw new AdminError(`user create needs --email EMAIL\nusage: ${usage}`);
  if (!EMAIL.test(email)) throw new AdminError(`--email: "${email}" is not a valid email address`);
  if (values.password !== undefined) {
    try {
      checkPassword(values.password);
    } catch (e) {
      throw new AdminError(`--password: ${(e as Error).message}`);
    }
  }
  const db = open(values.db, 'user create', true);
  try {
    if (findUserByEmail(db, email)) throw new AdminError(`a user with email ${email} already exists`, 1);
    let password = values.password;
    if (password === undefined) {
      try {
        password = await readNewPassword(io);
      } catch (e) {
        throw new AdminError((e as Error).message);
      }
    }
    const user = createUser(db, {
      email,
      password,
      first_name: values['first-name'] ?? '',
      last_name: values['last-name'] ?? '',
      is_staff: values.staff === true,
    });
    io.stdout.write(`Created ${user.is_staff ? 'staff user' : 'user'} ${user.email} (id ${user.id}).\n`);
  } finally {
    db.close();
  }
}

function userList(argv: string[], io: AdminIo): void {
  const { values } = parse(argv, { db: { type: 'string' } }, 'brainstem-server user list --db FILE');
  const db = open(values.db, 'user list', false);
  try {
    const rows = db
      .prepare(
        `SELECT u.id, u.email, trim(u.first_name || ' ' || u.last_name) AS name, u.is_staff,
                (SELECT count(*) FROM tokens t WHERE t.user_id = u.id) AS tokens
         FROM users u ORDER BY u.id`,
      )
      .all() as { id: number; email: string; name: string; is_staff: number; tokens: number }[];
    const table = [
      ['ID', 'EMAIL', 'NAME', 'STAFF', 'TOKENS'],
      ...rows.map((r) => [String(r.id), r.email, r.name, r.is_staff ? 'yes' : 'no', String(r.tokens)]),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    for (const row of table)
      io.stdout.write(
        `${row
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
      );
  } finally {
    db.close();
  }
}

function tokenCreate(argv: string[], io: AdminIo): void {
  const usage = 'brainstem-server token create --db FILE --user EMAIL [--name NAME]';
  const { values, positionals } = parse(
    argv,
    { db: { type: 'string' }, user: { type: 'string' }, name: { type: 'string' } },
    usage,
  );
  if (positionals[0] !== 'create') throw new AdminError(`usage: ${usage}`);
  if (!values.user) throw new AdminError('token create needs --user EMAIL');
  const db = open(values.db, 'token create', false);
  try {
    const user = findUserByEmail(db, values.user);
    if (!user) throw new AdminError(`no user with email ${values.user} in ${values.db}`);
    io.stdout.write(`${createToken(db, user.id, values.name ?? 'created with brainstem-server token create')}\n`);
  } finally {
    db.close();
  }
}

/**
 * Runs `user …` or `token …` (argv after the command word). Throws {@link AdminError} for the user to read.
 *
 * @example
 * ```ts
 * await runAdmin('user', ['list', '--db', 'lab.sqlite'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runAdmin(command: 'user' | 'token', argv: string[], io: AdminIo): Promise<void> {
  if (command === 'token') return tokenCreate(argv, io);
  const [sub, ...rest] = argv;
  if (sub === 'create') return userCreate(rest, io);
  if (sub === 'list') return userList(rest, io);
  throw new AdminError(`unknown user command "${sub ?? ''}": use user create or user list`);
}
