/**
 * `login` and `logout`: getting a token by the device flow, by password or as given (checked first), storing it
 * per server URL, and forgetting it.
 * @module
 */
import { InvalidArgumentError, LoginError } from '../errors.js';
import type { LogSink } from '../logger.js';
import type { Platform, TokenStore } from '../platform.js';
import type { Secrets } from '../redact.js';
import { deviceLogin, type VerificationInfo } from './device.js';
import { passwordLogin } from './password.js';

/**
 * Options of {@link BrainstemClient.login}.
 *
 * @example
 * ```ts
 * await client.login({ headless: true, onVerification: (i) => console.error(i.verificationUri, i.userCode) });
 * ```
 */
export interface LoginOptions {
  /**
   * `'device'` (default; browser approval, 2FA-safe), `'password'` (`POST /api/token/`), or `'token'` (store a
   * token you already have, after checking it with `whoami`).
   */
  method?: 'device' | 'password' | 'token';
  /** Token login: the token to check and store. */
  token?: string;
  /** Device login: print the URL and code instead of opening a browser. */
  headless?: boolean;
  /** Password login: email (prompted for on a terminal when absent). */
  email?: string;
  /** Password login: password (prompted for, hidden, on a terminal when absent). */
  password?: string;
  /** Cancels the login. */
  signal?: AbortSignal;
  /** Device login: called with the URL/code to show (replaces the default message). */
  onVerification?: (info: VerificationInfo) => void | Promise<void>;
  /** Device login: who is asking (the approval page names it). @default the client's `clientName` option */
  clientName?: string;
  /** Save the token in the token store. @default true */
  save?: boolean;
}

/**
 * Result of {@link BrainstemClient.login}.
 *
 * @example
 * ```ts
 * const { saved } = await client.login();
 * if (!saved) console.warn('token not cached');
 * ```
 */
export interface LoginResult {
  token: string;
  method: 'device' | 'password' | 'token';
  /** Whether the token was written to the token store. */
  saved: boolean;
}

/**
 * Result of {@link BrainstemClient.logout}.
 *
 * @example
 * ```ts
 * const { removed, remaining }: LogoutResult = await client.logout();
 * ```
 */
export interface LogoutResult {
  /** The server URLs whose token was removed. */
  removed: string[];
  /** A token still found for this URL after the logout (the Python tool's file), and where. */
  remaining?: { source: string; python: boolean };
}

/** What a login needs from the client. */
export interface LoginContext {
  /** The server URL. */
  url: string;
  platform: Platform;
  log: LogSink;
  /** Told of the password, device code and token of the login, so that they are redacted. */
  secrets: Secrets;
  store: TokenStore | undefined;
  /** The client's `clientName` option. */
  clientName: string | undefined;
  /** Posts without a token. */
  post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
  /** Rejects when `token` is not accepted by the server. */
  check(token: string, signal?: AbortSignal): Promise<unknown>;
}

async function obtainToken(ctx: LoginContext, method: string, opts: LoginOptions): Promise<string> {
  const { platform } = ctx;
  if (method === 'device') {
    return deviceLogin(
      {
        post: ctx.post,
        ...(platform.openBrowser ? { openBrowser: (u: string) => platform.openBrowser!(u) } : {}),
        notify: platform.notify ?? ((msg: string) => ctx.log.warn(msg)),
        debug: (msg) => ctx.log.debug(msg),
        resolve: (p) => new URL(p, ctx.url).href,
        secret: (v) => ctx.secrets.add(v),
      },
      {
        ...(opts.headless !== undefined ? { headless: opts.headless } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onVerification ? { onVerification: opts.onVerification } : {}),
        clientName: opts.clientName ?? ctx.clientName ?? `brainstem-api-tools (${platform.prompt ? 'node' : 'js'})`,
      },
    );
  }
  if (method === 'password') {
    let email = opts.email;
    let password = opts.password;
    if (!email || !password) {
      if (!platform.prompt || !platform.canPrompt?.()) {
        throw new LoginError('no_prompt', 'Password login needs { email, password } (no terminal to ask on).');
      }
      email ||= (await platform.prompt('BrainSTEM email: ')).trim();
      password ||= await platform.prompt('Password: ', { hidden: true });
    }
    ctx.secrets.add(password);
    return passwordLogin((p, b) => ctx.post(p, b, opts.signal), email, password);
  }
  if (method === 'token') {
    if (typeof opts.token !== 'string' || !opts.token.trim()) {
      throw new InvalidArgumentError('token', 'login({ method: "token" }) needs { token }');
    }
    const token = opts.token.trim();
    ctx.secrets.add(token);
    // Check it before storing: a wrong token must not end up in the cache.
    await ctx.check(token, opts.signal);
    return token;
  }
  throw new InvalidArgumentError(
    'method',
    `login method must be "device", "password" or "token", got ${JSON.stringify(method)}`,
  );
}

/**
 * Gets a token by the chosen method and stores it for the server URL (unless `save: false`). A store that cannot
 * be written is a warning: the token is still answered.
 *
 * @example
 * ```ts
 * const { token } = await login(ctx, { method: 'password', email, password });
 * ```
 */
export async function login(ctx: LoginContext, opts: LoginOptions = {}): Promise<LoginResult> {
  const method = opts.method ?? 'device';
  const token = await obtainToken(ctx, method, opts);
  let saved = false;
  if (opts.save !== false && ctx.store) {
    try {
      await ctx.store.set(ctx.url, token);
      saved = true;
    } catch (err) {
      ctx.log.warn(`logged in, but the token could not be saved: ${(err as Error).message}`);
    }
  }
  return { token, method, saved };
}

/**
 * Removes the token of `url` (or, with `all`, every token) from the store, and says whether one is still found.
 *
 * @example
 * ```ts
 * await logout(new FileTokenStore(), 'https://www.brainstem.org/', { all: false });
 * ```
 */
export async function logout(
  store: TokenStore | undefined,
  url: string,
  opts: { all?: boolean } = {},
): Promise<LogoutResult> {
  let removed: string[] = [];
  if (store && opts.all) {
    removed = store.clear ? await store.clear() : (await store.delete(url)) ? [url] : [];
  } else if (store) {
    removed = (await store.delete(url)) ? [url] : [];
  }
  const left = store ? await store.get(url) : undefined;
  return left ? { removed, remaining: { source: left.source, python: Boolean(left.python) } } : { removed };
}
