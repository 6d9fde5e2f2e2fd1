/**
 * Page-size limits of list requests (`limit`): the documented maximum and the server's default.
 * @module
 */
import { shownValue } from '../protocol/shown-value.js';

/**
 * The largest `limit` a list request may ask for (the Python v2 client: "API maximum: 100").
 *
 * @example
 * ```ts
 * client.loadAll('session', { pageSize: MAX_PAGE_SIZE });
 * ```
 */
export const MAX_PAGE_SIZE = 100;

/**
 * Records per page when a list request sends no `limit`.
 *
 * @example
 * ```ts
 * (await client.load('session')).sessions.length <= DEFAULT_PAGE_SIZE; // true
 * ```
 */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Why `value` is not a valid page size, or `undefined` when it is an integer from 1 to {@link MAX_PAGE_SIZE}.
 *
 * @example
 * ```ts
 * pageSizeProblem(500, 'limit'); // 'limit must be an integer from 1 to 100 (the API maximum), got 500'
 * ```
 */
export function pageSizeProblem(value: unknown, name = 'limit'): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE) return undefined;
  return `${name} must be an integer from 1 to ${MAX_PAGE_SIZE} (the API maximum), got ${shownValue(value)}`;
}
