/** This package's version; sent as `User-Agent: brainstem-api-tools/<version>` outside browsers. Kept equal to
 * package.json by test/unit/version.test.ts. */
export const VERSION = '0.1.0';
