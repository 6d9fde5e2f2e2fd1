import { configFilePath, DEFAULT_URL, normalizeUrl, savedServerUrl } from 'brainstem-api-tools';

/** Where the server URL of a command comes from, in the order they are tried. */
export type ServerSource = '--url' | 'BRAINSTEM_URL' | 'config' | 'default';

/**
 * The server a command talks to and why: `--url`, else `$BRAINSTEM_URL`, else the default saved by
 * `brainstem login --url` / `brainstem use` (config.json), else https://www.brainstem.org/. The same order the
 * client library uses, spelled out for `brainstem status` and `brainstem config`.
 *
 * @example
 * ```ts
 * serverSetting(undefined, process.env); // { url: 'http://127.0.0.1:8000/', source: 'config', … }
 * ```
 */
export function serverSetting(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { url: string; source: ServerSource; description: string } {
  if (flag !== undefined) return { url: normalizeUrl(flag).href, source: '--url', description: '--url' };
  const fromEnv = env.BRAINSTEM_URL?.trim();
  if (fromEnv) {
    return {
      url: normalizeUrl(fromEnv).href,
      source: 'BRAINSTEM_URL',
      description: 'environment variable BRAINSTEM_URL',
    };
  }
  const saved = savedServerUrl(env as NodeJS.ProcessEnv);
  if (saved)
    return {
      url: saved,
      source: 'config',
      description: `default saved in ${configFilePath(env as NodeJS.ProcessEnv)}`,
    };
  return { url: DEFAULT_URL, source: 'default', description: 'built-in default' };
}
