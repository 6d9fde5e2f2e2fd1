/** Minimal cookie parsing and serialization for the web session cookie (no dependency needed for one cookie). */

/**
 * Parses a `Cookie` request header into name → value (first occurrence wins, values are not decoded: ours are
 * base64url).
 *
 * @example
 * ```ts
 * parseCookies('a=1; brainstem_session=xyz'); // { a: '1', brainstem_session: 'xyz' }
 * ```
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. Omitted: a browser-session cookie. */
  maxAge?: number;
  /** Only send over HTTPS (set when the request came over HTTPS; the local server is usually plain HTTP). */
  secure?: boolean;
}

/**
 * A `Set-Cookie` value: always `HttpOnly; SameSite=Lax; Path=/`.
 *
 * @example
 * ```ts
 * serializeCookie('brainstem_session', 'xyz', { maxAge: 3600 });
 * // 'brainstem_session=xyz; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600'
 * ```
 */
export function serializeCookie(name: string, value: string, opts: CookieOptions = {}): string {
  let c = `${name}=${value}; Path=/; HttpOnly; SameSite=Lax`;
  if (opts.maxAge !== undefined) c += `; Max-Age=${Math.max(0, Math.floor(opts.maxAge))}`;
  if (opts.secure) c += '; Secure';
  return c;
}
