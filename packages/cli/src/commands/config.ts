import {
  configFilePath,
  DEFAULT_URL,
  SETTING_KEYS,
  savedServerSettings,
  savedServerUrl,
  writeServerSettings,
  writeSettings,
} from 'brainstem-api-tools';
import type { Command } from 'commander';
import type { Ctx, GlobalOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { examples } from '../options.js';
import { serverSetting } from '../server-setting.js';

type Key = (typeof SETTING_KEYS)[number];

function settingKey(key: string): Key {
  if ((SETTING_KEYS as readonly string[]).includes(key)) return key as Key;
  throw new UsageError(`unknown setting "${key}"; settings: ${SETTING_KEYS.join(', ')}`);
}

/** Tells, on stderr, when BRAINSTEM_URL hides the saved default. */
function noteEnvOverride(ctx: Ctx, g: GlobalOptions): void {
  const env = ctx.io.env.BRAINSTEM_URL?.trim();
  if (env && !g.quiet) ctx.io.err(`Note: BRAINSTEM_URL=${env} is set and overrides this default.\n`);
}

/** Saves `url` as the default server and says so. */
export async function useServer(ctx: Ctx, g: GlobalOptions, url: string): Promise<string> {
  const saved = (await writeSettings({ url })).url as string;
  if (!g.quiet) ctx.io.err(`Default server: ${saved} (saved in ${configFilePath()})\n`);
  noteEnvOverride(ctx, g);
  return saved;
}

/** `true` / `false` for `config set allow-insecure`; anything else is a usage error naming the value. */
function booleanValue(key: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`${key} must be true or false, got "${value}"`);
}

/** The server a per-server setting is about: `--url`, else BRAINSTEM_URL, else the saved default. */
function settingServer(ctx: Ctx, g: GlobalOptions): string {
  return serverSetting(g.url, ctx.io.env).url;
}

/**
 * `brainstem config get|set|unset <key> [value]`: the settings file (`~/.config/brainstem/config.json`, mode 0600).
 * `url` is the default server; `allow-insecure` is a setting of one server (`--url`, else the default server):
 * whether credentials may go to it over plain http.
 */
export function configCommand(cmd: Command, ctx: Ctx): Command {
  examples(cmd, [
    'brainstem config get url',
    'brainstem config set url http://127.0.0.1:8000/',
    'brainstem config unset url        # back to https://www.brainstem.org/',
    'brainstem config set allow-insecure true --url http://lab-server.example:8000/   # plain http, on purpose',
  ]);
  cmd
    .command('get')
    .description('print a setting (url: the saved default server, else the built-in one)')
    .argument('<key>', `setting: ${SETTING_KEYS.join(', ')}`)
    .action((key: string, _o: unknown, self: Command) => {
      const g = self.optsWithGlobals() as GlobalOptions;
      if (settingKey(key) === 'allow-insecure') {
        const url = settingServer(ctx, g);
        ctx.io.out(`${savedServerSettings(url, ctx.io.env as NodeJS.ProcessEnv).allowInsecure === true}\n`);
        return;
      }
      ctx.io.out(`${savedServerUrl() ?? DEFAULT_URL}\n`);
      noteEnvOverride(ctx, g);
    });
  cmd
    .command('set')
    .description('change a setting')
    .argument('<key>', `setting: ${SETTING_KEYS.join(', ')}`)
    .argument('<value>', 'the new value')
    .action(async (key: string, value: string, _o: unknown, self: Command) => {
      const g = self.optsWithGlobals() as GlobalOptions;
      if (settingKey(key) === 'allow-insecure') {
        const allowInsecure = booleanValue(key, value);
        const url = settingServer(ctx, g);
        await writeServerSettings(url, { allowInsecure }, ctx.io.env as NodeJS.ProcessEnv);
        if (!g.quiet) {
          ctx.io.err(
            `allow-insecure for ${url}: ${allowInsecure}${allowInsecure ? ' (the token and passwords may go to it over plain http)' : ''} (saved in ${configFilePath(ctx.io.env as NodeJS.ProcessEnv)})\n`,
          );
        }
        return;
      }
      await useServer(ctx, g, value);
    });
  cmd
    .command('unset')
    .description('remove a setting (url: back to https://www.brainstem.org/; allow-insecure: back to false)')
    .argument('<key>', `setting: ${SETTING_KEYS.join(', ')}`)
    .action(async (key: string, _o: unknown, self: Command) => {
      const g = self.optsWithGlobals() as GlobalOptions;
      if (settingKey(key) === 'allow-insecure') {
        const url = settingServer(ctx, g);
        await writeServerSettings(url, { allowInsecure: undefined }, ctx.io.env as NodeJS.ProcessEnv);
        if (!g.quiet) ctx.io.err(`allow-insecure for ${url}: false (default)\n`);
        return;
      }
      await writeSettings({ url: undefined });
      if (!g.quiet) ctx.io.err(`Default server: ${DEFAULT_URL} (built-in)\n`);
      noteEnvOverride(ctx, g);
    });
  return cmd;
}

/** `brainstem use [url]`: make a server the default for later commands, or print the default. */
export function useCommand(cmd: Command, ctx: Ctx): Command {
  cmd.argument('[url]', 'server URL, e.g. http://127.0.0.1:8000/');
  examples(cmd, [
    'brainstem use http://127.0.0.1:8000/   # a local server',
    'brainstem use https://www.brainstem.org/',
    'brainstem use                          # print the default server',
  ]);
  return cmd.action(async (url: string | undefined, _o: unknown, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions;
    if (url === undefined) {
      ctx.io.out(`${savedServerUrl() ?? DEFAULT_URL}\n`);
      noteEnvOverride(ctx, g);
      return;
    }
    await useServer(ctx, g, url);
  });
}
