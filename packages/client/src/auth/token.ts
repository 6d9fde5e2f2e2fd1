/**
 * Where the client's token comes from. The client asks one question, "a token for this portal?";
 * {@link TokenAuth} answers it from the `token` option, or else from a chain of {@link TokenProvider}s looked up
 * once (env, `.env`, the token store), or else by starting an interactive login. What each runtime can offer (a
 * `.env` file, a token file, a terminal) comes from its `Platform`, so this module stays portable.
 * @module
 */

import type { Portal } from 'brainstem-api-description';
import { AuthenticationError, InvalidArgumentError } from '../errors.js';
import { tokenPageHint } from '../hints.js';
import { readEnv } from '../internal/env.js';
import type { LogSink } from '../logger.js';
import type { Platform, TokenStore } from '../platform.js';
import type { Secrets } from '../redact.js';

/**
 * A token, or a function returning one (called before each request; lets you rotate tokens).
 *
 * @example
 * ```ts
 * new BrainstemClient({ token: async () => (await vault.read('brainstem')).token });
 * ```
 */
export type TokenOption = string | (() => string | Promise<string>);

/**
 * Where the token in use came from.
 *
 * @example
 * ```ts
 * await client.resolveToken({ interactive: false });
 * console.log(client.tokenSource); // e.g. 'env:BRAINSTEM_TOKEN'
 * ```
 */
export type TokenSource =
  | 'option'
  | 'function'
  | 'env:BRAINSTEM_TOKEN'
  | 'env:BRAINSTEM_API_TOKEN'
  | '.env'
  | 'cache'
  | 'python-cache'
  | 'login';

/**
 * A token and where it was found.
 *
 * @example
 * ```ts
 * const found: FoundToken = { token: 'abc…', source: 'env:BRAINSTEM_TOKEN' };
 * ```
 */
export interface FoundToken {
  token: string;
  source: TokenSource;
}

/**
 * One place a token may be found: answers it, or `undefined` when it has none.
 *
 * @example
 * ```ts
 * const fixed: TokenProvider = { find: () => ({ token: 'abc…', source: 'option' }) };
 * ```
 */
export interface TokenProvider {
  /** The token this place holds, or `undefined`. */
  find(): FoundToken | undefined | Promise<FoundToken | undefined>;
}

/**
 * `BRAINSTEM_TOKEN`, else `BRAINSTEM_API_TOKEN`.
 *
 * @example
 * ```ts
 * await envTokenProvider().find(); // { token, source: 'env:BRAINSTEM_TOKEN' } when set
 * ```
 */
export function envTokenProvider(): TokenProvider {
  return {
    find() {
      const t = readEnv('BRAINSTEM_TOKEN');
      if (t) return { token: t, source: 'env:BRAINSTEM_TOKEN' };
      const a = readEnv('BRAINSTEM_API_TOKEN');
      if (a) return { token: a, source: 'env:BRAINSTEM_API_TOKEN' };
      return undefined;
    },
  };
}

/**
 * The variables of a `.env` file: loads it into the environment (`loadEnvFile`), then reads them as
 * {@link envTokenProvider} does. A file that cannot be read is a warning, not an error.
 *
 * @example
 * ```ts
 * dotEnvTokenProvider(() => loadDotEnv(), (m) => console.warn(m));
 * ```
 */
export function dotEnvTokenProvider(loadEnvFile: () => void, warn: (message: string) => void): TokenProvider {
  return {
    find() {
      try {
        loadEnvFile();
      } catch (err) {
        warn(`could not read .env: ${(err as Error).message}`);
      }
      const found = envTokenProvider().find() as FoundToken | undefined;
      return found ? { token: found.token, source: '.env' } : undefined;
    },
  };
}

/**
 * The token a {@link TokenStore} holds for `url`. A store that cannot be read is a warning, not an error.
 *
 * @example
 * ```ts
 * storeTokenProvider(new FileTokenStore(), client.url, client.log);
 * ```
 */
export function storeTokenProvider(store: TokenStore, url: string, log: LogSink): TokenProvider {
  return {
    async find() {
      const stored = await store.get(url).catch((err: unknown) => {
        log.warn(`could not read the token cache: ${(err as Error).message}`);
        return undefined;
      });
      if (!stored) return undefined;
      log.debug(`using the token from ${stored.source}`);
      return { token: stored.token, source: stored.python ? 'python-cache' : 'cache' };
    },
  };
}

/**
 * Settings of {@link TokenAuth}.
 *
 * @example
 * ```ts
 * const settings: TokenAuthOptions = { url, token: undefined, providers: [envTokenProvider()], canLogin: () => false, login: async () => {} };
 * ```
 */
