import { Command } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import type { Ctx } from './context.js';
import { EXIT_CODE_HELP } from './exit-codes.js';
import { helpWidth } from './io.js';
import { afterHelp } from './options.js';

/** The CLI's version (from packages/cli/package.json, inlined by the bundler). */
export const VERSION: string = pkg.version;

/** Defines a command's arguments, options, help and action on `cmd` (`program` is the whole tree). */
type Define = (cmd: Command, ctx: Ctx, program: Command) => Command;

/**
 * Every command, in help order: its name, one-line description and the arguments the command list shows after the
 * name (what `--help` and an unknown command's suggestion need), and the module that defines the rest. A run imports only the module of the command it runs
 * (`completion`, which describes every command, imports them all), so start-up never pays for the others.
 */
export const COMMANDS: ReadonlyArray<{
  name: string;
  usage: string;
  description: string;
  define: () => Promise<Define>;
}> = [
  {
    name: 'login',
    usage: '[options]',
    description:
      'log in and cache a token for the server (browser by default; never prints the token); --url makes it the default',
    define: async () => (await import('./commands/login.js')).loginCommand,
  },
  {
    name: 'logout',
    usage: '[options]',
    description: 'remove the cached token for the server (--url), or for every server (--all)',
    define: async () => (await import('./commands/logout.js')).logoutCommand,
  },
  {
    name: 'whoami',
    usage: '[options]',
    description: 'show who you are logged in as, on which server, and where the token is cached (never the token)',
    define: async () => (await import('./commands/whoami.js')).whoamiCommand,
  },
  {
    name: 'status',
    usage: '[options]',
    description: 'show the server in use (and why), whether it answers, the user and where the token came from',
    define: async () => (await import('./commands/status.js')).statusCommand,
  },
  {
    name: 'use',
    usage: '[url]',
    description: 'make a server the default for later commands (same as `config set url`); no URL: print it',
    define: async () => (await import('./commands/config.js')).useCommand,
  },
  {
    name: 'config',
    usage: '',
    description: 'read or change settings (url: the default server) in ~/.config/brainstem/config.json',
    define: async () => (await import('./commands/config.js')).configCommand,
  },
  {
    name: 'load',
    usage: '[options] <model>',
    description: 'load records: one page, one record (--id) or every page (--all)',
    define: async () => (await import('./commands/load.js')).loadCommand,
  },
  {
    name: 'save',
    usage: '[options] <model>',
    description: 'create or update records (--data JSON, @file or - for stdin; an array saves each item)',
    define: async () => (await import('./commands/save.js')).saveCommand,
  },
  {
    name: 'delete',
    usage: '[options] <model>',
    description: 'delete records by id (repeat --id for several)',
    define: async () => (await import('./commands/delete.js')).deleteCommand,
  },
  {
    name: 'action',
    usage: '[options] <model> <id> <action>',
    description: "run a record's special action (add_entry, accept, reject, join, leave, …)",
    define: async () => (await import('./commands/action.js')).actionCommand,
  },
  {
    name: 'import',
    usage: '[options] <type> <file>',
    description: 'import a spreadsheet (CSV in the web import tool format): find or create a record per row',
    define: async () => (await import('./commands/import.js')).importCommand,
  },
  {
    name: 'export',
    usage: '[options] <type>',
    description: 'export records as a CSV in the import template format (brainstem import reads it back)',
    define: async () => (await import('./commands/export.js')).exportCommand,
  },
  {
    name: 'models',
    usage: '[options] [model]',
    description: 'list the models (app, portals, actions), or show one model: fields, filters, includes',
    define: async () => (await import('./commands/models.js')).modelsCommand,
  },
  {
    name: 'completion',
    usage: '[shell]',
    description: 'print a shell completion script (bash or zsh)',
    define: async () => (await import('./commands/completion.js')).completionCommand,
  },
];

/** Global options that take a value (`--url X`): skipped when looking for the command name. */
const GLOBAL_VALUE_OPTIONS = new Set(['--token', '--url', '--timeout']);

/**
 * The commands a command line needs defined in full: the one it runs (`help load` and `load --help`: load), every
 * one for `completion`, none for `--help` alone or an unknown command.
 *
 * @example
 * ```ts
 * commandsToDefine(['--url', 'http://h/', 'load', 'session']); // ['load']
 * ```
 */
