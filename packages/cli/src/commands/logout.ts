import type { Command } from 'commander';
import { cachePath } from '../auth-info.js';
import { type Ctx, createClient, type GlobalOptions } from '../context.js';
import { afterHelp, examples } from '../options.js';

/** `brainstem logout [--all]`: forget the cached token of a server, or of every server. */
export function logoutCommand(cmd: Command, ctx: Ctx): Command {
  cmd.option('--all', 'remove the cached tokens of every server');
  examples(cmd, ['brainstem logout', 'brainstem logout --url http://127.0.0.1:8000/', 'brainstem logout --all']);
  afterHelp(
    cmd,
    '\nThe token itself stays valid on the server; revoke it in the web UI to end it. For the default server the ' +
      "official Python tool's token file (~/.config/brainstem/token) is also read; logout leaves that file alone " +
      'and says so when it still applies.\n',
  );
  return cmd.action(async (o: { all?: boolean }, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions;
    const say = (s: string) => {
      if (!g.quiet) ctx.io.err(`${s}\n`);
    };
    const client = createClient(ctx, { ...g, token: undefined }, { interactive: false });
    const { removed, remaining } = await client.logout({ all: Boolean(o.all) });
    if (removed.length === 0) {
      if (o.all) say('No cached tokens to remove.');
      else if (!remaining) say(`Not logged in to ${client.url}; nothing to remove.`);
      else say(`No token of ours cached for ${client.url}.`);
    } else {
      for (const url of removed) say(`Logged out of ${url}`);
      say(`(${removed.length} token${removed.length === 1 ? '' : 's'} removed from ${cachePath()})`);
    }
    if (remaining) {
      // Said even with --quiet: the user asked to be logged out and still is not.
      ctx.io.err(
        remaining.python
          ? `Still logged in to ${client.url}: the official Python tool's token at ${remaining.source} is used ` +
              `for this server. It belongs to that tool, so it is left alone; remove it with \`rm ${remaining.source}\`` +
              ' (or log out in the Python tool) to stop using it.\n'
          : `Still logged in to ${client.url}: a token at ${remaining.source} is still used.\n`,
      );
    }
  });
}
