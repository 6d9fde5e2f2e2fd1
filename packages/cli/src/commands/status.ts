import { WHOAMI_PATH } from 'brainstem-api-description';
import { AuthenticationError, ConnectionError } from 'brainstem-api-tools';
import type { Command } from 'commander';
import { cachePath, describeSource, userLabel } from '../auth-info.js';
import { type Ctx, createClient, type FormatOptions, type GlobalOptions, outputOptions } from '../context.js';
import { authLine, ExitError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { jsonText } from '../format/index.js';
import { addFormatOptions, afterHelp, examples } from '../options.js';
import { serverSetting } from '../server-setting.js';

interface Status {
  url: string;
  url_source: string;
  reachable: boolean;
  response_ms: number | null;
  error: string | null;
  user: Record<string, unknown> | null;
  logged_in: boolean;
  token_source: string | null;
  token_cache: string;
}

/**
 * `brainstem status`: which server later commands use and why, whether it answers, who the token belongs to and
 * where it came from. Exit 0 when the server answers and accepts the token, 3 when there is no token or it is
 * rejected, 6 when the server cannot be reached. Never starts a login, never prints the token.
 */
export function statusCommand(cmd: Command, ctx: Ctx): Command {
  addFormatOptions(cmd, 'table');
  examples(cmd, ['brainstem status', 'brainstem status --format json']);
  afterHelp(cmd, '\nExit codes: 0 reachable and logged in, 3 not logged in or token rejected, 6 server unreachable.\n');
  return cmd.action(async (o: FormatOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions;
    const out = outputOptions(ctx, o, 'table');
    const setting = serverSetting(g.url, ctx.io.env);
    const client = createClient(ctx, g, { interactive: false });
    const s: Status = {
      url: client.url,
      url_source: setting.description,
      reachable: false,
      response_ms: null,
      error: null,
      user: null,
      logged_in: false,
      token_source: null,
      token_cache: cachePath(),
    };
    let note: string | undefined;
    const started = performance.now();
    try {
      const token = await client.resolveToken({ interactive: false });
      if (token) {
        const who = await client.whoami({ signal: ctx.signal, maxRetries: 0 });
        s.user = who.user ?? null;
        note = who.note;
        s.logged_in = true;
      } else {
        // No token: any HTTP answer, even 401, shows the server is there.
        await client.request('GET', WHOAMI_PATH, { auth: 'none', signal: ctx.signal, maxRetries: 0 });
      }
      s.reachable = true;
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      // A ConnectionError (TimeoutError too) means no answer at all, as opposed to an error status.
      s.reachable = !(err instanceof ConnectionError);
      // A refused token is told in the CLI's words, naming where the token came from.
      s.error =
        err instanceof AuthenticationError
          ? authLine(err, client.url, client.tokenSource)
          : ((err as Error).message?.split('\n')[0] ?? String(err));
      if (s.reachable && typeof (err as { status?: unknown }).status !== 'number') throw err;
    }
    if (s.reachable) s.response_ms = Math.round(performance.now() - started);
    s.token_source = client.tokenSource ?? null;

    if (out.format === 'json') ctx.io.out(jsonText(s, out.pretty));
    else {
      const userLine = s.logged_in
        ? `${userLabel(s.user)}${s.user?.id !== undefined ? ` (id ${String(s.user.id)})` : ''}${note && !s.user ? ` (${note})` : ''}`
        : s.token_source
          ? `token rejected (${s.error ?? 'unknown error'})`
          : `not logged in (run \`brainstem login${setting.source === '--url' || setting.source === 'BRAINSTEM_URL' ? ` --url ${s.url}` : ''}\`, or pass --token)`;
      ctx.io.out(
        [
          `Server:      ${s.url} (${s.url_source})`,
          `Reachable:   ${s.reachable ? `yes, answered in ${s.response_ms} ms` : `no: ${s.error}`}`,
          `User:        ${s.reachable ? userLine : 'unknown (server unreachable)'}`,
          `Token from:  ${describeSource(s.token_source ?? undefined)}`,
          `Token cache: ${s.token_cache}`,
          '',
        ].join('\n'),
      );
    }
    if (!s.reachable) throw new ExitError(EXIT.NETWORK);
    if (!s.logged_in) throw new ExitError(EXIT.AUTH);
  });
}
