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

/**
 * How a server reads a `limit` sent on the wire, the one rule for every value: DRF's LimitOffsetPagination reads a
 * positive integer and caps it at {@link MAX_PAGE_SIZE} (its `max_limit` cutoff). Zero, a negative number and
 * anything not an integer are refused with {@link pageSizeProblem}'s wording, where DRF falls back to the default
 * page size: a page of another size than asked for, handed back without a word, is the silent answer the API
 * refuses elsewhere (unknown parameters, misspelt filters).
 *
 * @example
 * ```ts
 * readPageSize('500'); // { limit: 100 }
 * readPageSize('0'); // { problem: 'limit must be an integer from 1 to 100 (the API maximum), got 0' }
 * readPageSize('-1', 'per_page'); // { problem: 'per_page must be an integer from 1 to 100 (the API maximum), got -1' }
 * ```
 */
export function readPageSize(raw: string, name = 'limit'): { limit: number } | { problem: string } {
  const s = raw.trim();
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) return { problem: pageSizeProblem(raw, name) as string };
  return { limit: Math.min(n, MAX_PAGE_SIZE) };
}
