import type { Command } from 'commander';
import { cachePath } from '../auth-info.js';
import { type Ctx, createClient, type GlobalOptions } from '../context.js';
import { examples } from '../options.js';

/** `brainstem logout [--all]`: forget the cached token of a server, or of every server. */
export function logoutCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .description('remove the cached token for the server (--url), or for every server (--all)')
    .option('--all', 'remove the cached tokens of every server');
  examples(cmd, ['brainstem logout', 'brainstem logout --url http://127.0.0.1:8000/', 'brainstem logout --all']);
  cmd.addHelpText('after', '\nThe token itself stays valid on the server; revoke it in the web UI to end it.\n');
  return cmd.action(async (o: { all?: boolean }, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions;
    const say = (s: string) => {
      if (!g.quiet) ctx.io.err(`${s}\n`);
    };
    const client = createClient(ctx, { ...g, token: undefined }, { interactive: false });
    const { removed } = await client.logout({ all: Boolean(o.all) });
    if (removed.length === 0) {
      say(o.all ? 'No cached tokens to remove.' : `Not logged in to ${client.url}; nothing to remove.`);
      return;
    }
    for (const url of removed) say(`Logged out of ${url}`);
    say(`(${removed.length} token${removed.length === 1 ? '' : 's'} removed from ${cachePath()})`);
  });
}
