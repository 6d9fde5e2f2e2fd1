import { assertSecure } from 'brainstem-api-tools';
import type { Command } from 'commander';
import { cachePath, describeSource, userLabel } from '../auth-info.js';
import { type Ctx, createClient, type GlobalOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { examples } from '../options.js';
import { Prompter } from '../prompt.js';
import { useServer } from './config.js';

interface LoginOptions {
  password?: boolean;
  email?: string;
}

/**
 * `brainstem login`: get a token and cache it for the server (`--url`), file mode 0600.
 * Browser device flow by default (`--headless`: print URL + code), `--password` for the email + password flow,
 * `--token T` to store a token made in the web UI. With `--url`, that server becomes the default for later commands
 * (as `brainstem use`). Never prints the token.
 */
export function loginCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .option('--password', 'log in with email and password (prompted; the password is not echoed)')
    .option('--email <email>', 'email for --password (prompted when omitted)');
  examples(cmd, [
    'brainstem login                                  # opens a browser; approve there',
    'brainstem login --headless                       # prints a URL and a code to enter on any device',
    'brainstem login --url http://127.0.0.1:8000/     # a local server, now the default (brainstem use)',
    'brainstem login --token <personal-access-token>  # store a token made in the web UI',
    'brainstem login --password --email me@lab.org    # servers that allow password login',
    'brainstem login --password --allow-insecure --url http://lab-server.example:8000/   # plain http, on purpose',
    'printf \'%s\\n\' me@lab.org "$PW" | brainstem login --password   # answers from stdin',
  ]);
  return cmd.action(async (o: LoginOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions & LoginOptions;
    const say = (s: string) => {
      if (!g.quiet) ctx.io.err(`${s}\n`);
    };
    if (g.token !== undefined && o.password)
      throw new UsageError('--token and --password are two ways to log in; pick one');

    if (g.token !== undefined) {
      if (!g.token.trim()) throw new UsageError('--token is empty');
      // The client checks the token with whoami before storing it: a typo fails here (exit 3), not later.
      const client = createClient(ctx, { ...g, token: undefined }, { interactive: false });
      const result = await client.login({ method: 'token', token: g.token, signal: ctx.signal });
      const who = await client.whoami({ signal: ctx.signal });
      say(`Logged in to ${client.url} as ${userLabel(who?.user)}. Token cached in ${cachePath()}`);
      await sayWhichTokenWins(ctx, g, result.token);
      if (g.url !== undefined) await useServer(ctx, g, client.url);
      return;
    }

    const client = createClient(ctx, { ...g, token: undefined });
    let saved: string;
    if (o.password) {
      // Over plain http to a server that is not loopback, refused before the password is asked for.
      assertSecure(new URL(client.url), ctx.allowInsecure === true, 'password');
      const prompter = new Prompter(ctx.io);
      try {
        const email = o.email ?? (await prompter.line('Email: ', 'email'));
        if (!email) throw new UsageError('login --password: the email is empty');
        const password = await prompter.hidden('Password: ');
        if (!password) throw new UsageError('login --password: the password is empty');
        saved = (await client.login({ method: 'password', email, password, signal: ctx.signal })).token;
      } finally {
        prompter.close();
      }
    } else {
      const result = await client.login({
        method: 'device',
        // No browser in CI: print the URL and code instead.
        headless: Boolean(g.headless) || Boolean(ctx.io.env.CI),
        signal: ctx.signal,
        onVerification: (v) => {
          if (v.browserOpened) {
            ctx.io.err(
              `A browser window opened to approve this login.\nIf it did not, open ${v.verificationUriComplete ?? v.verificationUri}\n`,
            );
          } else if (v.userCode) {
            ctx.io.err(`Open ${v.verificationUri} in a browser\nand enter the code: ${v.userCode}\n`);
          } else {
            ctx.io.err(`Open ${v.verificationUriComplete ?? v.verificationUri} in a browser to approve this login.\n`);
          }
          ctx.io.err(
            `\nWaiting for authorization (expires in ${Math.round(v.expiresIn / 60)} min; Ctrl-C to cancel)...\n`,
          );
        },
      });
      saved = result.token;
    }
    let label = '';
    try {
      const who = (await client.whoami({ signal: ctx.signal })) as { user?: unknown };
      label = ` as ${userLabel(who?.user)}`;
    } catch {
      // The token is cached; who it belongs to is a nicety.
    }
    say(`Logged in to ${client.url}${label}. Token cached in ${cachePath()}`);
    await sayWhichTokenWins(ctx, g, saved);
    if (g.url !== undefined) await useServer(ctx, g, client.url);
  });
}

/**
 * After a login: when a token from a source that comes before the cache (the environment, a `.env` file) differs
 * from the one just cached, later commands use that one; say so, and how to use the login instead. Printed even
 * with `--quiet`: a login that later commands ignore would otherwise look like it failed.
 */
async function sayWhichTokenWins(ctx: Ctx, g: GlobalOptions, saved: string): Promise<void> {
  const later = createClient(ctx, { ...g, token: undefined }, { interactive: false });
  const token = await later.resolveToken({ interactive: false, portal: 'public' }).catch(() => undefined);
  const source = later.tokenSource;
  if (token === undefined || token === saved || source === undefined || source === 'cache') return;
  const fix = source.startsWith('env:')
    ? `unset ${source.slice('env:'.length)} (\`unset ${source.slice('env:'.length)}\`)`
    : source === '.env'
      ? 'remove the BRAINSTEM_TOKEN line from .env'
      : 'remove that token';
  ctx.io.err(
    `Note: later commands will use the token from ${describeSource(source)}, not this login: it differs from the ` +
      `token just cached and comes before the cache. To use this login, ${fix}.\n`,
  );
}
