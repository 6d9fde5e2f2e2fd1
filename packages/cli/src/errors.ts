import { DEFAULT_URL, normalizeUrl, redactUrlCredentials, tokenPageFor } from 'brainstem-api-tools';
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

/** Names of `err`'s class and its ancestors, most specific first (works whichever copy of a class threw). */
function classNames(err: unknown): string[] {
  const names: string[] = [];
  if (err && typeof err === 'object' && typeof (err as Error).name === 'string') names.push((err as Error).name);
  let proto = err && typeof err === 'object' ? Object.getPrototypeOf(err) : null;
  while (proto && proto !== Object.prototype) {
    const name = proto.constructor?.name;
    if (typeof name === 'string' && name) names.push(name);
    proto = Object.getPrototypeOf(proto);
  }
  return names;
}

const BY_CLASS: ReadonlyArray<readonly [string, ExitCode]> = [
  ['UsageError', EXIT.USAGE],
  // The client checks model, portal, id and limits before any request.
  ['InvalidArgumentError', EXIT.USAGE],
  ['LoginError', EXIT.AUTH],
  ['AbortError', EXIT.INTERRUPTED],
  ['AuthenticationError', EXIT.AUTH],
  ['DeviceAuthError', EXIT.AUTH],
  ['NotFoundError', EXIT.NOT_FOUND],
  ['ValidationError', EXIT.REJECTED],
  ['PermissionDeniedError', EXIT.REJECTED],
  ['RateLimitError', EXIT.NETWORK],
  ['ServerError', EXIT.NETWORK],
  ['ConnectionError', EXIT.NETWORK],
  ['TimeoutError', EXIT.NETWORK],
];

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
  const names = classNames(err);
  for (const name of names) {
    const hit = BY_CLASS.find(([n]) => n === name);
    if (hit) return hit[1];
  }
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return exitCodeForStatus(status);
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

/** Field errors of a ValidationError-like error as `[field, message]` pairs. */
export function fieldErrors(err: unknown): Array<[string, string]> {
  const fields = (err as { fields?: unknown } | null)?.fields;
  if (!fields || typeof fields !== 'object') return [];
  const out: Array<[string, string]> = [];
  const walk = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) {
        for (const v of value) out.push([prefix, v]);
      } else {
        for (const [i, v] of value.entries()) walk(`${prefix}[${i}]`, v);
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    } else if (value !== undefined && value !== null) out.push([prefix, String(value)]);
  };
  walk('', fields);
  return out;
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
export function formatError(err: unknown, opts: { debug?: boolean; serverUrl?: string | undefined } = {}): string {
  const lines = errorLines(err, opts.serverUrl).map((l, i) => (i === 0 ? `brainstem: ${l}` : `  ${l}`));
  if (err instanceof UsageError) lines.push("Run 'brainstem --help' for usage.");
  if (opts.debug && err instanceof Error) {
    const body = (err as { body?: unknown }).body;
    if (body !== undefined) lines.push(`response body: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    if (err.stack) lines.push(err.stack);
    if (err.cause) {
      lines.push(`cause: ${err.cause instanceof Error ? (err.cause.stack ?? err.cause.message) : String(err.cause)}`);
    }
  }
  // Whatever an error quotes (a rejected --url, a redirect target, a stack), URL credentials are never printed.
  return `${redactUrlCredentials(lines.join('\n'))}\n`;
}

/**
 * An error as a head line plus one `field: message` line per field error (400). The head of a validation error
 * names the request instead of repeating the fields.
 *
 * @example
 * ```ts
 * errorLines(validationError); // ['validation failed (400 Bad Request, POST …/session/):', 'name: This field is required.']
 * ```
 */
export function errorLines(err: unknown, serverUrl?: string): string[] {
  const auth = authLine(err, serverUrl);
  if (auth) return [auth];
  const all = fieldErrors(err);
  // `detail` and `non_field_errors` are about the request as a whole: they read best in the head line.
  const general = all.filter(([f]) => f === 'detail' || f === 'non_field_errors' || f === '').map(([, m]) => m);
  const fields = all.filter(([f]) => f !== 'detail' && f !== 'non_field_errors' && f !== '');
  const e = err as { message?: unknown; name?: unknown; status?: unknown; method?: unknown; url?: unknown } | null;
  let head = (typeof e?.message === 'string' ? e.message : String(err)).trim();
  if (all.length > 0) {
    const status = typeof e?.status === 'number' ? e.status : 400;
    const where = typeof e?.method === 'string' && typeof e?.url === 'string' ? `, ${e.method} ${e.url}` : '';
    // A request-level 400 from the client already reads well (and names the query parameter when it can).
    const clientMessage = classNames(err).includes('ValidationError') && typeof e?.message === 'string';
    head = fields.length
      ? `validation failed (${status} Bad Request${where}):${general.length ? ` ${general.join(' ')}` : ''}`
      : clientMessage
        ? (e.message as string)
        : `${status} Bad Request${where ? ` (${where.slice(2)})` : ''}: ${general.join(' ')}`;
  }
  head = head || (typeof e?.name === 'string' ? e.name : 'error');
  return [head, ...fields.map(([field, message]) => `${field}: ${message}`)];
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
export function authLine(err: unknown, serverUrl?: string): string | undefined {
  if (!classNames(err).includes('AuthenticationError')) return undefined;
  const e = err as { code?: unknown; url?: unknown; method?: unknown; body?: unknown };
  const requestUrl = typeof e.url === 'string' ? e.url : undefined;
  let server = serverUrl ?? (e.code === 'no_token' ? requestUrl : undefined);
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
  if (e.code === 'no_token') {
    return (
      `no API token for ${server ?? 'this server'}: run ${login} or pass --token (or set BRAINSTEM_TOKEN); ` +
      `public data needs no token: --portal public.${create}`
    );
  }
  if (e.code === 'unauthorized') {
    const body = e.body as { detail?: unknown } | null | undefined;
    const detail = body && typeof body.detail === 'string' ? `: ${body.detail.replace(/\.$/, '')}` : '';
    const where = typeof e.method === 'string' && requestUrl ? ` (${e.method} ${requestUrl})` : '';
    return `401 Unauthorized${where}${detail}. The token is invalid or expired: run ${login} or pass a new --token.${create}`;
  }
  return undefined;
}

/** A JSON-friendly summary of an error for per-item reports (bulk save/delete). */
export function errorSummary(err: unknown): { type: string; status?: number; message: string; fields?: unknown } {
  const e = err as { name?: string; status?: number; message?: string; fields?: unknown };
  const out: { type: string; status?: number; message: string; fields?: unknown } = {
    type: e?.name ?? 'Error',
    message: (e?.message ?? String(err)).split('\n')[0] ?? '',
  };
  if (typeof e?.status === 'number') out.status = e.status;
  if (e?.fields && typeof e.fields === 'object' && Object.keys(e.fields).length) out.fields = e.fields;
  return out;
}
