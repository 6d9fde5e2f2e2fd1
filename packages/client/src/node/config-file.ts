/**
 * The settings file (Node): `$XDG_CONFIG_HOME/brainstem/config.json` (default `~/.config/brainstem/`), beside the
 * token cache and written the same way (owner-only, atomic). It holds the default server URL that
 * `brainstem login --url` / `brainstem use` save, which {@link BrainstemClient} reads after `BRAINSTEM_URL`.
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
}

/** The keys `brainstem config` accepts. */
export const SETTING_KEYS = ['url'] as const;

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
  const path = configFilePath(env);
  let current: Settings & Record<string, unknown> = {};
  try {
    current = parseSettings(await readFile(path, 'utf8'), path);
  } catch (err) {
    // A broken file is replaced by the new settings; a missing one is created.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof InvalidArgumentError)) throw err;
  }
  const next: Settings & Record<string, unknown> = { ...current };
  if ('url' in patch) {
    if (patch.url === undefined) delete next.url;
    else next.url = normalizeUrl(patch.url).href;
  }
  await writePrivateFile(path, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
