/**
 * The request as a curl line: the URL as shown, the Bearer header with the placeholder, and the JSON body.
 *
 * @module
 */
import { authorizationHeader } from 'brainstem-api-description';
import { shellWord } from './literals.js';
import { type ShownRequest, TOKEN_PLACEHOLDER } from './request.js';

/**
 * The curl snippet, for any request (also one no tool call expresses). `-g` keeps curl from reading the `{}` and
 * `[]` of the query as its URL globs; `authenticated` false (a read of the public portal) leaves the token out.
 *
 * @example
 * ```ts
 * curlSnippet({ method: 'GET', url: 'http://127.0.0.1:8000/api/private/stem/session/?sort[]=-name' }, true);
 * // "curl -g -H 'Authorization: Bearer YOUR_TOKEN' 'http://127.0.0.1:8000/api/private/stem/session/?sort[]=-name'\n"
 * ```
 */
export function curlSnippet(request: ShownRequest, authenticated: boolean): string {
  let url = request.url;
  try {
    url = new URL(request.url).href;
  } catch {}
  const words = [
    'curl',
    ...(/[[\]{}]/.test(url) ? ['-g'] : []),
    ...(request.method !== 'GET' ? ['-X', request.method] : []),
    ...(authenticated ? ['-H', `Authorization: ${authorizationHeader(TOKEN_PLACEHOLDER)}`] : []),
    ...(request.body !== undefined ? ['-H', 'Content-Type: application/json', '-d', JSON.stringify(request.body)] : []),
    url,
  ];
  return `${words.map(shellWord).join(' ')}\n`;
}
