/**
 * Redaction: the one rule that keeps credentials out of everything the client prints or throws. A credential is
 * every token the client handed out or was given (option, function, environment, `.env`, token cache, login), the
 * password of a password login and the device code of a device login. Whatever a server or proxy echoes back, a
 * credential never survives in a log line, an error's `message`, `stack`, `body`, `fields`, `headers` or any error
 * of its `cause` chain: it reads `[REDACTED]`, as does any `Bearer …`/`Token …` value and URL userinfo.
 * @module
 */

import { redactUrlCredentials } from './internal/url-credentials.js';

/** What a credential is replaced with. */
export const REDACTED = '[REDACTED]';

/** Object keys whose values are credentials, whatever they hold. */
const SECRET_KEY = /^(authorization|proxy-authorization|token|password|device_code|access_token|refresh_token)$/i;

/** Shorter values are not treated as credentials: replacing them would garble ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of the given secrets (as written or percent-encoded), any `Bearer …`/`Token …` value
 * and URL credentials in a string.
 *
 * @example
 * ```ts
 * redact('echo: Authorization: Bearer abc123', []); // 'echo: Authorization: Bearer [REDACTED]'
 * ```
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = redactUrlCredentials(text).replace(/(Bearer|Token)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`);
  for (const s of secrets) {
    if (!s || s.length < MIN_SECRET_LENGTH) continue;
    out = out.split(s).join(REDACTED);
    const encoded = encodeURIComponent(s);
    if (encoded !== s) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/**
 * A redacted copy of a value: strings redacted, credential keys blanked, arrays and plain objects copied to
 * `depth`, an error reduced to its redacted `name: message`.
 */
export function redactValue(v: unknown, secrets: readonly (string | undefined)[], depth = 4): unknown {
  if (typeof v === 'string') return redact(v, secrets);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Error) return redact(`${v.name}: ${v.message}`, secrets);
  if (depth <= 0) return redactedJson(v, secrets);
  if (Array.isArray(v)) return v.map((x) => redactValue(x, secrets, depth - 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] = SECRET_KEY.test(k) && x ? REDACTED : redactValue(x, secrets, depth - 1);
  }
  return out;
}

/** Below the copy depth: the value's JSON text, redacted (or `[REDACTED]` when it has none). */
function redactedJson(v: object, secrets: readonly (string | undefined)[]): unknown {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? v : JSON.parse(redact(text, secrets));
  } catch {
    return REDACTED;
  }
}

function redactHeaders(h: Headers, secrets: readonly (string | undefined)[]): Headers {
  const out = new Headers();
  h.forEach((value, key) => {
    out.append(key, SECRET_KEY.test(key) || /cookie/i.test(key) ? REDACTED : redact(value, secrets));
  });
  return out;
}

/** Error properties that hold the caller's own data, not the server's words (`resume.records`). */
const OWN_DATA = new Set(['resume']);

/** Sets `e[key]` when `value` differs; a property that cannot be redefined (a platform error's) is left alone. */
function replace(e: Record<string, unknown>, key: string, value: unknown): void {
  if (e[key] === value) return;
  const own = Object.getOwnPropertyDescriptor(e, key);
  try {
    Object.defineProperty(e, key, {
      value,
      writable: true,
      configurable: true,
      enumerable: own ? Boolean(own.enumerable) : !['cause', 'message', 'stack'].includes(key),
    });
  } catch {}
}

/**
 * Redacts an error in place — `message`, `stack`, every own property (a body, field errors, response headers)
 * and each error of its `cause` chain — and returns it. Anything thrown that is not an `Error` is returned as a
 * redacted copy.
 *
 * @example
 * ```ts
 * throw redactError(err, [token]);
 * ```
 */
export function redactError<E>(err: E, secrets: readonly (string | undefined)[], seen = new Set<unknown>()): E {
  if (!(err instanceof Error)) return redactValue(err, secrets, 32) as E;
  if (seen.has(err)) return err;
  seen.add(err);
  const e = err as Error & Record<string, unknown>;
  replace(e, 'message', redact(e.message, secrets));
  if (typeof e.stack === 'string') replace(e, 'stack', redact(e.stack, secrets));
  for (const key of Object.keys(e)) {
    if (key === 'message' || key === 'stack' || key === 'cause' || OWN_DATA.has(key)) continue;
    const v = e[key];
    replace(e, key, v instanceof Headers ? redactHeaders(v, secrets) : redactValue(v, secrets, 32));
  }
  if ('cause' in e && e.cause !== undefined) replace(e, 'cause', redactError(e.cause, secrets, seen));
  return err;
}

/**
 * The credentials one client holds, for redaction: those it was told of ({@link Secrets.add}) plus the ones
 * `current` answers at the moment (the token option).
 *
 * @example
 * ```ts
 * const secrets = new Secrets(() => [options.token]);
 * secrets.add(password);
 * throw secrets.error(err);
 * ```
 */
export class Secrets {
  readonly #known = new Set<string>();
  readonly #current: () => readonly (string | undefined)[];

  constructor(current: () => readonly (string | undefined)[] = () => []) {
    this.#current = current;
  }

  /** Remembers a credential (a token handed out, a password, a device code). */
  add(value: string | undefined): void {
    if (value && value.length >= MIN_SECRET_LENGTH) this.#known.add(value);
  }

  /** Every credential known, longest first (so a secret containing another is replaced whole). */
  list(): string[] {
    const all = new Set([...this.#known, ...this.#current().filter((s): s is string => Boolean(s))]);
    return [...all].sort((a, b) => b.length - a.length);
  }

  /** `text` with every credential redacted. */
  text(text: string): string {
    return redact(text, this.list());
  }

  /** `err` redacted in place (see {@link redactError}). */
  error<E>(err: E): E {
    return redactError(err, this.list());
  }
}
