/**
 * The URL layout of the API and every fixed path a client asks for and a server answers: the model endpoints
 * `/api/{portal}/{app}/{model}/{id}/{action}/`, the auth endpoints (password token, device authorization, whoami),
 * the API root, the API reference and the web pages a login points people to. Paths are absolute and end with the
 * slash the Python client sends.
 *
 * @example
 * ```ts
 * import { DEVICE_TOKEN_PATH, modelPath, parseApiPath } from 'brainstem-api-description';
 * DEVICE_TOKEN_PATH; // '/api/auth/device/token/'
 * modelPath('session', { portal: 'public' }); // '/api/public/stem/session/'
 * parseApiPath('/api/private/modules/subjectlog/7/add_entry/');
 * // { portal: 'private', app: 'modules', model: 'subjectlog', id: '7', action: 'add_entry' }
 * ```
 * @module
 */
import { rowOf } from '../registry/lookup.js';
import { DEFAULT_PORTAL, PORTALS } from '../registry/portals.js';
import type { ModelSpec, Portal } from '../registry/types.js';

/**
 * The API root: lists every model endpoint of the default portal. Every API path starts with it.
 *
 * @example
 * ```ts
 * path.startsWith(API_ROOT); // an API path
 * ```
 */
export const API_ROOT = '/api/';

/**
 * Password login: `POST { username, password }` → `{ token }` (the Python client's flow).
 *
 * @example
 * ```ts
 * await client.request('POST', TOKEN_PATH, { body: { username, password } });
 * ```
 */
export const TOKEN_PATH = '/api/token/';

/**
 * Device authorization, step one: `POST { client_name }` → `{ device_code, user_code, verification_uri, … }`.
 *
 * @example
 * ```ts
 * `${server}${DEVICE_AUTHORIZATION_PATH.slice(1)}`; // 'https://www.brainstem.org/api/auth/device/'
 * ```
 */
export const DEVICE_AUTHORIZATION_PATH = '/api/auth/device/';

/**
 * Device authorization, the poll: `POST { device_code }` → `{ status: 'pending' }`, `{ status: 'success', token }`
 * or `{ error }`, always HTTP 200.
 *
 * @example
 * ```ts
 * DEVICE_TOKEN_PATH; // '/api/auth/device/token/'
 * ```
 */
export const DEVICE_TOKEN_PATH = '/api/auth/device/token/';

/**
 * Who a token belongs to: `GET` with a Bearer token → `{ user }` (an extension of the local server).
 *
 * @example
 * ```ts
 * WHOAMI_PATH; // '/api/auth/whoami/'
 * ```
 */
export const WHOAMI_PATH = '/api/auth/whoami/';

/**
 * The web page where a person approves a device login (`verification_uri`; `?session=…` completes it).
 *
 * @example
 * ```ts
 * `${origin}${DEVICE_APPROVAL_PAGE}?session=${id}`;
 * ```
 */
export const DEVICE_APPROVAL_PAGE = '/account/authorize/';

/**
 * The web page that creates and revokes personal access tokens.
 *
 * @example
 * ```ts
 * `https://www.brainstem.org${TOKENS_PAGE}`; // 'https://www.brainstem.org/private/users/tokens/'
 * ```
 */
export const TOKENS_PAGE = '/private/users/tokens/';

/**
 * The API reference page (a local-server extension).
 *
 * @example
 * ```ts
 * DOCS_PATH; // '/api/docs/'
 * ```
 */
export const DOCS_PATH = '/api/docs/';

/**
 * The OpenAPI document (a local-server extension; `?format=yaml` for YAML).
 *
 * @example
 * ```ts
 * SCHEMA_PATH; // '/api/schema/'
 * ```
 */
export const SCHEMA_PATH = '/api/schema/';

/** An auth endpoint: its method and path. */
export interface AuthEndpoint {
  readonly method: 'GET' | 'POST';
  readonly path: string;
}

/**
 * Every auth endpoint of the API, by name.
 *
 * @example
 * ```ts
 * AUTH_ENDPOINTS.whoami; // { method: 'GET', path: '/api/auth/whoami/' }
 * ```
 */
export const AUTH_ENDPOINTS = {
  token: { method: 'POST', path: TOKEN_PATH },
  deviceAuthorization: { method: 'POST', path: DEVICE_AUTHORIZATION_PATH },
  deviceToken: { method: 'POST', path: DEVICE_TOKEN_PATH },
  whoami: { method: 'GET', path: WHOAMI_PATH },
} as const satisfies Record<string, AuthEndpoint>;

