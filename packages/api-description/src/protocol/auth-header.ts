/**
 * The token header of API requests: `Authorization: Bearer <token>`, as the official Python v2 client sends it.
 * The client writes it with {@link authorizationHeader}; the server reads it with {@link parseBearer}.
 * @module
 */

/** The scheme of the API's token header. */
export const AUTH_SCHEME = 'Bearer';

const BEARER = /^\s*Bearer(?:\s+(\S+))?\s*$/i;
const BEARER_SCHEME = /^\s*Bearer(\s|$)/i;

/**
 * The `Authorization` header value that sends `token`.
 *
 * @example
 * ```ts
 * authorizationHeader('bst_abc'); // 'Bearer bst_abc'
 * ```
 */
export function authorizationHeader(token: string): string {
  return `${AUTH_SCHEME} ${token}`;
}

/**
 * What an `Authorization` header says: `undefined` when it is absent or of another scheme (no token was offered),
 * `{ token }` for a Bearer token, and `'malformed'` for a Bearer header without exactly one token — which is an
 * invalid token, not anonymity.
 *
 * @example
 * ```ts
 * parseBearer('Bearer bst_abc'); // { token: 'bst_abc' }
 * parseBearer('Bearer'); // 'malformed'
 * parseBearer('Basic dXNlcg=='); // undefined
 * ```
 */
export function parseBearer(header: string | undefined): { token: string } | 'malformed' | undefined {
  if (!header || !BEARER_SCHEME.test(header)) return undefined;
  const token = BEARER.exec(header)?.[1];
  return token === undefined ? 'malformed' : { token };
}
