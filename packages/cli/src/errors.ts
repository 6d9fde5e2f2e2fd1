import { unwrapError } from 'brainstem-api-description';
import {
  AbortError,
  APIError,
  AuthenticationError,
  ConnectionError,
  DEFAULT_URL,
  InsecureTransportError,
  InvalidArgumentError,
  insecureMessage,
  LoginError,
  NotFoundError,
  normalizeUrl,
  PermissionDeniedError,
  RateLimitError,
  redactUrlCredentials,
  ServerError,
  tokenPageFor,
  ValidationError,
} from 'brainstem-api-tools';
import { EXIT, type ExitCode } from './exit-codes.js';

/**
 * A bad command line (exit code 2): unknown model, invalid `--data`, conflicting flags. The message names the
 * offending argument.
 *
 * @example
 * ```ts
 * throw new UsageError('--limit must be an integer between 1 and 100, got "abc"');
 * ```
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Thrown by a command that already printed its own report and only needs to set the exit code. */
export class ExitError extends Error {
  override name = 'ExitError';
  constructor(readonly code: ExitCode | number) {
    super(`exit ${code}`);
  }
}

/**
 * The exit code for an error thrown by a command or by the client library.
 *
 * @example
 * ```ts
 * exitCodeFor(new NotFoundError(…)); // 4
 * ```
 */
export function exitCodeFor(err: unknown): number {
  if (err instanceof ExitError) return err.code;
  // The client checks model, portal, id, query names and limits before any request.
  if (err instanceof UsageError || err instanceof InvalidArgumentError) return EXIT.USAGE;
  if (err instanceof LoginError || err instanceof AuthenticationError) return EXIT.AUTH;
  if (err instanceof AbortError) return EXIT.INTERRUPTED;
  if (err instanceof NotFoundError) return EXIT.NOT_FOUND;
  if (err instanceof ValidationError || err instanceof PermissionDeniedError) return EXIT.REJECTED;
  // TimeoutError is a ConnectionError.
  if (err instanceof RateLimitError || err instanceof ServerError || err instanceof ConnectionError) {
    return EXIT.NETWORK;
  }
  if (err instanceof APIError) return exitCodeForStatus(err.status);
  return EXIT.OTHER;
}

/** Exit code for a bare HTTP status (used when an error carries only `status`). */
export function exitCodeForStatus(status: number): number {
  if (status === 401) return EXIT.AUTH;
  if (status === 404) return EXIT.NOT_FOUND;
  if (status === 400 || status === 403 || status === 409 || status === 422) return EXIT.REJECTED;
  if (status === 408 || status === 429 || status >= 500) return EXIT.NETWORK;
  return EXIT.OTHER;
}

/**
 * How each argument the client checks is spelt on the command line, for messages about a rejected argument. A
 * command whose argument differs (`action`'s positional ID) passes its own spelling in `flags`.
 */
export const ARGUMENT_FLAGS: Readonly<Record<string, string>> = {
  id: '--id',
  portal: '--portal',
  filters: '--filters',
  sort: '--sort',
  include: '--include',
  limit: '--limit',
  offset: '--offset',
  concurrency: '--concurrency',
  timeout: '--timeout',
  url: '--url',
  token: '--token',
};

/**
 * The client's message for a rejected argument, speaking of the flag that carried it: the argument's name at
 * the start becomes the flag, else the flag leads; an unknown model points at `brainstem models`.
 *
 * @example
 * ```ts
 * argumentMessage(new InvalidArgumentError('filters', 'filters["nme"]: unknown field `nme` on session; …'));
 * // '--filters "nme": unknown field `nme` on session; …'
 * argumentMessage(new InvalidArgumentError('id', 'session id must be a UUID, got "x"')); // '--id: session id …'
 * ```
 */