/** The parts of an API path, each present only when the ones before it are. */
export interface ApiPathParts {
  readonly portal: string;
  readonly app?: string;
  readonly model?: string;
  readonly id?: string;
  readonly action?: string;
}

/**
 * An API path from its parts: `/api/{portal}/`, `/api/{portal}/{app}/`, `/api/{portal}/{app}/{model}/`, then the
 * record id and the action, each percent-encoded and followed by a slash. A part given without the ones before it
 * throws a `TypeError` naming it.
 *
 * @example
 * ```ts
 * apiPath({ portal: 'private', app: 'stem' }); // '/api/private/stem/'
 * apiPath({ portal: 'private', app: 'modules', model: 'subjectlog', id: 'a b', action: 'add_entry' });
 * // '/api/private/modules/subjectlog/a%20b/add_entry/'
 * ```
 */
export function apiPath(parts: ApiPathParts): string {
  const order = ['portal', 'app', 'model', 'id', 'action'] as const;
  let path = API_ROOT;
  let missing: string | undefined;
  for (const key of order) {
    const value = parts[key];
    if (value === undefined || value === '') {
      missing ??= key;
      continue;
    }
    if (missing) throw new TypeError(`apiPath: \`${key}\` needs \`${missing}\` before it`);
    path += `${encodeURIComponent(value)}/`;
  }
  return path;
}

/**
 * Path of a model collection, record or record action, with the trailing slash the Python client uses.
 *
 * @example
 * ```ts
 * modelPath('subjectlog', { id: '…uuid…', action: 'add_entry' });
 * // '/api/private/modules/subjectlog/…uuid…/add_entry/'
 * ```
 */
export function modelPath(
  model: ModelSpec | string,
  opts: { portal?: Portal; id?: string | number; action?: string } = {},
): string {
  const m = rowOf(model);
  return apiPath({
    portal: opts.portal ?? DEFAULT_PORTAL,
    app: m.app,
    model: m.name,
    ...(opts.id !== undefined ? { id: String(opts.id) } : {}),
    ...(opts.action ? { action: opts.action } : {}),
  });
}

/**
 * The parts of an API path (or of an absolute URL, query and fragment ignored) under a portal; `undefined` for a
 * path elsewhere (the auth endpoints, the docs, the API root, web pages) or one with more parts than the layout.
 * The id and action come back percent-decoded.
 *
 * @example
 * ```ts
 * parseApiPath('https://www.brainstem.org/api/public/stem/session/?limit=5');
 * // { portal: 'public', app: 'stem', model: 'session' }
 * parseApiPath('/api/auth/whoami/'); // undefined
 * ```
 */
export function parseApiPath(pathOrUrl: string): ApiPathParts | undefined {
  const path = pathOrUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  if (!path.startsWith(API_ROOT)) return undefined;
  const segments = path.slice(API_ROOT.length).split('/').filter(Boolean);
  const [portal, app, model, id, action] = segments;
  if (!portal || !(PORTALS as readonly string[]).includes(portal) || segments.length > 5) return undefined;
  let decoded: (string | undefined)[];
  try {
    decoded = [id, action].map((s) => (s === undefined ? undefined : decodeURIComponent(s)));
  } catch {
    return undefined;
  }
  return {
    portal,
    ...(app ? { app } : {}),
    ...(model ? { model } : {}),
    ...(decoded[0] !== undefined ? { id: decoded[0] } : {}),
    ...(decoded[1] !== undefined ? { action: decoded[1] } : {}),
  };
}

/**
 * The parts of the API path inside a URL or path, also under a server's base path (`https://host/prefix/api/…`):
 * the first `/api/{portal}/…` that {@link parseApiPath} reads, or `undefined` when there is none.
 *
 * @example
 * ```ts
 * findApiPath('https://host/prefix/api/public/stem/session/7/?limit=5');
 * // { portal: 'public', app: 'stem', model: 'session', id: '7' }
 * findApiPath('https://host/prefix/api/auth/whoami/'); // undefined
 * ```
 */
export function findApiPath(url: string): ApiPathParts | undefined {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  for (let at = path.indexOf(API_ROOT); at >= 0; at = path.indexOf(API_ROOT, at + 1)) {
    const parts = parseApiPath(path.slice(at));
    if (parts) return parts;
  }
  return undefined;
}