export function commandsToDefine(argv: readonly string[]): string[] {
  const operands: string[] = [];
  for (let i = 0; i < argv.length && operands.length < 2; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (GLOBAL_VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    operands.push(arg);
  }
  const [first, second] = operands;
  const name = first === 'help' ? second : first;
  if (name === 'completion') return COMMANDS.map((c) => c.name);
  return COMMANDS.some((c) => c.name === name) ? [name as string] : [];
}

const ENV_HELP = `Environment:
  BRAINSTEM_TOKEN, BRAINSTEM_API_TOKEN  API token (when --token is not given)
  BRAINSTEM_URL                         server URL (when --url is not given; overrides \`brainstem use\`)
  BRAINSTEM_LOG=debug                   log requests (token redacted) on stderr
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY     proxy for https / http URLs, hosts to reach directly (lower-case too)
  XDG_CONFIG_HOME                       config directory: $XDG_CONFIG_HOME/brainstem (default ~/.config/brainstem), holding tokens.json (the token cache) and config.json (the default server, per-server settings)`;

/**
 * The whole command tree. Every command accepts the global options (`--token`, `--url`, `--headless`, …),
 * before or after its name.
 *
 * @example
 * ```ts
 * const argv = ['load', 'session'];
 * await (await buildProgram(ctx, argv)).parseAsync(argv, { from: 'user' });
 * ```
 */
export async function buildProgram(ctx: Ctx, argv: readonly string[]): Promise<Command> {
  const program = new Command('brainstem');
  program
    .description('Log in to BrainSTEM and load, save, delete, import and export its records from the shell.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .option(
      '--token <token>',
      'API token (default: $BRAINSTEM_TOKEN, $BRAINSTEM_API_TOKEN, or the token cached by login)',
    )
    .option(
      '--url <url>',
      'BrainSTEM server (default: $BRAINSTEM_URL, else the one saved by `brainstem use`, else https://www.brainstem.org/)',
    )
    .option('--headless', 'never open a browser to log in: print the URL and code to enter on any device')
    .option(
      '--allow-insecure',
      'send the token or password over plain http:// to a server that is not loopback (save it per server: `brainstem config set allow-insecure true`)',
    )
    .option('--timeout <seconds>', 'give up on a request after this long (default 30)')
    .option('--retries <n>', 'retries of a failed request (default 5 for reads, 2 for writes; 0: none)')
    .option('-q, --quiet', 'no progress bar or messages on stderr (errors are still printed)')
    .option('--debug', 'on errors, print the response body and stack trace; log requests')
    .configureHelp({
      showGlobalOptions: true,
      // Wrap option and command descriptions even beside the long `action …` term (commander's default needs 40).
      minWidthToWrap: 20,
      sortSubcommands: false,
      // A command not defined in full on this run still lists its arguments.
      subcommandTerm: (cmd) =>
        [cmd.name(), COMMANDS.find((c) => c.name === cmd.name())?.usage ?? cmd.usage()].filter(Boolean).join(' '),
    })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      // One prefix for every error line, commander's usage errors included: `brainstem: <what happened>`.
      outputError: (s, write) => write(s.replace(/^error: /, 'brainstem: ')),
      getOutHelpWidth: () => helpWidth(ctx.io.columns),
      getErrHelpWidth: () => helpWidth(ctx.io.columns),
    });
  afterHelp(
    program,
    `
Examples:
  $ brainstem login                                   # browser login; the token is cached per server
  $ brainstem load session --filters name.icontains=rat --sort -name
  $ brainstem load project --portal public --all --format csv > projects.csv
  $ brainstem save session --data '{"name":"S1","projects":["<uuid>"]}'
  $ brainstem delete session --id <uuid>
  $ brainstem import subjects subjects.csv --dry-run  # spreadsheet import (web import tool templates)
  $ brainstem export sessions > sessions.csv          # the same format, read back by import
  $ brainstem models session                          # fields, filters and includes of a model

${EXIT_CODE_HELP}

${ENV_HELP}
`,
  );

  const full = new Set(commandsToDefine(argv));
  const defined: Array<Promise<unknown>> = [];
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).description(entry.description);
    if (!full.has(entry.name)) continue;
    defined.push(
      entry.define().then((define) => {
        define(cmd, ctx, program);
        afterHelp(
          cmd,
          'Exit codes: 0 ok, 1 other, 2 usage, 3 auth (401), 4 not found, 5 rejected (400/403), ' +
            "6 network/timeout/5xx, 7 incomplete output, 130 interrupted. Details: 'brainstem --help'.\n",
        );
      }),
    );
  }
  await Promise.all(defined);
  return program;
}