export function argumentMessage(err: InvalidArgumentError, flags: Readonly<Record<string, string>> = {}): string {
  const { argument, message } = err;
  if (argument === 'model') return `${message} (run 'brainstem models' for all)`;
  const flag = flags[argument] ?? ARGUMENT_FLAGS[argument];
  if (!flag) return message;
  const named = new RegExp(`^${argument}(?:\\[("[^"]*")\\])?(?=[\\s:])`).exec(message);
  if (named) return `${flag}${named[1] ? ` ${named[1]}` : ''}${message.slice(named[0].length)}`;
  return `${flag}: ${message}`;
}

/**
 * The lines `brainstem` prints on stderr for an error: one clear line, then one line per field error for a 400,
 * and the stack (plus the response body of an API error) only with `--debug`.
 *
 * @example
 * ```ts
 * formatError(err, { debug: false }); // 'brainstem: not found (404): …\n'
 * ```
 */
export function formatError(err: unknown, opts: ErrorContext & { debug?: boolean } = {}): string {
  const lines = errorLines(err, opts).map((l, i) => (i === 0 ? `brainstem: ${l}` : `  ${l}`));
  if (err instanceof UsageError) lines.push("Run 'brainstem --help' for usage.");
  if (opts.debug && err instanceof Error) {
    if (err instanceof APIError) {
      const { body } = err;
      lines.push(`response body: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    }
    if (err.stack) lines.push(err.stack);
    if (err.cause) {
      lines.push(`cause: ${err.cause instanceof Error ? (err.cause.stack ?? err.cause.message) : String(err.cause)}`);
    }
  }
  // Whatever an error quotes (a rejected --url, a redirect target, a stack), URL credentials are never printed.
  return `${redactUrlCredentials(lines.join('\n'))}\n`;
}

/** What an error's message may name besides the error: the server, the flags of the command, the token's source. */
export interface ErrorContext {
  serverUrl?: string | undefined;
  flags?: Readonly<Record<string, string>> | undefined;
  /** Where the refused token came from (the client's `tokenSource`: `option`, `env:BRAINSTEM_TOKEN`, `cache`, …). */
  tokenSource?: string | undefined;
}

/**
 * An error as a head line plus one `field: message` line per field error of a 400 (the client's
 * `ValidationError.fields`, nested fields already flattened). The head of a validation error names the request
 * instead of repeating the fields; a request-level 400 keeps the client's message, which names the query
 * parameter when it can.
 *
 * @example
 * ```ts
 * errorLines(validationError); // ['validation failed (400 Bad Request, POST …/session/):', 'name: This field is required.']
 * ```
 */
export function errorLines(err: unknown, opts: ErrorContext = {}): string[] {
  if (err instanceof AuthenticationError) return [authLine(err, opts.serverUrl, opts.tokenSource)];
  if (err instanceof InsecureTransportError) return [insecureLine(err, opts.serverUrl)];
  if (err instanceof InvalidArgumentError) return [argumentMessage(err, opts.flags)];
  if (err instanceof ValidationError) {
    // Messages about the request as a whole read best in the head line.
    const { general, perField: byField } = unwrapError(err.fields);
    const perField = Object.entries(byField);
    if (perField.length > 0) {
      return [
        `validation failed (${err.status} Bad Request, ${err.method} ${err.url}):${general.length ? ` ${general.join(' ')}` : ''}`,
        ...perField.flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`)),
      ];
    }
  }
  const message = (err instanceof Error ? err.message : String(err)).trim();
  return [message || (err instanceof Error ? err.name : 'error')];
}

/**
 * The CLI's line for a credential refused over plain http: the client's sentence, ending in the CLI's flag and the
 * config command that saves it for the server, instead of the library option.
 *
 * @example
 * ```ts
 * insecureLine(err, 'http://lab-server.example:8000/');
 * // 'Refusing to send the API token over plain http:// to lab-server.example:8000: … Use https://, or, if you
 * //  really mean it, pass --allow-insecure, or save that for this server with
 * //  `brainstem config set allow-insecure true --url http://lab-server.example:8000/`.'
 * ```
 */
export function insecureLine(err: InsecureTransportError, serverUrl?: string): string {
  const server = serverUrl ?? `http://${err.host}/`;
  return insecureMessage(
    err.host,
    err.credential,
    `pass --allow-insecure, or save that for this server with \`brainstem config set allow-insecure true --url ${server}\``,
  );
}

