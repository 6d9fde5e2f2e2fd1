import { BrainstemClient } from 'brainstem-api-tools';
import { detailKeys, type ModelSpec } from 'brainstem-api-tools/registry';
import { formatArg, listArg, secondsArg } from './args.js';
import type { BulkResult } from './bulk.js';
import type { BodyKeys, Format, OutputOptions } from './format/index.js';
import type { Io } from './io.js';

/** The `client_name` the CLI's device logins send: the approval page says "brainstem CLI is asking…". */
export const CLI_CLIENT_NAME = 'brainstem CLI';

/** What every command gets: the streams and a signal that fires on Ctrl-C. */
export interface Ctx {
  readonly io: Io;
  readonly signal: AbortSignal;
  /** The server URL of the last client created for this invocation (for error guidance). */
  serverUrl?: string;
}

type Row = Record<string, unknown>;
type Opts = Record<string, unknown> & { signal?: AbortSignal };

/**
 * The client as the CLI uses it: model names come from the command line, so the per-model generics of
 * `BrainstemClient` give way to plain strings here. Same object, same methods.
 */
export interface DynamicClient {
  readonly url: string;
  readonly tokenSource: string | undefined;
  /** Page requests in flight for `loadAll` (the `--concurrency` given to {@link createClient}, else 4). */
  readonly concurrency: number;
  load(model: string, opts: Opts): Promise<unknown>;
  loadAll(
    model: string,
    opts: Opts & { onProgress?: (p: { loaded: number; total?: number }) => void },
  ): Promise<unknown>;
  iterate(
    model: string,
    opts: Opts & { onProgress?: (p: { loaded: number; total?: number }) => void; concurrency?: number },
  ): AsyncIterable<Row>;
  save(model: string, opts: Opts & { data: Row }): Promise<unknown>;
  delete(model: string, opts: Opts & { id: string }): Promise<void>;
  saveMany(model: string, items: readonly Row[], opts: Opts): Promise<BulkResult>;
  deleteMany(model: string, ids: readonly string[], opts: Opts): Promise<BulkResult>;
  action(model: string, id: string, action: string, opts: Opts): Promise<unknown>;
  login(opts: Parameters<BrainstemClient['login']>[0]): Promise<unknown>;
  logout(opts?: { all?: boolean }): Promise<{ removed: string[]; remaining?: { source: string; python: boolean } }>;
  whoami(opts?: { signal?: AbortSignal; maxRetries?: number }): Promise<{ user?: Row | null; note?: string }>;
  resolveToken(opts: { interactive?: boolean }): Promise<string | undefined>;
  request(
    method: 'GET',
    path: string,
    opts: { auth?: 'none'; signal?: AbortSignal; maxRetries?: number },
  ): Promise<unknown>;
}

/** Options accepted by every command (`brainstem --help`). */
export interface GlobalOptions {
  token?: string;
  url?: string;
  headless?: boolean;
  timeout?: string;
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
  extra: { concurrency?: number; interactive?: boolean } = {},
): DynamicClient {
  const options: ConstructorParameters<typeof BrainstemClient>[0] = {};
  if (g.token !== undefined) options.token = g.token;
  if (g.url !== undefined) options.url = g.url;
  const timeout = secondsArg('--timeout', g.timeout);
  if (timeout !== undefined) options.timeout = timeout;
  if (extra.concurrency !== undefined) options.concurrency = extra.concurrency;
  if (g.debug) options.logLevel = 'debug';
  // Prompts and browser logins only with a terminal on both ends; `--headless` reaches the lazy login too.
  options.interactive = (extra.interactive ?? true) && ctx.io.stdinIsTTY && ctx.io.stderrIsTTY && !ctx.io.env.CI;
  if (g.headless) options.headless = true;
  // Device logins (`brainstem login`, or one started because a token is missing) name the CLI on the approval page.
  options.clientName = CLI_CLIENT_NAME;
  const client = new BrainstemClient(options);
  ctx.serverUrl = client.url;
  return client as unknown as DynamicClient;
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

/** Where a model's records sit in response bodies. */
export function bodyKeys(model: ModelSpec): BodyKeys {
  const [detailKey, ...otherKeys] = detailKeys(model);
  return { listKey: model.listKey, detailKey, otherKeys };
}

/** Whether diagnostics (not errors) may be printed on stderr. */
export function chatty(g: GlobalOptions): boolean {
  return !g.quiet;
}
