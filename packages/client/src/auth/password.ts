/**
 * Password login, the Python tool's flow (`POST /api/token/ { username, password }` → `{ token }`), for servers that still
 * allow it. BrainSTEM itself enforces 2FA and prefers the device flow.
 * @module
 */
import { TOKEN_PATH } from 'brainstem-api-description';
import { APIError, LoginError } from '../errors.js';

/**
 * Exchanges email + password for a token.
 *
 * @example
 * ```ts
 * const token = await passwordLogin((p, b) => post(p, b), 'alice@example.org', 'secret');
 * ```
 */
export async function passwordLogin(
  post: (path: string, body: unknown) => Promise<unknown>,
  email: string,
  password: string,
): Promise<string> {
  let body: unknown;
  try {
    body = await post(TOKEN_PATH, { username: email, password });
  } catch (err) {
    if (err instanceof APIError && (err.status === 400 || err.status === 401 || err.status === 403)) {
      throw new LoginError('bad_credentials', `Password login failed: wrong email or password (${err.status}).`, {
        cause: err,
      });
    }
    if (err instanceof APIError && (err.status === 404 || err.status === 405)) {
      throw new LoginError(
        'bad_response',
        `This server does not offer password login (POST ${TOKEN_PATH}); use the device login instead.`,
        { cause: err },
      );
    }
    throw err;
  }
  const token = body && typeof body === 'object' ? (body as { token?: unknown }).token : undefined;
  if (typeof token !== 'string' || !token) {
    throw new LoginError('bad_response', `Unexpected answer to POST ${TOKEN_PATH}: ${JSON.stringify(body)}`);
  }
  return token;
}
