#!/usr/bin/env node
/**
 * `brainstem-server` command line.
 *
 *   brainstem-server [--host 127.0.0.1] [--port 8000] [--db FILE|:memory:] [--seed demo|none]
 *                    [--seed-sessions N] [--latency MS] [--fault-rate R] [--fault-seed S]
 *                    [--pagination full|minimal] [--device-interval S] [--cors ORIGIN…]
 *                    [--request-timeout MS] [--quiet]
 *   brainstem-server user create|list …, token create …   (admin/commands.ts)
 */
import { parseArgs } from 'node:util';
import { ADMIN_USAGE, AdminError, runAdmin } from './admin/commands.js';
import { SqliteAddonError } from './db/native-addon.js';
import { DEMO_USERS } from './demo-users.js';
import { exposureWarning } from './exposure.js';
import type { ServerOptions } from './options.js';
import { startServer } from './server.js';

const USAGE = `Usage: brainstem-server [options]
${ADMIN_USAGE}

Local BrainSTEM-compatible API server.

Options:
  --host HOST            interface to bind (default 127.0.0.1)
  --port N               port, 0 for a free one (default 8000)
  --db FILE              SQLite database file, or :memory: (default)
  --seed demo|none       load the demo users and projects (default none)
  --seed-sessions N      add N sessions to Alice's demo project
  --latency MS           delay every API response
  --fault-rate R         answer this fraction of API requests with 502/503/429/dropped connection
  --fault-seed S         seed of the deterministic fault sequence (default 1)
  --pagination MODE      full (count/next/previous/meta) or minimal (no totals)
  --device-interval S    seconds between device-login polls, 1 or more (default 5)
  --cors ORIGIN          let web pages from ORIGIN (scheme://host[:port]) call the API; repeat the option or
                         separate origins with commas (default none; also BRAINSTEM_CORS=origin,origin)
  --request-timeout MS   time a client has to send a whole request, else 408 (default 60000; 0: no limit)
  --max-connections-per-address N
                         open connections one address may hold; the longest idle is closed past it
                         (default 256; 0: no limit)
  --quiet                no request errors or demo tokens on stderr
  -h, --help             show this help

Accounts: user create asks for the password (or reads the first line of stdin); user list shows every account;
token create prints a new API token for an account.
`;

function fail(message: string): never {
  process.stderr.write(`brainstem-server: ${message}\n`);
  process.exit(2);
}

function num(name: string, v: string | undefined, integer = true): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
    fail(`--${name} expects a number, got "${v}"`);
  return n;
}

/** `--cors` values (repeatable, comma-separated), else `BRAINSTEM_CORS`; checked by the server options. */
function corsOrigins(flags: string[] | undefined): string[] {
  const raw = flags ?? (process.env.BRAINSTEM_CORS ? [process.env.BRAINSTEM_CORS] : []);
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** What to tell the user when the server cannot listen. */
function listenError(e: NodeJS.ErrnoException, options: ServerOptions): string {
  const port = options.port ?? 8000;
  const host = options.host ?? '127.0.0.1';
  if (e.code === 'EADDRINUSE') return `port ${port} is in use; choose another with --port or --port 0`;
  if (e.code === 'EACCES') return `no permission to listen on port ${port}; choose one above 1023 or --port 0`;
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
    return `cannot listen on host ${host}: it is not an address of this machine`;
  }
  return e.message;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'token' || argv[0] === 'user') {
    try {
      return await runAdmin(argv[0], argv.slice(1), {
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
      });
    } catch (e) {
      if (!(e instanceof AdminError)) throw e;
      process.stderr.write(`brainstem-server: ${e.message}\n`);
      process.exit(e.exitCode);
    }
  }
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        db: { type: 'string' },
        seed: { type: 'string' },
        'seed-sessions': { type: 'string' },
        latency: { type: 'string' },
        'fault-rate': { type: 'string' },
        'fault-seed': { type: 'string' },
        pagination: { type: 'string' },
        'device-interval': { type: 'string' },
        cors: { type: 'string', multiple: true },
        'request-timeout': { type: 'string' },
        'max-connections-per-address': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const s = (k: string) => values[k] as string | undefined;
  const options: ServerOptions = {
    host: s('host'),
    port: num('port', s('port')),
    db: s('db'),
    seed: s('seed') as ServerOptions['seed'],
    seedSessions: num('seed-sessions', s('seed-sessions')),
    latency: num('latency', s('latency'), false),
    faultRate: num('fault-rate', s('fault-rate'), false),
    faultSeed: num('fault-seed', s('fault-seed')),
    pagination: s('pagination') as ServerOptions['pagination'],
    deviceInterval: num('device-interval', s('device-interval')),
    quiet: values.quiet === true,
    cors: corsOrigins(values.cors as string[] | undefined),
    requestTimeout: num('request-timeout', s('request-timeout')),
    maxConnectionsPerAddress: num('max-connections-per-address', s('max-connections-per-address')),
  };
  if (options.seedSessions && options.seed !== 'demo') fail('--seed-sessions needs --seed demo');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(options);
  } catch (e) {
    if (e instanceof SqliteAddonError) throw e;
    fail(listenError(e as NodeJS.ErrnoException, options));
  }
  const warning = exposureWarning(server.host, server.ctx.db);
  if (warning) process.stderr.write(warning);
  if (options.seed === 'demo' && !options.quiet) {
    process.stderr.write('Demo users (password brainstem-demo) and tokens:\n');
    for (const [key, u] of Object.entries(DEMO_USERS)) {
      process.stderr.write(`  ${key.padEnd(9)} ${u.email.padEnd(22)} ${u.token}\n`);
    }
  }
  if (!options.quiet) {
    process.stderr.write(`Open ${server.url} in a browser: sign-in, API tokens, the API index and reference.\n`);
  }
  process.stdout.write(`BrainSTEM API server listening on ${server.url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`brainstem-server: error while closing after ${signal}: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  // What the native build needs, not a loader stack: the message says it all.
  if (e instanceof SqliteAddonError) {
    process.stderr.write(`brainstem-server: ${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`brainstem-server: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
