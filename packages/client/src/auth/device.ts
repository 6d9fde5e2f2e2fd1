/**
 * Device login, BrainSTEM's variant of RFC 8628 (the API docs' "CLI Device Authorization Flow"):
 * `POST /api/auth/device/` → open `verification_uri_complete` (or print `verification_uri` + `user_code` when
 * headless) → poll `POST /api/auth/device/token/ { device_code }` at the server's `interval`; every poll answer is
 * HTTP 200 and the body says what happened.
 * @module
 */
import { DEVICE_AUTHORIZATION_PATH, DEVICE_TOKEN_PATH } from 'brainstem-api-description';
import { AbortError, APIError, ConnectionError, LoginError, ServerError } from '../errors.js';
import { sleep } from '../internal/sleep.js';

/**
 * What the user needs to approve the login, handed to `onVerification`.
 *
 * @example
 * ```ts
 * await client.login({ onVerification: (info: VerificationInfo) => console.error(`Open ${info.verificationUri}, code ${info.userCode}`) });
 * ```
 */
export interface VerificationInfo {
  /** Page where the user types `userCode`. */
  verificationUri: string;
  /** Page that needs no code (opened in the browser by default). */
  verificationUriComplete: string | undefined;
  /** Short code for headless mode, e.g. `WXYZ-1234`. */
  userCode: string | undefined;
  /** Seconds until the login expires. */
  expiresIn: number;
  /** Whether a browser was opened with `verificationUriComplete`. */
  browserOpened: boolean;
}

/**
 * Options of a device login.
 *
 * @example
 * ```ts
 * await client.login({ method: 'device', headless: true, signal: AbortSignal.timeout(60_000) });
 * ```
 */
export interface DeviceLoginOptions {
  /** Do not open a browser; show the URL and code instead. */
  headless?: boolean;
  /** Cancels the login. */
  signal?: AbortSignal;
  /** Called once the server has issued the code (show your own UI here). */
  onVerification?: (info: VerificationInfo) => void | Promise<void>;
  /** Sent as `client_name`. */
  clientName?: string;
}

/** Hooks the client provides to the flow. */
export interface DeviceLoginDeps {
  post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
  openBrowser?(url: string): Promise<boolean>;
  notify(message: string): void;
  debug(message: string): void;
  /** Absolute URL of a server path (for relative verification URIs). */
  resolve(path: string): string;
  /** Told of the device code and the token, so that they are redacted from messages. */
  secret?(value: string): void;
}

const TERMINAL: Record<string, string> = {
  access_denied: 'The login was denied in the browser.',
  expired_token: 'The login code expired before it was approved; run the login again.',
  already_used: 'This login code was already used to collect a token; run the login again.',
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * Runs the device flow and resolves with the new token.
 *
 * @example
 * ```ts
 * const token = await deviceLogin(deps, { headless: true });
 * ```
 */
export async function deviceLogin(deps: DeviceLoginDeps, opts: DeviceLoginOptions = {}): Promise<string> {
  const start = await deps.post(
    DEVICE_AUTHORIZATION_PATH,
    { client_name: opts.clientName ?? 'brainstem-api-tools' },
    opts.signal,
  );
  const s = (start && typeof start === 'object' ? start : {}) as Record<string, unknown>;
  const deviceCode = str(s.device_code) ?? str(s.session_id);
  if (deviceCode) deps.secret?.(deviceCode);
  const complete = str(s.verification_uri_complete);
  const uri = str(s.verification_uri) ?? (complete ? complete.replace(/\?.*$/, '') : undefined);
  if (!deviceCode || !uri) {
    throw new LoginError(
      'bad_response',
      `Unexpected answer to POST ${DEVICE_AUTHORIZATION_PATH}: ${JSON.stringify(start)}`,
    );
  }
  const expiresIn = typeof s.expires_in === 'number' && s.expires_in > 0 ? s.expires_in : 900;
  let interval = typeof s.interval === 'number' && s.interval > 0 ? s.interval : 5;
  const userCode = str(s.user_code);
  const deadline = Date.now() + expiresIn * 1000;

  let browserOpened = false;
  if (!opts.headless && complete && deps.openBrowser) {
    browserOpened = await deps.openBrowser(deps.resolve(complete)).catch(() => false);
  }
  const info: VerificationInfo = {
    verificationUri: deps.resolve(uri),
    verificationUriComplete: complete ? deps.resolve(complete) : undefined,
    userCode,
    expiresIn,
    browserOpened,
  };
  if (opts.onVerification) await opts.onVerification(info);
  else if (browserOpened) {
    deps.notify(
      `A browser window opened to approve this login (if not, open ${info.verificationUriComplete}).\nWaiting for authorization...`,
    );
  } else if (userCode) {
    deps.notify(
      `Open ${info.verificationUri} in a browser\nand enter the code: ${userCode}\n\nWaiting for authorization...`,
    );
  } else {
    deps.notify(
      `Open ${info.verificationUriComplete ?? info.verificationUri} in a browser to approve this login.\nWaiting for authorization...`,
    );
  }

  for (;;) {
    const wait = Math.min(interval * 1000, Math.max(0, deadline - Date.now()));
    await sleep(wait, opts.signal);
    if (Date.now() >= deadline) {
      throw new LoginError(
        'timeout',
        `The login was not approved within ${Math.round(expiresIn / 60)} minutes; run the login again.`,
      );
    }
    let answer: Record<string, unknown>;
    try {
      const body = await deps.post(DEVICE_TOKEN_PATH, { device_code: deviceCode }, opts.signal);
      answer = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    } catch (err) {
      if (err instanceof AbortError) throw err;
      // A lost poll is harmless: keep polling until the deadline.
      if (err instanceof ServerError || err instanceof ConnectionError) {
        deps.debug(`device poll failed (${(err as Error).message}); polling on`);
        continue;
      }
      if (err instanceof APIError && err.status === 429) {
        interval += 5;
        continue;
      }
      throw err;
    }
    const error = str(answer.error);
    const status = str(answer.status);
    const token = str(answer.token);
    if (token) deps.secret?.(token);
    if (status === 'success' && token) return token;
    if (error && TERMINAL[error]) throw new LoginError(error as 'access_denied', TERMINAL[error] as string);
    if (error === 'slow_down' || status === 'slow_down') {
      interval += 5;
      deps.debug(`device poll: slow_down, interval now ${interval} s`);
      continue;
    }
    if (status === 'authorization_pending' || error === 'authorization_pending') continue;
    throw new LoginError('bad_response', `Unexpected device poll answer: ${JSON.stringify(answer)}`);
  }
}
