/**
 * Credentials in URLs (`http://user:token@host/`). The client refuses server URLs that carry them (a token in a
 * URL ends up in shell history, logs and error messages); messages that may quote a URL from elsewhere — a
 * rejected option, a redirect target, a fetch failure — pass through {@link redactUrlCredentials} first.
 */

/** `scheme://` followed by an authority's userinfo; greedy up to the last `@` before the path, as URL parsers read it. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>`]*@/gi;

/**
 * Replaces the user name and password of every URL in `text` with `***`.
 *
 * @example
 * ```ts
 * redactUrlCredentials('GET http://alice:s3cret@127.0.0.1:8000/api/'); // 'GET http://***@127.0.0.1:8000/api/'
 * ```
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(USERINFO, '$1***@');
}

/** Whether a parsed URL carries a user name or password. */
export function hasUrlCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}
