import { type Command, Option } from 'commander';
import { FORMATS } from './format/index.js';

/** Commander option parser that collects repeated values: `--fields a --fields b` → ['a', 'b']. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Adds `-f, --format` and `--fields` to a command that prints records.
 *
 * @example
 * ```ts
 * addFormatOptions(program.command('load'), 'json');
 * ```
 */
export function addFormatOptions(cmd: Command, fallback = 'json'): Command {
  return cmd
    .addOption(
      new Option(
        '-f, --format <format>',
        `output format (default: ${fallback}; JSON is indented on a terminal)`,
      ).choices(FORMATS),
    )
    .option('--fields <names>', 'only these fields/columns, comma-separated or repeated (e.g. id,name)', collect);
}

/** Adds the `--portal` option. */
export function addPortalOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--portal <portal>', 'API portal: private (your data, needs a token) or public').choices([
      'private',
      'public',
    ]),
  );
}

/** An "Examples:" help section. */
export function examples(cmd: Command, lines: readonly string[]): Command {
  return cmd.addHelpText(
    'after',
    `\nExamples:\n${lines.map((l) => (l.startsWith('#') ? `  ${l}` : `  $ ${l}`)).join('\n')}\n`,
  );
}
