/**
 * brainstem-api-tools — the portable core (no Node built-ins): works in browsers, Deno, Bun and Node.
 * The Node entry (`brainstem-api-tools` under Node, or `brainstem-api-tools/node`) re-exports all of this with
 * the token file, `.env` loading, prompts and browser opening wired in.
 *
 * @example
 * ```ts
 * import { BrainstemClient } from 'brainstem-api-tools/core';
 * const client = new BrainstemClient({ token: myToken });
 * const { projects } = await client.load('project', { portal: 'public' });
 * ```
 * @module brainstem-api-tools
 */

export * from 'brainstem-api-description';
export {
  ACTION_METHODS,
  type ActionMethodSpec,
  type ApprovalModel,
  type InvitationModel,
  type LogEntryData,
  type LogEntryDetails,
  type LogEntryType,
  type LogModel,
  modelHasAction,
} from './actions.js';
export { APIPromise, type APIResponse, type WithResponse } from './api-promise.js';
export type { DeviceLoginOptions, VerificationInfo } from './auth/device.js';
export type { LoginOptions, LoginResult, LogoutResult } from './auth/login.js';
export type { FoundToken, TokenOption, TokenProvider, TokenSource } from './auth/token.js';
export { BrainstemClient } from './client.js';
export * from './errors.js';
export { redactUrlCredentials } from './internal/url-credentials.js';
export type { GeneratedLoaderMethods } from './loader-methods.generated.js';
export { LOADER_METHODS, loaderMethodName } from './loaders.js';
export type { Logger, LogLevel } from './logger.js';
export type { Platform, StoredToken, TokenStore } from './platform.js';
export { encodeQuery, type FilterValue, type QueryOptions, queryPairs } from './query.js';
export { type BackoffOptions, PAGE_ATTEMPTS, RETRY_BUDGET } from './retry.js';
export { assertSecure, type HttpMethod, type RequestOptions, type RetryNotice } from './transport.js';
export type * from './types.generated.js';
export type * from './types.js';
export { DEFAULT_URL, normalizeUrl } from './url.js';
export { checkId, checkPortal, checkQueryNames, resolveModel } from './validate.js';
export { VERSION } from './version.js';
