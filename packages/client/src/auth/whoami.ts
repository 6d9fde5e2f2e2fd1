/**
 * `whoami`: who a token belongs to.
 * @module
 */
import { modelPath, WHOAMI_PATH } from 'brainstem-api-description';
import { APIError, NotFoundError } from '../errors.js';
import type { RequestOptions } from '../transport.js';

/**
 * The user `whoami` reports.
 *
 * @example
 * ```ts
 * const { user } = await client.whoami();
 * console.log(user?.email);
 * ```
 */
export interface WhoamiUser {
  id: number;
  email: string;
  first_name?: string;
  last_name?: string;
  [key: string]: unknown;
}

/**
 * Result of `whoami`.
 *
 * @example
 * ```ts
 * const me = await client.whoami();
 * if (me.source === 'fallback') console.log(me.note);
 * ```
 */
export interface WhoamiResult {
  /** The user, or `null` when the server cannot say (no whoami endpoint). */
  user: WhoamiUser | null;
  /** `'whoami'`: from `GET /api/auth/whoami/`; `'fallback'`: the server lacks it, the token was checked otherwise. */
  source: 'whoami' | 'fallback';
  /** Explanation when `source` is `'fallback'`. */
  note?: string;
}

/**
 * Asks `GET /api/auth/whoami/`; on a server without it (404), checks the token with a one-record private request.
 *
 * @example
 * ```ts
 * await whoami((path, opts) => client.request('GET', path, opts), client.url, {});
 * ```
 */
export async function whoami(
  get: (path: string, opts: RequestOptions & { query?: string }) => Promise<unknown>,
  url: string,
  opts: RequestOptions,
): Promise<WhoamiResult> {
  try {
    const body = (await get(WHOAMI_PATH, opts)) as { user?: WhoamiResult['user'] } | null;
    if (body && typeof body === 'object' && body.user && typeof body.user === 'object') {
      return { user: body.user, source: 'whoami' };
    }
    throw new APIError({
      status: 200,
      body,
      url: `${url}${WHOAMI_PATH.slice(1)}`,
      method: 'GET',
      message: `Unexpected whoami answer: ${JSON.stringify(body)}`,
    });
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  const probe = modelPath('project', { portal: 'private' });
  await get(probe, { ...opts, query: 'limit=1' });
  return {
    user: null,
    source: 'fallback',
    note:
      `This server has no ${WHOAMI_PATH} endpoint (an extension of the local brainstem-server), so the user ` +
      `is unknown; the token was accepted by GET ${probe}.`,
  };
}
