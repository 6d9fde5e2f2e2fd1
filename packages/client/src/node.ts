/**
 * brainstem-api-tools for Node: the core plus the token cache file, `.env` loading, terminal prompts (hidden
 * password), opening a browser and proxies from `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`, wired into
 * `BrainstemClient` (the same class as the core's, documented there, with the Node defaults): the server from
 * `url`, `BRAINSTEM_URL`, or the default saved in `~/.config/brainstem/config.json` (`brainstem use`); the token
 * from env, `.env`, the token cache (`~/.config/brainstem/tokens.json`, plus the Python tool's `token` file for
 * the default URL), or an interactive login on a terminal.
 *
 * @example
 * ```ts
 * import { BrainstemClient } from 'brainstem-api-tools';
 * const client = new BrainstemClient(); // env → .env → ~/.config/brainstem/tokens.json → login on a terminal
 * ```
 * @module brainstem-api-tools/node
 */
import { BrainstemClient as CoreClient } from './client.js';
import { openBrowser } from './node/browser.js';
import { savedServerUrl } from './node/config-file.js';
import { loadDotEnv } from './node/env-file.js';
import { canPrompt, prompt } from './node/prompt.js';
import { nodeFetch } from './node/proxy.js';
import { FileTokenStore } from './node/token-cache.js';
import type { Platform } from './platform.js';

// Repeated here, not only in index.ts: a bundler keeps `export *` of another package only at the entry it is
// written in, and this entry re-exports index.ts. The client's own query encoders (which throw the client's
// InvalidArgumentError) are named once more so that they, not the description's, are the ones exported.
export * from 'brainstem-api-description';
export * from './index.js';
export { openBrowser } from './node/browser.js';
export {
  configFilePath,
  readSettings,
  SETTING_KEYS,
  type ServerSettings,
  type Settings,
  savedServerSettings,
  savedServerUrl,
  writeServerSettings,
  writeSettings,
} from './node/config-file.js';
export { loadDotEnv } from './node/env-file.js';
export { canPrompt, prompt } from './node/prompt.js';
export { proxyConfigured } from './node/proxy.js';
export { cacheKey, configDir, FileTokenStore, pythonTokenPath, tokenCachePath } from './node/token-cache.js';
export { encodeQuery, queryPairs } from './query.js';

/**
 * The Node hooks.
 *
 * @example
 * ```ts
 * NODE_PLATFORM.tokenStore?.get('https://www.brainstem.org/');
 * ```
 */
export const NODE_PLATFORM: Platform = {
  loadEnvFile: () => {
    loadDotEnv();
  },
  defaultUrl: () => savedServerUrl(),
  tokenStore: new FileTokenStore(),
  canPrompt,
  prompt,
  openBrowser,
  notify: (message) => {
    process.stderr.write(`${message}\n`);
  },
  fetch: nodeFetch,
};

/**
 * The core `BrainstemClient` with the Node defaults (see the module description). Not a page of its own in the
 * API reference: everything it offers is the core class's.
 *
 * @hidden
 * @example
 * ```ts
 * const client = new BrainstemClient({ url: 'http://127.0.0.1:8000/' });
 * const { sessions } = await client.load('session');
 * ```
 */
export class BrainstemClient extends CoreClient {
  protected static override platform: Platform = NODE_PLATFORM;
}
