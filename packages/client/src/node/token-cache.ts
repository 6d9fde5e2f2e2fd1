/**
 * The token cache file (Node): `$XDG_CONFIG_HOME/brainstem/tokens.json` (default `~/.config/brainstem/`), one JSON
 * object keyed by server URL. Directory 0700, file 0600, written atomically (temp file + rename). For the default
 * URL the official Python tool's plain-text `~/.config/brainstem/token` is read too, so a user logged in there is
 * logged in here.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { StoredToken, TokenStore } from '../platform.js';
import { DEFAULT_URL, normalizeUrl } from '../url.js';
import { writePrivateFile } from './atomic-write.js';

/**
 * The config directory: `$XDG_CONFIG_HOME/brainstem`, else `~/.config/brainstem`.
 *
 * @example
 * ```ts
 * configDir(); // '/home/alice/.config/brainstem'
 * ```
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  return join(xdg ? xdg : join(env.HOME?.trim() || homedir(), '.config'), 'brainstem');
}

/**
 * Our cache file.
 *
 * @example
 * ```ts
 * tokenCachePath(); // '/home/alice/.config/brainstem/tokens.json'
 * ```
 */
export function tokenCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'tokens.json');
}

/**
 * Where the official Python tool keeps its token (`~/.config/brainstem/token`, plain text).
 *
 * @example
 * ```ts
 * pythonTokenPath(); // '/home/alice/.config/brainstem/token'
 * ```
 */
export function pythonTokenPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.HOME?.trim() || homedir(), '.config', 'brainstem', 'token');
}

/**
 * Cache key of a server URL (normalized: lowercase host, trailing slash).
 *
 * @example
 * ```ts
 * cacheKey('HTTP://Example.org'); // 'http://example.org/'
 * ```
 */
export function cacheKey(url: string): string {
  return normalizeUrl(url).href;
}

interface CacheEntry {
  token: string;
  savedAt: string;
}

/**
 * A {@link TokenStore} on the cache file. Paths are read from the environment at each call, so tests can point
 * HOME / XDG_CONFIG_HOME elsewhere.
 *
 * @example
 * ```ts
 * const store = new FileTokenStore();
 * await store.set('http://127.0.0.1:8000/', token);
 * ```
 */
export class FileTokenStore implements TokenStore {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** The cache file path. */
  get path(): string {
    return tokenCachePath(this.env);
  }

  private async readAll(): Promise<Record<string, CacheEntry>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    try {
      const data = JSON.parse(text) as unknown;
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, CacheEntry>) : {};
    } catch {
      throw new Error(`${this.path} is not valid JSON; delete it and log in again`);
    }
  }

  private async writeAll(data: Record<string, CacheEntry>): Promise<void> {
    await writePrivateFile(this.path, `${JSON.stringify(data, null, 2)}\n`);
  }

  /** The cached token for `url`; for the default URL, else the Python tool's token file. */
  async get(url: string): Promise<StoredToken | undefined> {
    const key = cacheKey(url);
    const entry = (await this.readAll())[key];
    if (entry && typeof entry.token === 'string' && entry.token) return { token: entry.token, source: this.path };
    if (key === DEFAULT_URL) {
      const py = pythonTokenPath(this.env);
      try {
        const token = (await readFile(py, 'utf8')).trim();
        if (token) return { token, source: py, python: true };
      } catch {
        // no Python token
      }
    }
    return undefined;
  }

  /** Caches `token` for `url` (atomic rewrite, 0600). */
  async set(url: string, token: string): Promise<void> {
    const data = await this.readAll().catch(() => ({}) as Record<string, CacheEntry>);
    data[cacheKey(url)] = { token, savedAt: new Date().toISOString() };
    await this.writeAll(data);
  }

  /** The server URLs with a cached token. */
  async urls(): Promise<string[]> {
    return Object.keys(await this.readAll());
  }

  /** Removes every cached token (the Python tool's file is left alone); answers the URLs removed. */
  async clear(): Promise<string[]> {
    const urls = Object.keys(await this.readAll());
    if (urls.length) await this.writeAll({});
    return urls;
  }

  /** Removes the entry of `url`; answers whether there was one. */
  async delete(url: string): Promise<boolean> {
    const data = await this.readAll();
    const key = cacheKey(url);
    if (!(key in data)) return false;
    delete data[key];
    await this.writeAll(data);
    return true;
  }
}