/**
 * The CLI's own line for a missing or rejected token (the client's message speaks to library users): what to run,
 * for the server in use, and the brainstem.org token page only when the server is brainstem.org.
 *
 * @example
 * ```ts
 * authLine(noTokenError, 'http://127.0.0.1:8000/');
 * // 'no API token for http://127.0.0.1:8000/: run `brainstem login --url http://127.0.0.1:8000/` or pass --token …'
 * ```
 */
export function authLine(err: AuthenticationError, serverUrl?: string, tokenSource?: string): string {
  const requestUrl = err.url || undefined;
  let server = serverUrl ?? (err.code === 'no_token' ? requestUrl : undefined);
  if (!server && requestUrl) {
    try {
      server = `${new URL(requestUrl).origin}/`;
    } catch {}
  }
  let isDefault = !server;
  try {
    isDefault = !server || normalizeUrl(server).href === DEFAULT_URL;
  } catch {}
  const login = isDefault ? '`brainstem login`' : `\`brainstem login --url ${server}\``;
  const page = tokenPageFor(server ?? requestUrl);
  const create = page ? ` Create a token at ${page}.` : '';
  if (err.code === 'no_token') {
    return (
      `no API token for ${server ?? 'this server'}: run ${login} or pass --token (or set BRAINSTEM_TOKEN); ` +
      `public data needs no token: --portal public.${create}`
    );
  }
  const message = unwrapError(err.body).detail;
  const detail = message && err.body && typeof err.body === 'object' ? `: ${message.replace(/\.$/, '')}` : '';
  const where = err.method && requestUrl ? ` (${err.method} ${requestUrl})` : '';
  return `401 Unauthorized${where}${detail}. ${refusedToken(tokenSource, login)}${create}`;
}

/**
 * What to do about a refused token, by where it came from: the one source the user has to change, since a token
 * from a higher source (`--token`, then the environment, then `.env`) hides any login cached below it.
 *
 * @example
 * ```ts
 * refusedToken('env:BRAINSTEM_TOKEN', '`brainstem login`');
 * // 'The token from environment variable BRAINSTEM_TOKEN is invalid or expired: set it to a new token, or unset it …'
 * ```
 */
export function refusedToken(source: string | undefined, login: string): string {
  switch (source) {
    case 'option':
      return `The token given with --token is invalid or expired: pass a new --token, or drop it to use the one ${login} caches.`;
    case 'env:BRAINSTEM_TOKEN':
    case 'env:BRAINSTEM_API_TOKEN': {
      const name = source.slice('env:'.length);
      return (
        `The token from environment variable ${name} is invalid or expired: set it to a new token, or unset it ` +
        `(\`unset ${name}\`) so that commands use the one ${login} caches; it comes before any cached login.`
      );
    }
    case '.env':
      return (
        'The token from the .env file in the working directory is invalid or expired: put a new token there, or ' +
        `remove its BRAINSTEM_TOKEN line so that commands use the one ${login} caches; it comes before any cached login.`
      );
    case 'cache':
    case 'python-cache':
    case 'login':
      return `The cached login token is invalid or expired: run ${login} again, or pass a new --token.`;
    default:
      return `The token is invalid or expired: run ${login} or pass a new --token.`;
  }
}

/**
 * A JSON-friendly summary of an error for per-item reports (bulk save/delete): the class name, the status and
 * field errors of an API error, and the first line of the message.
 *
 * @example
 * ```ts
 * errorSummary(validationError); // { type: 'ValidationError', status: 400, message: '400 Bad Request …', fields: { name: […] } }
 * ```
 */
export function errorSummary(err: unknown): { type: string; status?: number; message: string; fields?: unknown } {
  const out: { type: string; status?: number; message: string; fields?: unknown } = {
    type: err instanceof Error ? err.name : 'Error',
    message: (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '',
  };
  if (err instanceof APIError) out.status = err.status;
  if (err instanceof ValidationError && Object.keys(err.fields).length > 0) out.fields = err.fields;
  return out;
}
