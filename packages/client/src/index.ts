/**
 * brainstem-api-tools — the portable core (no Node built-ins): works in browsers, Deno, Bun and Node.
 * The Node entry (`brainstem-api-tools` under Node, or `brainstem-api-tools/node`) re-exports all of this with
 * the token file, `.env` loading, prompts and browser opening wired in.
 * @module
 */
export * from './registry/index.js';
export type * from './types.generated.js';
