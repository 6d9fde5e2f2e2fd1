/**
 * The server URL: the default, and how a given one is checked and normalized.
 * @module
 */
import { InvalidArgumentError } from './errors.js';
import { hasUrlCredentials, redactUrlCredentials } from './internal/url-credentials.js';

/**
 * The public BrainSTEM server.
 *
 * @example
 * ```ts
 * new BrainstemClient().url === DEFAULT_URL; // when BRAINSTEM_URL is unset
 * ```
 */
export const DEFAULT_URL = 'https://www.brainstem.org/';

/**
 * Normalizes a server URL: http(s) only, trailing slash, no query or fragment. A URL with a user name or password
 * (`http://alice:<token>@host/`) is refused: the token goes in the `token` option, never in a URL that is
 * printed, logged and cached by name.
 *
 * @example
 * ```ts
 * normalizeUrl('http://127.0.0.1:8000').href; // 'http://127.0.0.1:8000/'
 * normalizeUrl('http://alice:s3cret@127.0.0.1:8000/'); // throws InvalidArgumentError (message shows http://***@…)
 * ```
 */
export function normalizeUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError(
      'url',
      `url must be an absolute http(s) URL like "https://www.brainstem.org/", got "${redactUrlCredentials(raw)}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError('url', `url must use http or https, got "${url.protocol}"`);
  }
  if (hasUrlCredentials(url)) {
    throw new InvalidArgumentError(
      'url',
      `url must not contain a user name or password ("${redactUrlCredentials(url.href)}"): pass the token ` +
        'separately (the token option, --token or BRAINSTEM_TOKEN), so it stays out of logs and shell history',
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
