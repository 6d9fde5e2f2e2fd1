/**
 * What error messages add for the reader: the query parameter a 400 is about, where brainstem.org accounts create
 * API tokens, and what to do when a browser blocks a page's request to another origin.
 * @module
 */
import {
  decodeQuery,
  FILTER_OPERATORS,
  filterParam,
  includeParam,
  QUERY_PARAMETERS,
  TOKENS_PAGE,
} from 'brainstem-api-description';

/** Path segments that name a lookup or an id, not a field. */
const LOOKUPS = new Set<string>(['id', 'pk', ...FILTER_OPERATORS]);

/**
 * For a 400 about the request as a whole: the filter/sort/include query parameters of `url` that the server's
 * message is about (by the field named in it), when the message does not already spell out the parameter.
 *
 * @example
 * ```ts
 * queryParamHint('http://h/api/private/stem/session/?filter{colour}=red', 'Invalid filter field: colour');
 * // ' Check the query parameter filter{colour}.'
 * ```
 */
export function queryParamHint(url: string, detail: string): string {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return '';
  }
  const { query } = decodeQuery(params);
  const named: string[] = [];
  const about = (param: string, field: string) => {
    if (detail.includes(param) || named.includes(param)) return;
    const parts = field
      .replace(/^-/, '')
      .split('.')
      .filter((p) => !LOOKUPS.has(p));
    if (
      parts.some((p) => p && new RegExp(`(^|[^\\w])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(detail))
    ) {
      named.push(param);
    }
  };
  for (const f of query.filters) about(filterParam(f.key), f.key);
  for (const s of query.sort) about(`${QUERY_PARAMETERS.sort.name}=${s}`, s);
  for (const i of query.include) about(`${QUERY_PARAMETERS.include.name}=${includeParam(i)}`, i);
  return named.length ? ` Check the query parameter${named.length > 1 ? 's' : ''} ${named.join(', ')}.` : '';
}

/**
 * The page where a BrainSTEM account creates API tokens, when `url` is on brainstem.org; `undefined` for any other
 * server (a local or self-hosted server has its own way, or none).
 *
 * @example
 * ```ts
 * tokenPageFor('https://www.brainstem.org/api/private/stem/session/'); // 'https://www.brainstem.org/private/users/tokens/'
 * tokenPageFor('http://127.0.0.1:8000/'); // undefined
 * ```
 */
export function tokenPageFor(url: string | undefined): string | undefined {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return undefined;
  }
  const host = u.hostname.toLowerCase();
  if (host !== 'brainstem.org' && !host.endsWith('.brainstem.org')) return undefined;
  return `${u.origin}${TOKENS_PAGE}`;
}

/** `'; create one at <page>.'` for brainstem.org, else `'.'`. */
export function tokenPageHint(url: string | undefined): string {
  const page = tokenPageFor(url);
  return page ? `; create one at ${page}.` : '.';
}

/**
 * For a browser page whose request to another origin failed without an answer: the server must allow the page's
 * origin (CORS); how to do that on the local server, and who does it on a BrainSTEM server.
 *
 * @example
 * ```ts
 * crossOriginHint('http://localhost:5173', new URL('http://127.0.0.1:8000/api/private/stem/project/'));
 * // 'The browser blocked this page (http://localhost:5173) from reading http://127.0.0.1:8000, or could not reach it. …'
 * ```
 */
export function crossOriginHint(page: string, target: URL): string {
  return (
    `The browser blocked this page (${page}) from reading ${target.origin}, or could not reach it. ` +
    `Most often the server does not allow the origin ${page} (CORS): start a local server with ` +
    `\`brainstem-server --cors ${page}\`; a BrainSTEM server must list ${page} among its allowed origins.`
  );
}
