/**
 * A value as messages show it: numbers, and text that reads as a number, as written; other text quoted. The client
 * checks numbers and the server checks query text, so `limit: 0` and `?limit=0` are worded alike ("got 0"), while
 * `?limit=ten` says `got "ten"`.
 *
 * @example
 * ```ts
 * shownValue(0); // '0'
 * shownValue('1.5'); // '1.5'
 * shownValue('ten'); // '"ten"'
 * ```
 */
export function shownValue(value: unknown): string {
  return typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value) ? JSON.stringify(value) : String(value);
}
