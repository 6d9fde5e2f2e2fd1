/** Email and web addresses as fields accept and store them. */

/** What counts as an email address (user emails, `format: "email"` fields). */
export const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const URL_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'ftps:']);

/**
 * A `format: 'url'` value as stored: trimmed, `http://` added when it has no scheme (the docs' examples return
 * `newsupplier.com` as `http://newsupplier.com`); `''` stays empty; `undefined` when it is not a web address.
 *
 * @example
 * ```ts
 * normalizeUrlField('newsupplier.com'); // 'http://newsupplier.com'
 * normalizeUrlField('not a url'); // undefined
 * ```
 */
export function normalizeUrlField(value: string): string | undefined {
  const s = value.trim();
  if (s === '') return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}`;
  if (/\s/.test(withScheme)) return undefined;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (!URL_SCHEMES.has(url.protocol) || !/^[^.]+(\.[^.]+)+$|^localhost$|^\[/.test(url.hostname)) return undefined;
  return withScheme;
}