export interface TokenAuthOptions {
  /** The server URL (for messages). */
  url: string;
  /** The client's `token` option: when given, nothing else is asked. */
  token: TokenOption | undefined;
  /** Where to look when there is no `token` option, in order; looked up once, on the first request. */
  providers: readonly TokenProvider[];
  /** Told of every token handed out, so that it is redacted from what the client prints or throws. */
  secrets?: Secrets;
  /** Whether a missing token may start a login (the client allows it and a person can answer). */
  canLogin(): boolean;
  /** Runs the login; it hands the token to {@link TokenAuth.remember}. */
  login(): Promise<unknown>;
  /** Tells the person at the terminal that a login starts. */
  notify?(message: string): void;
}

/**
 * The token for each request, by the rules of `ClientOptions.token`.
 *
 * @example
 * ```ts
 * const auth = new TokenAuth({ url, token: undefined, providers: [envTokenProvider()], canLogin: () => false, login: async () => {} });
 * await auth.tokenFor({ portal: 'public' }); // undefined: anonymous
 * ```
 */
export class TokenAuth {
  /** Where the current token came from. */
  source: TokenSource | undefined;

  readonly #opts: TokenAuthOptions;
  #found: Promise<FoundToken | undefined> | undefined;
  #loginInFlight: Promise<unknown> | undefined;

  constructor(opts: TokenAuthOptions) {
    this.#opts = opts;
  }

  async #lookup(): Promise<FoundToken | undefined> {
    for (const provider of this.#opts.providers) {
      const found = await provider.find();
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The token for a request: `undefined` means anonymous. On the public portal a missing token is fine; elsewhere
   * it starts a login when allowed, else throws {@link AuthenticationError} (unless `interactive` is `false`).
   */
  async tokenFor(opts: { interactive?: boolean; portal?: Portal } = {}): Promise<string | undefined> {
    const t = this.#opts.token;
    if (typeof t === 'string' && t) return this.#use({ token: t, source: 'option' });
    if (typeof t === 'function') {
      const v = await t();
      if (typeof v !== 'string' || !v) throw new InvalidArgumentError('token', 'the token function returned no token');
      return this.#use({ token: v, source: 'function' });
    }
    this.#found ??= this.#lookup();
    let found = await this.#found;
    if (!found && opts.portal === 'public') return undefined;
    if (!found && (opts.interactive ?? true) && this.#opts.canLogin()) {
      this.#opts.notify?.(`No BrainSTEM token found for ${this.#opts.url}; starting login.`);
      this.#loginInFlight ??= this.#opts.login().finally(() => {
        this.#loginInFlight = undefined;
      });
      await this.#loginInFlight;
      found = await this.#found;
    }
    if (!found) {
      if (opts.interactive === false) return undefined;
      throw new AuthenticationError({
        status: 401,
        body: null,
        url: this.#opts.url,
        method: 'GET',
        code: 'no_token',
        message:
          `No BrainSTEM API token found for ${this.#opts.url}. Pass one (new BrainstemClient({ token })), set ` +
          'BRAINSTEM_TOKEN (also read from a .env file), or log in with `await client.login()`' +
          tokenPageHint(this.#opts.url) +
          " Public data needs no token: pass portal: 'public'.",
      });
    }
    return this.#use(found);
  }

  #use(found: FoundToken): string {
    this.source = found.source;
    this.#opts.secrets?.add(found.token);
    return found.token;
  }

  /** Uses `token` from now on (after a login). */
  remember(token: string, source: TokenSource): void {
    this.#found = Promise.resolve({ token, source });
    this.#use({ token, source });
  }

  /** Forgets the token found (after a logout): the next request looks again. */
  forget(): void {
    this.#found = undefined;
    if (this.source !== 'option' && this.source !== 'function') this.source = undefined;
  }
}

/**
 * The {@link TokenAuth} of a client: its `token` option, else env, then `.env` and the token store when the
 * runtime has them, else a login when the client is interactive and a person can answer.
 *
 * @example
 * ```ts
 * const auth = clientTokenAuth({ url, token: undefined, platform: {}, store: undefined, log, interactive: false, login: async () => {} });
 * ```
 */
export function clientTokenAuth(opts: {
  url: string;
  token: TokenOption | undefined;
  platform: Platform;
  store: TokenStore | undefined;
  log: LogSink;
  secrets?: Secrets;
  interactive: boolean | undefined;
  login(): Promise<unknown>;
}): TokenAuth {
  const { platform, store, log } = opts;
  const providers: TokenProvider[] = [envTokenProvider()];
  if (platform.loadEnvFile)
    providers.push(
      dotEnvTokenProvider(
        () => platform.loadEnvFile!(),
        (m) => log.warn(m),
      ),
    );
  if (store) providers.push(storeTokenProvider(store, opts.url, log));
  return new TokenAuth({
    url: opts.url,
    token: opts.token,
    providers,
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    canLogin: () => opts.interactive !== false && Boolean(platform.canPrompt?.()),
    login: opts.login,
    ...(platform.notify ? { notify: (m: string) => platform.notify!(m) } : {}),
  });
}
