/**
 * The response envelopes, re-exported for code that imports them from the registry: they live in
 * `protocol/envelopes.ts`.
 * @module
 */
export * from '../protocol/envelopes.js';
