/**
 * brainstem-api-tools for Node: the core plus token cache, `.env` loading, prompts and browser opening.
 * @module
 */
export * from './index.js';
