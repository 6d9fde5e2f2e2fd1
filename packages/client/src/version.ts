/**
 * This package's version; sent as `User-Agent: brainstem-api-tools/<version>` outside browsers. Kept equal to
 * package.json by test/packaging.test.ts.
 *
 * @example
 * ```ts
 * console.log(VERSION); // '0.1.0'
 * ```
 */
export const VERSION = '0.1.0';
