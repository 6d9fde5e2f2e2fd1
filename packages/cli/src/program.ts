import { Command } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { actionCommand } from './commands/action.js';
import { completionCommand } from './commands/completion.js';
import { configCommand, useCommand } from './commands/config.js';
import { deleteCommand } from './commands/delete.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { loadCommand } from './commands/load.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { modelsCommand } from './commands/models.js';
import { saveCommand } from './commands/save.js';
import { statusCommand } from './commands/status.js';
import { whoamiCommand } from './commands/whoami.js';
import type { Ctx } from './context.js';
import { EXIT_CODE_HELP } from './exit-codes.js';

/** The CLI's version (from packages/cli/package.json, inlined by the bundler). */
export const VERSION: string = pkg.version;

const ENV_HELP = `Environment:
  BRAINSTEM_TOKEN, BRAINSTEM_API_TOKEN  API token (when --token is not given)
  BRAINSTEM_URL                         server URL (when --url is not given; overrides \`brainstem use\`)
  BRAINSTEM_LOG=debug                   log requests (token redacted) on stderr
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY      proxy for https / http URLs, hosts to reach directly (lower-case too)
  XDG_CONFIG_HOME                       config directory: $XDG_CONFIG_HOME/brainstem (default ~/.config/brainstem),
                                        holding tokens.json (the token cache) and config.json (the default server)`;

/**
 * The whole command tree. Every command accepts the global options (`--token`, `--url`, `--headless`, …),
 * before or after its name.
 *
 * @example
 * ```ts
 * await buildProgram(ctx).parseAsync(['load', 'session'], { from: 'user' });
 * ```
 */
export function buildProgram(ctx: Ctx): Command {
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
    .option('--timeout <seconds>', 'give up on a request after this long (default 30)')
    .option('-q, --quiet', 'no progress bar or messages on stderr (errors are still printed)')
    .option('--debug', 'on errors, print the response body and stack trace; log requests')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      // One prefix for every error line, commander's usage errors included: `brainstem: <what happened>`.
      outputError: (s, write) => write(s.replace(/^error: /, 'brainstem: ')),
    })
    .addHelpText(
      'after',
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

  loginCommand(program.command('login'), ctx);
  logoutCommand(program.command('logout'), ctx);
  whoamiCommand(program.command('whoami'), ctx);
  statusCommand(program.command('status'), ctx);
  useCommand(program.command('use'), ctx);
  configCommand(program.command('config'), ctx);
  loadCommand(program.command('load'), ctx);
  saveCommand(program.command('save'), ctx);
  deleteCommand(program.command('delete'), ctx);
  actionCommand(program.command('action'), ctx);
  importCommand(program.command('import'), ctx);
  exportCommand(program.command('export'), ctx);
  modelsCommand(program.command('models'), ctx);
  completionCommand(program.command('completion'), ctx, program);
  for (const cmd of program.commands) {
    cmd.addHelpText(
      'after',
      'Exit codes: 0 ok, 1 other, 2 usage, 3 auth (401), 4 not found, 5 rejected (400/403),\n' +
        "            6 network/timeout/5xx, 7 incomplete output, 130 interrupted. Details: 'brainstem --help'.\n",
    );
  }
  return program;
}
