import { findModel, PORTALS } from 'brainstem-api-description';
import { type Command, Option } from 'commander';
import { UsageError } from './errors.js';
import { FORMATS } from './format/index.js';
import { fitText } from './format/wrap.js';

/**
 * Commander option parser that appends each value to those before it, so an option may be repeated (`--fields a
 * --fields b` → ['a', 'b']) and a variadic one both repeated and given several values (`--sort a b --sort c` →
 * ['a', 'b', 'c']).
 */
export function appendValue(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Adds `--filters FIELD=VALUE…` (repeatable) and its singular spelling `--filter`, which people type as often; the
 * singular is not listed in the help and its values join `filters` before the command runs.
 *
 * @example
 * ```ts
 * addFiltersOption(program.command('load'), 'filters, AND-ed');
 * ```
 */
export function addFiltersOption(cmd: Command, description: string): Command {
  cmd
    .option('--filters <field=value...>', description, appendValue)
    .addOption(new Option('--filter <field=value...>').hideHelp().argParser(appendValue));
  return cmd.hook('preAction', (self) => {
    const { filter, filters } = self.opts() as { filter?: string[]; filters?: string[] };
    if (filter) self.setOptionValue('filters', [...(filters ?? []), ...filter]);
  });
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
    .option('--fields <names>', 'only these fields/columns, comma-separated or repeated (e.g. id,name)', appendValue);
}

/** Adds the `--portal` option. */
export function addPortalOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--portal <portal>', 'API portal: private (your data, needs a token) or public').choices([...PORTALS]),
  );
}

/**
 * Text after a command's help, fitted to the help width (the terminal's, see `Io.columns`) when it is printed.
 *
 * @example
 * ```ts
 * afterHelp(cmd, '\nOutput: nothing on stdout.\n');
 * ```
 */
export function afterHelp(cmd: Command, text: string): Command {
  return cmd.addHelpText('after', () => fitText(text, cmd.configureOutput().getOutHelpWidth?.() ?? 80));
}

/** An "Examples:" help section. */
export function examples(cmd: Command, lines: readonly string[]): Command {
  return afterHelp(cmd, `\nExamples:\n${lines.map((l) => (l.startsWith('#') ? `  ${l}` : `  $ ${l}`)).join('\n')}\n`);
}

/**
 * Replaces commander's usage error with a clearer one (still exit 2) where `explain` knows better: it receives the
 * message and commander's error code and answers the message to show, or nothing to keep commander's.
 *
 * @example
 * ```ts
 * explainUsageError(cmd, (message, code) => (code === 'commander.unknownOption' ? `${message} (see --help)` : undefined));
 * ```
 */
export function explainUsageError(
  cmd: Command,
  explain: (message: string, code: string | undefined) => string | undefined,
): Command {
  const error = cmd.error.bind(cmd);
  cmd.error = (message: string, options?: { code?: string; exitCode?: number }): never => {
    const better = explain(message, options?.code);
    if (better !== undefined) throw new UsageError(better);
    return error(message, options);
  };
  return cmd;
}

/**
 * When the model argument is missing because a variadic option (`--filters a=b session`) took it as one of its
 * values, say so (usage error, exit 2) instead of commander's bare "missing required argument 'model'".
 *
 * @example
 * ```ts
 * explainSwallowedModel(cmd, ['filters', 'sort', 'include']);
 * ```
 */
export function explainSwallowedModel(cmd: Command, variadic: readonly string[]): Command {
  return explainUsageError(cmd, (message, code) => {
    const name = /missing required argument '([^']+)'/.exec(message)?.[1];
    if (code !== 'commander.missingArgument' || !name) return undefined;
    const opts = cmd.opts() as Record<string, unknown>;
    for (const key of variadic) {
      const values = opts[key];
      const model = Array.isArray(values) ? values.find((v) => typeof v === 'string' && findModel(v)) : undefined;
      if (model !== undefined) {
        const shown = cmd.options.filter((o) => !o.hidden && variadic.includes(o.attributeName()));
        const flags = shown.map((o) => o.long).join('/');
        return (
          `missing the ${name}: --${key} took "${model}" as one of its values. Put the ${name} before ` +
          `${flags}, or end their values with -- (brainstem ${cmd.name()} ${model} --${key} … or ` +
          `brainstem ${cmd.name()} --${key} … -- ${model})`
        );
      }
    }
    return undefined;
  });
}
