import type { Command } from 'commander';
import { cachePath, describeSource, userLabel } from '../auth-info.js';
import { type Ctx, createClient, type FormatOptions, type GlobalOptions, outputOptions } from '../context.js';
import { formatRecords, jsonText } from '../format/index.js';
import { addFormatOptions, afterHelp, examples } from '../options.js';

/** `brainstem whoami`: who the token belongs to, which server, where the token came from — never the token. */
export function whoamiCommand(cmd: Command, ctx: Ctx): Command {
  addFormatOptions(cmd, 'table');
  examples(cmd, ['brainstem whoami', 'brainstem whoami --url http://127.0.0.1:8000/ --format json']);
  afterHelp(cmd, '\nExits with 3 when no token is available or the server rejects it.\n');
  return cmd.action(async (o: FormatOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions;
    const out = outputOptions(ctx, o, 'table');
    // whoami must answer, not start a login.
    const client = createClient(ctx, g, { interactive: false });
    const who = await client.whoami({ signal: ctx.signal });
    const user = who?.user ?? null;
    const source = client.tokenSource;
    const info = {
      url: client.url,
      user,
      token_source: source ?? null,
      token_cache: cachePath(),
    };
    if (out.format === 'json') {
      ctx.io.out(jsonText(info, out.pretty));
      return;
    }
    if (out.format !== 'table') {
      ctx.io.out(
        formatRecords(
          [{ url: info.url, ...(user ?? {}), token_source: info.token_source, token_cache: info.token_cache }],
          out,
        ),
      );
      return;
    }
    ctx.io.out(
      [
        `Server:      ${info.url}`,
        user
          ? `User:        ${userLabel(user)}${user.id !== undefined ? ` (id ${String(user.id)})` : ''}`
          : `User:        unknown${who.note ? ` (${who.note})` : ''}`,
        `Token from:  ${describeSource(source)}`,
        `Token cache: ${info.token_cache}`,
        '',
      ].join('\n'),
    );
  });
}
