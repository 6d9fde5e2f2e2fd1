import { BrainstemClient, type Logger, type RetryNotice, savedServerSettings } from 'brainstem-api-tools';
import { formatArg, intArg, listArg, secondsArg } from './args.js';
import type { Format, OutputOptions } from './format/index.js';
import type { Io } from './io.js';

/** The `client_name` the CLI's device logins send: the approval page says "brainstem CLI is asking…". */
export const CLI_CLIENT_NAME = 'brainstem CLI';

/** What every command gets: the streams and a signal that fires on Ctrl-C. */
export interface Ctx {
  readonly io: Io;
  readonly signal: AbortSignal;
  /** The command line as given (without `node` and the script), for commands that print a command to run next. */
  readonly argv?: readonly string[];
  /** The server URL of the last client created for this invocation (for error guidance). */
  serverUrl?: string;
  /** Whether that client may send credentials over plain http (`--allow-insecure`, or saved for its server). */
  allowInsecure?: boolean;
  /** Where the last client's token came from (`client.tokenSource`), for a 401's message. */
  tokenSource?: () => string | undefined;
  /**
   * How this command spells the client's arguments where it differs from the usual flags (`action`'s positional
   * ID), for messages about a rejected argument (see `ARGUMENT_FLAGS`).
   */
  flags?: Readonly<Record<string, string>>;
}

/** Options accepted by every command (`brainstem --help`). */
export interface GlobalOptions {
  token?: string;
  url?: string;
  headless?: boolean;
  allowInsecure?: boolean;
  timeout?: string;
  retries?: string;
  quiet?: boolean;
  debug?: boolean;
}

/** `--format` / `--fields` of commands that print records. */
export interface FormatOptions {
  format?: string;
  fields?: string[];
}

/**
 * A client for this invocation. `--token` / `--url` override; otherwise the client itself reads
 * BRAINSTEM_TOKEN / BRAINSTEM_API_TOKEN / BRAINSTEM_URL, a `.env` file and the token cache.
 *
 * @example
 * ```ts
 * const client = createClient(ctx, cmd.optsWithGlobals());
 * ```
 */
export function createClient(
  ctx: Ctx,
  g: GlobalOptions,
  extra: { concurrency?: number; interactive?: boolean; logger?: Logger; beforeNotice?: () => void } = {},
): BrainstemClient {
  const options: ConstructorParameters<typeof BrainstemClient>[0] = {};
  if (g.token !== undefined) options.token = g.token;
  if (g.url !== undefined) options.url = g.url;
  const timeout = secondsArg('--timeout', g.timeout);
  if (timeout !== undefined) options.timeout = timeout;
  const retries = intArg('--retries', g.retries, 0, 100);
  if (retries !== undefined) options.maxRetries = retries;
  // A request being retried says so once, on its first retry: a slow answer is then never silence.
  if (!g.quiet) {
    options.onRetry = (n) => {
      if (n.attempt !== 1) return;
      extra.beforeNotice?.();
      ctx.io.err(`${retryLine(n)}\n`);
    };
  }
  if (extra.concurrency !== undefined) options.concurrency = extra.concurrency;
  if (g.debug) options.logLevel = 'debug';
  if (extra.logger) options.logger = extra.logger;
  // Prompts and browser logins only with a terminal on both ends; `--headless` reaches the lazy login too.
  options.interactive = (extra.interactive ?? true) && ctx.io.stdinIsTTY && ctx.io.stderrIsTTY && !ctx.io.env.CI;
  if (g.headless) options.headless = true;
  // Device logins (`brainstem login`, or one started because a token is missing) name the CLI on the approval page.
  options.clientName = CLI_CLIENT_NAME;
  if (g.allowInsecure) options.allowInsecure = true;
  let client = new BrainstemClient(options);
  // Plain http to a non-loopback server: `--allow-insecure`, or `brainstem config set allow-insecure true` saved for
  // the server the client resolved (from --url, BRAINSTEM_URL, .env or the saved default).
  if (!options.allowInsecure && savedServerSettings(client.url, ctx.io.env as NodeJS.ProcessEnv).allowInsecure) {
    options.allowInsecure = true;
    client = new BrainstemClient(options);
  }
  ctx.serverUrl = client.url;
  ctx.allowInsecure = options.allowInsecure === true;
  ctx.tokenSource = () => client.tokenSource;
  return client;
}

/**
 * The line a request's first retry prints: what failed, attempt n of m, and the wait.
 *
 * @example
 * ```ts
 * retryLine(notice); // 'brainstem: GET http://127.0.0.1:1/api/… failed: ECONNREFUSED; attempt 1 of 6, next try in 0.5 s'
 * ```
 */
export function retryLine(n: RetryNotice): string {
  const secs = n.delayMs < 10_000 ? (n.delayMs / 1000).toFixed(1) : String(Math.round(n.delayMs / 1000));
  return `brainstem: ${n.method} ${n.url} failed: ${n.reason}; attempt ${n.attempt} of ${n.attempts}, next try in ${secs} s`;
}

/** Output settings from `--format` / `--fields`; JSON is pretty when stdout is a terminal. */
export function outputOptions(ctx: Ctx, o: FormatOptions, fallback: Format = 'json'): OutputOptions {
  const out: OutputOptions = {
    format: formatArg(o.format, fallback),
    pretty: ctx.io.stdoutIsTTY,
    width: ctx.io.columns,
  };
  const fields = listArg(o.fields);
  if (fields) out.fields = fields;
  return out;
}
