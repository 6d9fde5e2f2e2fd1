/**
 * What differs between runtimes. The core leaves every hook empty (browsers, Deno, Bun, workers); the Node entry
 * fills them in: token cache file, `.env` loading, terminal prompts, opening a browser.
 * @module
 */

/**
 * A token found in a {@link TokenStore}.
 *
 * @example
 * ```ts
 * const stored = await new FileTokenStore().get(client.url);
 * console.log(stored?.source);
 * ```
 */
export interface StoredToken {
  token: string;
  /** Where it came from, for messages (e.g. a file path). */
  source: string;
  /** Whether it is the official Python tool's token file rather than our own cache. */
  python?: boolean;
}

/**
 * Persists tokens per server URL. The Node entry provides a file store; in a browser you could pass one backed by
 * `sessionStorage`.
 *
 * @example
 * ```ts
 * const mem = new Map<string, string>();
 * const store: TokenStore = {
 *   async get(url) { const t = mem.get(url); return t ? { token: t, source: 'memory' } : undefined; },
 *   async set(url, token) { mem.set(url, token); },
 *   async delete(url) { return mem.delete(url); },
 * };
 * ```
 */
export interface TokenStore {
  /** The token stored for a server URL, if any. */
  get(url: string): Promise<StoredToken | undefined>;
  /** Stores the token for a server URL (replacing any). */
  set(url: string, token: string): Promise<void>;
  /** Removes the token of a server URL; answers whether there was one. */
  delete(url: string): Promise<boolean>;
  /** Removes every entry; answers the URLs removed. */
  clear?(): Promise<string[]>;
}

/**
 * Runtime hooks. All optional.
 *
 * @example
 * ```ts
 * class MyClient extends BrainstemClient {
 *   protected static override platform: Platform = { notify: (m) => showBanner(m) };
 * }
 * ```
 */
export interface Platform {
  /** Loads `.env` from the working directory into the environment without overriding set variables. */
  loadEnvFile?(): void;
  /**
   * The server URL to use when neither the `url` option nor `BRAINSTEM_URL` gives one (Node: the `url` saved in
   * `~/.config/brainstem/config.json`). Synchronous: the client resolves its URL in the constructor.
   */
  defaultUrl?(): string | undefined;
  /** Default token store. */
  tokenStore?: TokenStore;
  /** Whether a person can answer prompts (a terminal is attached and this is not CI). */
  canPrompt?(): boolean;
  /** Asks a question on the terminal; `hidden` does not echo (passwords). */
  prompt?(question: string, opts?: { hidden?: boolean }): Promise<string>;
  /** Opens a URL in the user's browser; resolves `false` when it could not. */
  openBrowser?(url: string): Promise<boolean>;
  /** Shows a message to the person at the terminal (stderr). */
  notify?(message: string): void;
  /** The default `fetch` (Node: honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The portable core: no hooks. */
export const CORE_PLATFORM: Platform = {};
