/**
 * The settings file (Node): `$XDG_CONFIG_HOME/brainstem/config.json` (default `~/.config/brainstem/`), beside the
 * token cache and written the same way (owner-only, atomic). It holds the default server URL that
 * `brainstem login --url` / `brainstem use` save, which {@link BrainstemClient} reads after `BRAINSTEM_URL`, and
 * settings per server (`servers`: whether the CLI may use plain http with it), which the CLI reads.
 * @module
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import { normalizeUrl } from '../url.js';
import { writePrivateFile } from './atomic-write.js';
import { configDir } from './token-cache.js';

/**
 * The settings stored in the file. Unknown keys written by a newer version are kept on rewrite.
 *
 * @example
 * ```ts
 * const settings: Settings = { url: 'http://127.0.0.1:8000/' };
 * ```
 */
export interface Settings {
  /** Default server URL (normalized, trailing slash). */
  url?: string;
  /** Settings of one server, by its normalized URL. */
  servers?: Record<string, ServerSettings>;
}

/**
 * The settings of one server (`brainstem config set <key> <value> --url <server>`).
 *
 * @example
 * ```ts
 * const lab: ServerSettings = { allowInsecure: true }; // the CLI may send credentials to it over plain http
 * ```
 */
export interface ServerSettings {
  /** The CLI sends the token and passwords to this server over plain http:// (the `allowInsecure` option). */
  allowInsecure?: boolean;
}

/** The keys `brainstem config` accepts: `url` (the default server) and the per-server `allow-insecure`. */
export const SETTING_KEYS = ['url', 'allow-insecure'] as const;

/**
 * The settings file path.
 *
 * @example
 * ```ts
 * configFilePath(); // '/home/alice/.config/brainstem/config.json'
 * ```
 */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'config.json');
}

function parseSettings(text: string, path: string): Settings & Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError('config', `${path} is not valid JSON; fix or delete it`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidArgumentError('config', `${path} must hold a JSON object like {"url": "https://…/"}`);
  }
  return data as Settings & Record<string, unknown>;
}

/**
 * Reads the settings file; `{}` when there is none. Synchronous because the client resolves its URL in the
 * constructor. Throws {@link InvalidArgumentError} naming the file when it is not a JSON object.
 *
 * @example
 * ```ts
 * readSettings().url; // 'http://127.0.0.1:8000/' after `brainstem use http://127.0.0.1:8000/`
 * ```
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings & Record<string, unknown> {
  const path = configFilePath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  return parseSettings(text, path);
}

/**
 * The saved default server URL, checked: a bad value fails with an error naming the file, not with a puzzling
 * URL error later.
 *
 * @example
 * ```ts
 * savedServerUrl(); // 'http://127.0.0.1:8000/' or undefined
 * ```
 */
export function savedServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = readSettings(env).url;
  if (url === undefined) return undefined;
  try {
    if (typeof url !== 'string') throw new Error('not a string');
    return normalizeUrl(url).href;
  } catch {
    throw new InvalidArgumentError(
      'url',
      `${configFilePath(env)}: "url" must be an absolute http(s) URL, got ${JSON.stringify(url)}; ` +
        'set it with `brainstem use <url>`',
    );
  }
}

/** Reads the file (a missing or broken one counts as empty), applies `change`, and rewrites it atomically (0600). */
async function rewrite(
  env: NodeJS.ProcessEnv,
  change: (current: Settings & Record<string, unknown>) => Settings & Record<string, unknown>,
): Promise<Settings & Record<string, unknown>> {
  const path = configFilePath(env);
  let current: Settings & Record<string, unknown> = {};
  try {
    current = parseSettings(await readFile(path, 'utf8'), path);
  } catch (err) {
    // A broken file is replaced by the new settings; a missing one is created.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof InvalidArgumentError)) throw err;
  }
  const next = change({ ...current });
  await writePrivateFile(path, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/**
 * Sets (or, with `undefined`, removes) settings and rewrites the file atomically with mode 0600. A URL is
 * normalized first; an invalid one throws {@link InvalidArgumentError} and leaves the file as it was.
 *
 * @example
 * ```ts
 * await writeSettings({ url: 'http://127.0.0.1:8000' }); // stored as 'http://127.0.0.1:8000/'
 * await writeSettings({ url: undefined }); // back to BRAINSTEM_URL or https://www.brainstem.org/
 * ```
 */
export async function writeSettings(patch: Settings, env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const url = 'url' in patch && patch.url !== undefined ? normalizeUrl(patch.url).href : undefined;
  return rewrite(env, (next) => {
    if ('url' in patch) {
      if (url === undefined) delete next.url;
      else next.url = url;
    }
    return next;
  });
}

/** The `servers` map of a settings object, checked. */
function serversOf(settings: Settings & Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const servers: unknown = settings.servers ?? {};
  if (!servers || typeof servers !== 'object' || Array.isArray(servers)) {
    throw new InvalidArgumentError(
      'config',
      `${configFilePath(env)}: "servers" must be an object of server URLs, got ${JSON.stringify(servers)}`,
    );
  }
  return servers as Record<string, unknown>;
}

/**
 * The saved settings of the server at `url` (`{}` when none), checked: a bad value fails with an error naming the
 * file and the command that sets it.
 *
 * @example
 * ```ts
 * savedServerSettings('http://lab-server.example:8000/'); // { allowInsecure: true } after
 * // `brainstem config set allow-insecure true --url http://lab-server.example:8000/`
 * ```
 */
export function savedServerSettings(url: string, env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const key = normalizeUrl(url).href;
  const entry = serversOf(readSettings(env), env)[key];
  if (entry === undefined) return {};
  const allowInsecure = entry && typeof entry === 'object' ? (entry as ServerSettings).allowInsecure : entry;
  if (allowInsecure !== undefined && typeof allowInsecure !== 'boolean') {
    throw new InvalidArgumentError(
      'allow-insecure',
      `${configFilePath(env)}: "allowInsecure" of ${key} must be true or false, got ${JSON.stringify(allowInsecure)}; ` +
        `set it with \`brainstem config set allow-insecure true --url ${key}\``,
    );
  }
  return allowInsecure === undefined ? {} : { allowInsecure };
}

/**
 * Sets (or, with `undefined`, removes) settings of the server at `url`, rewriting the file atomically (0600). A
 * server left with no setting is removed from the file.
 *
 * @example
 * ```ts
 * await writeServerSettings('http://lab-server.example:8000', { allowInsecure: true });
 * await writeServerSettings('http://lab-server.example:8000', { allowInsecure: undefined });
 * ```
 */
export async function writeServerSettings(
  url: string,
  patch: ServerSettings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServerSettings> {
  const key = normalizeUrl(url).href;
  let result: ServerSettings = {};
  await rewrite(env, (next) => {
    let servers: Record<string, unknown> = {};
    try {
      servers = { ...serversOf(next, env) };
    } catch {
      // A broken map is replaced, as a broken file is.
    }
    const entry = servers[key];
    const settings: ServerSettings & Record<string, unknown> =
      entry && typeof entry === 'object' && !Array.isArray(entry) ? { ...(entry as ServerSettings) } : {};
    if ('allowInsecure' in patch) {
      if (patch.allowInsecure === undefined) delete settings.allowInsecure;
      else settings.allowInsecure = patch.allowInsecure;
    }
    if (Object.keys(settings).length) servers[key] = settings;
    else delete servers[key];
    if (Object.keys(servers).length) next.servers = servers as Record<string, ServerSettings>;
    else delete next.servers;
    result = settings;
    return next;
  });
  return result;
}
